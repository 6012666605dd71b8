#!/usr/bin/env python3
"""Byte-level BPE (GPT-2 style) trainer + encoder, writing Hugging Face tokenizers JSON.

Needs the `regex` module for \\p{L}/\\p{N} (Debian: `apt-get install -y python3-regex`).

Train:  /usr/bin/python3 scripts/lm/bpe.py train --input .cache/lm/train.txt --vocab-size 8192 --out .cache/lm/tok
Encode: /usr/bin/python3 scripts/lm/bpe.py encode --tok .cache/lm/tok "Hello world"

Vocabulary layout: ids 0..255 = the 256 byte symbols (GPT-2 bytes_to_unicode order),
then one id per merge in merge order, and `<|endoftext|>` last (id vocab_size-1), as in GPT-2.
"""
import argparse, collections, json, os, sys, time
import regex

GPT2_PAT = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
PAT = regex.compile(GPT2_PAT)
EOT = "<|endoftext|>"


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


B2U = bytes_to_unicode()
U2B = {v: k for k, v in B2U.items()}


def to_symbols(chunk: str) -> str:
    return "".join(B2U[b] for b in chunk.encode("utf-8"))


def train(text_path, vocab_size, out_dir, min_freq=2):
    t0 = time.time()
    text = open(text_path, encoding="utf-8").read()
    counts = collections.Counter()
    for doc in text.split(EOT):
        counts.update(PAT.findall(doc))
    print(f"pre-tokenised: {len(counts)} unique chunks in {time.time()-t0:.1f}s", flush=True)
    base = list(B2U.values())  # 256 symbols, id = position
    sym2id = {s: i for i, s in enumerate(base)}
    id2sym = list(base)
    words, freqs = [], []
    for w, c in counts.items():
        words.append([sym2id[s] for s in to_symbols(w)])
        freqs.append(c)
    pair_counts = collections.defaultdict(int)
    where = collections.defaultdict(set)
    for wi, (w, f) in enumerate(zip(words, freqs)):
        for a, b in zip(w, w[1:]):
            pair_counts[(a, b)] += f
            where[(a, b)].add(wi)
    n_merges = vocab_size - 256 - 1
    merges = []
    for m in range(n_merges):
        if not pair_counts:
            break
        # highest count; ties broken by the smaller pair of ids (deterministic)
        best = max(pair_counts.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        (a, b), c = best
        if c < min_freq:
            break
        new_id = len(id2sym)
        id2sym.append(id2sym[a] + id2sym[b])
        merges.append((a, b))
        for wi in list(where[(a, b)]):
            w, f = words[wi], freqs[wi]
            # remove old pairs
            for p in zip(w, w[1:]):
                pair_counts[p] -= f
                if pair_counts[p] <= 0:
                    del pair_counts[p]
                where[p].discard(wi)
            nw, i = [], 0
            while i < len(w):
                if i < len(w) - 1 and w[i] == a and w[i + 1] == b:
                    nw.append(new_id); i += 2
                else:
                    nw.append(w[i]); i += 1
            words[wi] = nw
            for p in zip(nw, nw[1:]):
                pair_counts[p] += f
                where[p].add(wi)
        where.pop((a, b), None)
        if m % 500 == 0:
            print(f"merge {m}: {id2sym[new_id]!r} count={c} ({time.time()-t0:.1f}s)", flush=True)
    vocab = {s: i for i, s in enumerate(id2sym)}
    vocab[EOT] = len(id2sym)
    merge_strs = [f"{id2sym[a]} {id2sym[b]}" for a, b in merges]
    write_hf(out_dir, vocab, merge_strs)
    print(f"vocab {len(vocab)} ({len(merges)} merges) written to {out_dir} in {time.time()-t0:.1f}s")


def write_hf(out_dir, vocab, merges, model_max_length=256):
    os.makedirs(out_dir, exist_ok=True)
    eot_id = vocab[EOT]
    tok = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": eot_id, "content": EOT, "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": True, "special": True}],
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": merges},
    }
    with open(os.path.join(out_dir, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)
    cfg = {
        "add_bos_token": False, "add_prefix_space": False,
        "added_tokens_decoder": {str(eot_id): {"content": EOT, "lstrip": False, "normalized": True,
                                               "rstrip": False, "single_word": False, "special": True}},
        "bos_token": EOT, "eos_token": EOT, "unk_token": EOT,
        "clean_up_tokenization_spaces": False, "errors": "replace",
        "model_max_length": model_max_length, "pad_token": None, "tokenizer_class": "GPT2Tokenizer",
    }
    with open(os.path.join(out_dir, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(cfg, f, ensure_ascii=False, indent=2)


class Tokenizer:
    """GPT-2 encoder over a tokenizer.json written by write_hf (also reads HF GPT-2 files)."""

    def __init__(self, tok_dir):
        j = json.load(open(os.path.join(tok_dir, "tokenizer.json"), encoding="utf-8"))
        self.vocab = j["model"]["vocab"]
        self.inv = {i: s for s, i in self.vocab.items()}
        ms = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in j["model"]["merges"]]
        self.ranks = {m: i for i, m in enumerate(ms)}
        self.eot_id = self.vocab[EOT]
        self.cache = {}

    def bpe(self, chunk):
        if chunk in self.cache:
            return self.cache[chunk]
        word = list(to_symbols(chunk))
        while len(word) > 1:
            pairs = [(self.ranks.get((word[i], word[i + 1]), 1 << 30), i) for i in range(len(word) - 1)]
            r, _ = min(pairs)
            if r == 1 << 30:
                break
            first, second = None, None
            # find the pair with that rank
            for (rk, i) in pairs:
                if rk == r:
                    first, second = word[i], word[i + 1]
                    break
            nw, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and word[i] == first and word[i + 1] == second:
                    nw.append(first + second); i += 2
                else:
                    nw.append(word[i]); i += 1
            word = nw
        ids = [self.vocab[s] for s in word]
        if len(self.cache) < 500000:
            self.cache[chunk] = ids
        return ids

    def encode(self, text):
        """Encodes text; the literal string <|endoftext|> becomes the special token."""
        out = []
        parts = text.split(EOT)
        for k, part in enumerate(parts):
            if k > 0:
                out.append(self.eot_id)
            for ch in PAT.findall(part):
                out.extend(self.bpe(ch))
        return out

    def decode(self, ids):
        s = "".join(self.inv[i] for i in ids)
        return bytearray(U2B[c] for c in s if c in U2B).decode("utf-8", errors="replace") if EOT not in s else \
            EOT.join(bytearray(U2B[c] for c in p).decode("utf-8", errors="replace") for p in s.split(EOT))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    t = sp.add_parser("train"); t.add_argument("--input", required=True); t.add_argument("--vocab-size", type=int, default=8192)
    t.add_argument("--out", required=True)
    e = sp.add_parser("encode"); e.add_argument("--tok", required=True); e.add_argument("text", nargs="+")
    a = ap.parse_args()
    if a.cmd == "train":
        train(a.input, a.vocab_size, a.out)
    else:
        tk = Tokenizer(a.tok)
        for s in a.text:
            ids = tk.encode(s)
            print(json.dumps({"text": s, "ids": ids, "roundtrip": tk.decode(ids) == s}, ensure_ascii=False))
