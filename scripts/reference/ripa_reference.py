"""Independent reference for RIPA (docs/methods/ripa.md).

Re-implements WEFE's wefe/metrics/RIPA.py steps literally (per-pair loop, b = (x - y)/||x - y||,
w . b, np.mean and np.std per word, np.mean over the set's words), enumerates the one-sided
permutation p over all re-partitions of X u Y with itertools.combinations, and finds the inverted
test's lower bound by evaluating the shifted test between consecutive candidate shifts. Vectors are
float32 values (as the app's tables hold them) computed on in float64.

Run: /usr/bin/python3 scripts/reference/ripa_reference.py > tests/fixtures/reference/ripa.json
"""
import itertools
import json
import sys

import numpy as np

ALPHA = 0.05
TIE = 1e-12


def b_vec(word1, word2):
    vec = np.array(word1) - np.array(word2)
    norm = np.linalg.norm(vec)
    return vec / norm


def wefe_ripa(pairs, words):
    """WEFE's _calc_metric for one scored set: ({word: (mean, std)}, mean of means)."""
    values = {}
    for name, w in words:
        scores = [np.dot(w, b_vec(x, y)) for x, y in pairs]
        values[name] = (float(np.mean(scores)), float(np.std(scores)))
    return values, float(np.mean([m for m, _ in values.values()]))


def perm_count(s, nx, threshold):
    total = s.sum()
    count = 0
    n = 0
    for combo in itertools.combinations(range(len(s)), nx):
        stat = 2 * s[list(combo)].sum() - total
        n += 1
        if stat >= threshold:
            count += 1
    return count, n


def case(name, seed, dim, nx, ny, npairs, lean_by, same_pair=False):
    rng = np.random.default_rng(seed)
    f32 = lambda k: [rng.normal(size=dim).astype(np.float32).astype(np.float64) for _ in range(k)]
    X, Y = f32(nx), f32(ny)
    firsts, seconds = f32(npairs), f32(npairs)
    # Give the relation a real X/Y difference: X words lean towards the first words.
    lean = np.mean(firsts, axis=0) - np.mean(seconds, axis=0)
    X = [(x + lean_by * lean).astype(np.float32).astype(np.float64) for x in X]
    if same_pair:
        seconds[1] = firsts[1].copy()
    used = [(firsts[i], seconds[i]) for i in range(npairs) if not (same_pair and i == 1)]
    xv, xm = wefe_ripa(used, [(f"x{i}", v) for i, v in enumerate(X)])
    yv, ym = wefe_ripa(used, [(f"y{i}", v) for i, v in enumerate(Y)])
    s = np.array([xv[f"x{i}"][0] for i in range(nx)] + [yv[f"y{i}"][0] for i in range(ny)])
    observed = s[:nx].sum() - s[nx:].sum()
    eps = TIE * np.abs(s).sum()
    extreme, partitions = perm_count(s, nx, observed - eps)
    # Inverted test: p(delta) with delta subtracted from X's scores, eps held at the observed value.
    def p_at(delta):
        t = s.copy()
        t[:nx] -= delta
        obs = t[:nx].sum() - t[nx:].sum()
        return perm_count(t, nx, obs - eps)[0] / partitions
    candidates = set()
    total = s.sum()
    for combo in itertools.combinations(range(nx + ny), nx):
        k = sum(1 for i in combo if i >= nx)
        if k >= 1:
            stat = 2 * s[list(combo)].sum() - total
            candidates.add((observed - eps - stat) / (2 * k))
    cands = sorted(candidates)
    bound = None
    if p_at(cands[0] - 1.0) >= ALPHA:
        bound = None  # nothing rejected: -inf
    else:
        for j, c in enumerate(cands):
            nxt = cands[j + 1] if j + 1 < len(cands) else c + 1.0
            if p_at((c + nxt) / 2) >= ALPHA:
                bound = c
                break
    pair_diffs = [float(np.mean([np.dot(x, b_vec(a, b)) for x in X]) - np.mean([np.dot(y, b_vec(a, b)) for y in Y])) for a, b in used]
    return {
        "name": name,
        "dim": dim,
        "X": [v.tolist() for v in X],
        "Y": [v.tolist() for v in Y],
        "firsts": [v.tolist() for v in firsts],
        "seconds": [v.tolist() for v in seconds],
        "droppedPairIndex": 1 if same_pair else None,
        "wordMeans": s.tolist(),
        "wordSpreads": [xv[f"x{i}"][1] for i in range(nx)] + [yv[f"y{i}"][1] for i in range(ny)],
        "setMeans": {"X": xm, "Y": ym},
        "difference": xm - ym,
        "pairDifferences": pair_diffs,
        "pValue": extreme / partitions,
        "partitions": partitions,
        "shiftLowerBound": bound,
    }


def main():
    out = {
        "command": "/usr/bin/python3 scripts/reference/ripa_reference.py",
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "cases": [
            case("X leans to the first words, 4 vs 5 words, 8 pairs", 11, 6, 4, 5, 8, 2.0),
            case("one pair with the same vector, 5 vs 5 words", 23, 5, 5, 5, 4, 0.6, same_pair=True),
            case("no lean, 3 vs 4 words, 3 pairs", 5, 4, 3, 4, 3, 0.0),
        ],
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
