#!/usr/bin/env python3
"""Uncased WordPiece tokenizer for the tiny BERT: trainer (BPE-style merges with the "##"
continuation prefix, as HF's WordPieceTrainer does), a Python encoder that mirrors
transformers.js / @huggingface/tokenizers (BertNormalizer lowercase+strip accents,
BertPreTokenizer, greedy longest-match WordPiece, [CLS] ... [SEP]), and the HF JSON writer.

  /usr/bin/python3 scripts/lm/wordpiece.py train --input .cache/lm/train.txt --vocab-size 4096 --out .cache/lm/wp
"""
import argparse, collections, json, os, time, unicodedata
import regex

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PUNCT = r"\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E"
PRE = regex.compile(rf"[^\s{PUNCT}]+|[{PUNCT}]")
CONTROL = regex.compile(r"^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$")


def is_chinese(cp):
    return (19968 <= cp <= 40959 or 13312 <= cp <= 19903 or 131072 <= cp <= 173791 or 173824 <= cp <= 177983
            or 177984 <= cp <= 178207 or 178208 <= cp <= 183983 or 63744 <= cp <= 64255 or 194560 <= cp <= 195103)


def normalize(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (ch not in "\t\n\r" and CONTROL.search(ch)):
            continue
        out.append(" " if ch.isspace() else ch)
    t = "".join(out)
    t = "".join(f" {c} " if is_chinese(ord(c)) else c for c in t)
    t = t.lower()
    t = unicodedata.normalize("NFD", t)
    return "".join(c for c in t if unicodedata.category(c) != "Mn")


def pre_tokenize(text):
    return PRE.findall(text.strip())


def train(path, vocab_size, out, min_char=5):
    t0 = time.time()
    text = open(path, encoding="utf-8").read().replace("<|endoftext|>", " ")
    counts = collections.Counter(pre_tokenize(normalize(text)))
    chars = collections.Counter()
    for w, c in counts.items():
        for ch in w:
            chars[ch] += c
    alphabet = sorted(ch for ch, c in chars.items() if c >= min_char)
    id2tok = list(SPECIALS)
    for ch in alphabet:
        id2tok.append(ch)
    for ch in alphabet:
        id2tok.append("##" + ch)
    tok2id = {t: i for i, t in enumerate(id2tok)}
    words, freqs = [], []
    for w, c in counts.items():
        if any(ch not in tok2id for ch in w):
            continue
        words.append([tok2id[w[0]]] + [tok2id["##" + ch] for ch in w[1:]])
        freqs.append(c)
    pair_counts = collections.defaultdict(int)
    where = collections.defaultdict(set)
    for wi, (w, f) in enumerate(zip(words, freqs)):
        for p in zip(w, w[1:]):
            pair_counts[p] += f; where[p].add(wi)
    print(f"{len(counts)} unique words, alphabet {len(alphabet)} ({time.time()-t0:.1f}s)", flush=True)
    while len(id2tok) < vocab_size and pair_counts:
        (a, b), c = max(pair_counts.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        new = id2tok[a] + id2tok[b][2:]
        if new in tok2id:  # can happen with different splits; just merge into the existing id
            nid = tok2id[new]
        else:
            nid = len(id2tok); id2tok.append(new); tok2id[new] = nid
        for wi in list(where[(a, b)]):
            w, f = words[wi], freqs[wi]
            for p in zip(w, w[1:]):
                pair_counts[p] -= f
                if pair_counts[p] <= 0: del pair_counts[p]
                where[p].discard(wi)
            nw, i = [], 0
            while i < len(w):
                if i < len(w) - 1 and w[i] == a and w[i + 1] == b:
                    nw.append(nid); i += 2
                else:
                    nw.append(w[i]); i += 1
            words[wi] = nw
            for p in zip(nw, nw[1:]):
                pair_counts[p] += f; where[p].add(wi)
        where.pop((a, b), None)
        pair_counts.pop((a, b), None)
    write_hf(out, {t: i for i, t in enumerate(id2tok)})
    print(f"vocab {len(id2tok)} written to {out} ({time.time()-t0:.1f}s)")


# The tokenizer.json blocks of bert-base-uncased's fast tokenizer (also used by the Hub-matrix
# fixtures in scripts/lm/fixtures/build_tokenizers.py).
BERT_NORMALIZER = {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                   "strip_accents": None, "lowercase": True}
BERT_PRE_TOKENIZER = {"type": "BertPreTokenizer"}
WORDPIECE_DECODER = {"type": "WordPiece", "prefix": "##", "cleanup": True}


def bert_post_processor(cls, sep):
    """[CLS] A [SEP] (and [CLS] A [SEP] B [SEP]) with the ids of [CLS] and [SEP]."""
    return {"type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [cls], "tokens": ["[CLS]"]},
                               "[SEP]": {"id": "[SEP]", "ids": [sep], "tokens": ["[SEP]"]}}}


def write_hf(out, vocab, max_len=128):
    os.makedirs(out, exist_ok=True)
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    tok = {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": vocab[s], "content": s, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for s in SPECIALS],
        "normalizer": BERT_NORMALIZER,
        "pre_tokenizer": BERT_PRE_TOKENIZER,
        "post_processor": bert_post_processor(cls, sep),
        "decoder": WORDPIECE_DECODER,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }
    json.dump(tok, open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8"), ensure_ascii=False)
    cfg = {"tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": None,
           "tokenize_chinese_chars": True, "clean_up_tokenization_spaces": True, "model_max_length": max_len,
           "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
           "added_tokens_decoder": {str(vocab[s]): {"content": s, "lstrip": False, "normalized": False, "rstrip": False,
                                                     "single_word": False, "special": True} for s in SPECIALS}}
    json.dump(cfg, open(os.path.join(out, "tokenizer_config.json"), "w", encoding="utf-8"), indent=2, ensure_ascii=False)
    open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8").write(
        "".join(t + "\n" for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])))


class WordPieceTokenizer:
    def __init__(self, d):
        j = json.load(open(os.path.join(d, "tokenizer.json"), encoding="utf-8"))
        self.vocab = j["model"]["vocab"]; self.inv = {i: t for t, i in self.vocab.items()}
        for s in SPECIALS:
            setattr(self, s.strip("[]").lower() + "_id", self.vocab[s])

    def word(self, w):
        chars = list(w)
        if len(chars) > 100:
            return [self.unk_id]
        out, i = [], 0
        while i < len(chars):
            j, found = len(chars), None
            while i < j:
                s = "".join(chars[i:j])
                if i > 0: s = "##" + s
                if s in self.vocab:
                    found = s; break
                j -= 1
            if found is None:
                return [self.unk_id]
            out.append(self.vocab[found]); i = j
        return out

    def encode(self, text, special=True):
        ids = [i for w in pre_tokenize(normalize(text)) for i in self.word(w)]
        return [self.cls_id] + ids + [self.sep_id] if special else ids


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    t = sp.add_parser("train"); t.add_argument("--input", required=True); t.add_argument("--vocab-size", type=int, default=4096)
    t.add_argument("--out", required=True)
    e = sp.add_parser("encode"); e.add_argument("--tok", required=True); e.add_argument("text", nargs="+")
    a = ap.parse_args()
    if a.cmd == "train":
        train(a.input, a.vocab_size, a.out)
    else:
        tk = WordPieceTokenizer(a.tok)
        for s in a.text:
            ids = tk.encode(s)
            print(json.dumps({"text": s, "ids": ids, "tokens": [tk.inv[i] for i in ids]}, ensure_ascii=False))
