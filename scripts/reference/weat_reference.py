#!/usr/bin/python3
"""Independent numpy/scipy reference for the association-test core (src/core/stats, src/core/association).

Writes golden fixtures to tests/fixtures/reference/*.json, which tests/core/reference.test.ts compares
against. Everything here is written from the published definitions, deliberately NOT by porting the
TypeScript: s(w,A,B) as a literal double loop of cosines, S as sums over the partition, d with
numpy's std (ddof=1 sample, ddof=0 population), exact one-sided p by itertools.combinations, Holm/BH by
their max/min formulas, Spearman via scipy.stats.spearmanr, RNSB's logistic regression by
scipy.optimize.minimize (L-BFGS-B) instead of Newton, normal quantiles by scipy.stats.norm.

Bootstrap: the two RNGs differ, so instead of comparing random intervals this script draws a fixed
list of resample indices (numpy, seeded), stores them, and stores d* for each, plus the percentile
and BCa intervals computed from exactly those replicates; the TS test feeds the same indices to
effectSizeFromIndices / percentileInterval / bcaInterval.

Run (Debian's python3 with python3-numpy and python3-scipy, not a pyenv python):
    /usr/bin/python3 scripts/reference/weat_reference.py
"""
import itertools
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import optimize, stats

COMMAND = "/usr/bin/python3 scripts/reference/weat_reference.py"
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures", "reference")
TIE_RELATIVE_TOLERANCE = 1e-12  # same documented convention as src/core/stats/permutationTest.ts


def provenance():
    return {
        "generatedBy": COMMAND,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "python": sys.version.split()[0],
    }


def cos(u, v):
    u = np.asarray(u, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


def s_wab(w, A, B):
    """Caliskan et al. 2017: s(w,A,B) = mean_a cos(w,a) - mean_b cos(w,b)."""
    return float(np.mean([cos(w, a) for a in A]) - np.mean([cos(w, b) for b in B]))


def effect_size(sx, sy, ddof):
    pooled = np.concatenate([sx, sy])
    sd = np.std(pooled, ddof=ddof)
    if sd <= 1e-12 * np.max(np.abs(pooled)):
        return float("nan")
    return float((np.mean(sx) - np.mean(sy)) / sd)


def exact_p(s, nx):
    """One-sided exact p over all re-partitions keeping |X|: #{S_i >= S_obs - eps} / C(N, |X|)."""
    n = len(s)
    observed = float(np.sum(s[:nx]) - np.sum(s[nx:]))
    eps = TIE_RELATIVE_TOLERANCE * float(np.sum(np.abs(s)))
    count = 0
    total = 0
    all_idx = set(range(n))
    for comb in itertools.combinations(range(n), nx):
        rest = sorted(all_idx.difference(comb))
        stat = float(np.sum(s[list(comb)]) - np.sum(s[rest]))
        if stat >= observed - eps:
            count += 1
        total += 1
    assert total == math.comb(n, nx)
    return count, total, observed


def holm(p):
    p = np.asarray(p, dtype=float)
    n = len(p)
    order = np.argsort(p, kind="stable")
    adj_sorted = np.empty(n)
    for i in range(n):
        adj_sorted[i] = min(1.0, max((n - j) * p[order[j]] for j in range(i + 1)))
    out = np.empty(n)
    out[order] = adj_sorted
    return out.tolist()


def bh(p):
    p = np.asarray(p, dtype=float)
    n = len(p)
    order = np.argsort(p, kind="stable")
    adj_sorted = np.empty(n)
    for i in range(n):
        adj_sorted[i] = min(1.0, min(n * p[order[j]] / (j + 1) for j in range(i, n)))
    out = np.empty(n)
    out[order] = adj_sorted
    return out.tolist()


def d_from_indices(vecs, idx, ddof):
    """d on a sub-sample given by index lists into X, Y, A, B (bootstrap or jackknife replicate)."""
    X, Y, A, B = (vecs[k] for k in "XYAB")
    Ai = [A[j] for j in idx["A"]]
    Bi = [B[j] for j in idx["B"]]
    sx = np.array([s_wab(X[i], Ai, Bi) for i in idx["X"]])
    sy = np.array([s_wab(Y[i], Ai, Bi) for i in idx["Y"]])
    return effect_size(sx, sy, ddof)


def bca_from(estimate, replicates, jack, level):
    """Efron (1987) BCa with the k-sample jackknife acceleration (Davison & Hinkley 1997)."""
    reps = np.sort(np.asarray(replicates))
    b = len(reps)
    prop = (np.sum(reps < estimate) + 0.5 * np.sum(reps == estimate)) / b
    z0 = stats.norm.ppf(prop)
    num = 0.0
    den = 0.0
    for key in "XYAB":
        values = np.asarray(jack[key])
        n = len(values)
        finite = values[np.isfinite(values)]
        infl = (n - 1) * (np.mean(finite) - finite)
        num += np.sum(infl ** 3) / n ** 3
        den += np.sum(infl ** 2) / n ** 2
    a = num / (6 * den ** 1.5) if den > 0 else 0.0
    alpha = 1 - level
    levels = []
    for z in (stats.norm.ppf(alpha / 2), stats.norm.ppf(1 - alpha / 2)):
        levels.append(stats.norm.cdf(z0 + (z0 + z) / (1 - a * (z0 + z))))
    return float(a), [float(np.quantile(reps, q)) for q in levels]


def rnd(T1, T2, A):
    m1 = np.mean(np.asarray(T1, dtype=np.float64), axis=0)
    m2 = np.mean(np.asarray(T2, dtype=np.float64), axis=0)
    per = [float(np.linalg.norm(a - m1) - np.linalg.norm(a - m2)) for a in np.asarray(A, dtype=np.float64)]
    return {"mean": float(np.mean(per)), "sum": float(np.sum(per)), "perWord": per}


def mac(T, attribute_sets):
    """Current WEFE MAC: mean over all (target word, attribute set) pairs of the mean cosine distance."""
    return float(np.mean([np.mean([1 - cos(t, a) for a in Aj]) for t in T for Aj in attribute_sets]))


def ect(T1, T2, A):
    m1 = np.mean(np.asarray(T1, dtype=np.float64), axis=0)
    m2 = np.mean(np.asarray(T2, dtype=np.float64), axis=0)
    return float(stats.spearmanr([cos(m1, a) for a in A], [cos(m2, a) for a in A]).correlation)


def rnsb(targets, positive, negative, penalize_intercept):
    """L2 logistic regression (C=1) by L-BFGS-B on the sklearn objective; KL(P || uniform)."""
    Xtr = np.asarray(list(positive) + list(negative), dtype=np.float64)
    y = np.array([1.0] * len(positive) + [-1.0] * len(negative))
    d = Xtr.shape[1]

    def f(theta):
        w, b = theta[:d], theta[d]
        z = y * (Xtr @ w + b)
        pen = 0.5 * np.dot(w, w) + (0.5 * b * b if penalize_intercept else 0.0)
        loss = np.sum(np.logaddexp(0.0, -z))
        sig = 1.0 / (1.0 + np.exp(z))  # sigma(-z)
        g = np.concatenate([w, [b if penalize_intercept else 0.0]])
        g = g + np.concatenate([-(Xtr.T @ (y * sig)), [-np.sum(y * sig)]])
        return pen + loss, g

    res = optimize.minimize(f, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"gtol": 1e-13, "ftol": 1e-16, "maxiter": 20000})
    w, b = res.x[:d], res.x[d]
    T = np.asarray(targets, dtype=np.float64)
    p_neg = 1.0 / (1.0 + np.exp(T @ w + b))
    dist = p_neg / np.sum(p_neg)
    kl = float(stats.entropy(dist, np.ones(len(dist)) / len(dist)))
    return {"value": kl, "negativeProbabilities": p_neg.tolist(), "gradientNorm": float(np.max(np.abs(f(res.x)[1])))}


def f32_list(a):
    return [[float(x) for x in row] for row in np.asarray(a, dtype=np.float32)]


def make_case(name, seed, dim, sizes, shift=0.0, integer=False):
    rng = np.random.default_rng(seed)
    vecs = {}
    for key, n in zip("XYAB", sizes):
        if integer:
            vecs[key] = rng.integers(-2, 3, size=(n, dim)).astype(np.float32)
        else:
            vecs[key] = rng.standard_normal((n, dim)).astype(np.float32)
    if integer:
        # Force exact ties: Y repeats X's first vectors, and a zero row is impossible by construction.
        vecs["Y"][: min(sizes[0], sizes[1]) // 2] = vecs["X"][: min(sizes[0], sizes[1]) // 2]
        for key in "XYAB":
            for row in vecs[key]:
                if not np.any(row):
                    row[0] = 1
    if shift:
        # Bias: X leans towards A's mean direction, Y towards B's.
        vecs["X"] = (vecs["X"] + shift * vecs["A"].mean(axis=0)).astype(np.float32)
        vecs["Y"] = (vecs["Y"] + shift * vecs["B"].mean(axis=0)).astype(np.float32)
    vecs = {k: np.asarray(f32_list(v), dtype=np.float64) for k, v in vecs.items()}
    X, Y, A, B = (vecs[k] for k in "XYAB")

    sx = np.array([s_wab(x, A, B) for x in X])
    sy = np.array([s_wab(y_, A, B) for y_ in Y])
    s_all = np.concatenate([sx, sy])
    count, total, observed = exact_p(s_all, len(X))

    # Bootstrap replicates on fixed indices.
    brng = np.random.default_rng(seed + 1000)
    boot_idx = []
    replicates_sample = []
    for _ in range(60):
        idx = {k: brng.integers(0, len(vecs[k]), size=len(vecs[k])).tolist() for k in "XYAB"}
        boot_idx.append(idx)
        replicates_sample.append(d_from_indices(vecs, idx, 1))
    valid = [r for r in replicates_sample if not math.isnan(r)]
    full_idx = {k: list(range(len(vecs[k]))) for k in "XYAB"}
    d_sample = effect_size(sx, sy, 1)
    jack = {}
    for key in "XYAB":
        reps = []
        for omit in range(len(vecs[key])):
            idx = dict(full_idx)
            idx[key] = [i for i in full_idx[key] if i != omit]
            reps.append(d_from_indices(vecs, idx, 1))
        jack[key] = reps
    level = 0.95
    pct = [float(np.quantile(np.sort(valid), q)) for q in ((1 - level) / 2, 1 - (1 - level) / 2)]
    accel, bca = bca_from(d_sample, valid, jack, level)

    return {
        **provenance(),
        "name": name,
        "seed": seed,
        "dim": dim,
        "vectors": {k: v.tolist() for k, v in vecs.items()},
        "s": {"X": sx.tolist(), "Y": sy.tolist()},
        "statistic": float(np.sum(sx) - np.sum(sy)),
        "effectSize": {"sample": d_sample, "population": effect_size(sx, sy, 0)},
        "exact": {"extreme": count, "partitions": total, "pValue": count / total, "observed": observed},
        "bootstrap": {
            "sd": "sample",
            "level": level,
            "indices": boot_idx,
            "replicates": replicates_sample,
            "percentile": pct,
            "jackknife": jack,
            "acceleration": accel,
            "bca": bca,
        },
        "wefe": {
            "rnd": {"A": rnd(X, Y, A), "B": rnd(X, Y, B)},
            "mac": {"X": mac(X, [A, B]), "Y": mac(Y, [A, B])},
            "ect": {"A": ect(X, Y, A), "B": ect(X, Y, B)},
            "rnsb": {
                "interceptFree": rnsb(np.concatenate([X, Y]), A, B, False),
                "interceptPenalized": rnsb(np.concatenate([X, Y]), A, B, True),
            },
        },
    }


def misc_fixture(case_ps):
    p_sets = [
        case_ps,
        [0.01, 0.04, 0.03, 0.04, 0.5, 1.0, 0.0001],
        [0.2, 0.2, 0.2, 0.2],
        [0.9, 0.001, 0.049, 0.051, 0.02, 0.3, 0.7, 0.011, 0.04, 0.6],
        [0.5],
    ]
    probs = [1e-10, 1e-6, 0.001, 0.0125, 0.02425, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.97575, 0.999, 1 - 1e-6]
    xs = [-9.0, -6.0, -3.0, -1.96, -1.0, -0.1, 0.0, 0.5, 1.5, 2.5, 4.0, 7.5, 9.0]
    tie_x = [3.0, 1.0, 2.0, 2.0, 5.0, 1.0, 4.0, 2.0]
    tie_y = [1.0, 1.0, 3.0, 2.0, 6.0, 0.5, 4.0, 4.0]
    return {
        **provenance(),
        "multipleComparisons": [{"p": ps, "holm": holm(ps), "bh": bh(ps)} for ps in p_sets],
        "normalQuantile": [{"p": p, "z": float(stats.norm.ppf(p))} for p in probs],
        "normalCdf": [{"x": x, "p": float(stats.norm.cdf(x))} for x in xs],
        "spearman": {"x": tie_x, "y": tie_y, "rho": float(stats.spearmanr(tie_x, tie_y).correlation),
                     "ranksX": stats.rankdata(tie_x).tolist()},
        "quantile": {"values": sorted([0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4]), "q": [0.0, 0.025, 0.1, 0.5, 0.9, 0.975, 1.0],
                     "expected": [float(np.quantile(sorted([0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4]), q)) for q in [0.0, 0.025, 0.1, 0.5, 0.9, 0.975, 1.0]]},
    }


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    cases = [
        ("equal-4-4-5-5", 11, 10, (4, 4, 5, 5), 0.0, False),
        ("unequal-5-7-6-6", 12, 25, (5, 7, 6, 6), 0.0, False),
        ("equal-8-8-8-8", 13, 50, (8, 8, 8, 8), 0.0, False),
        ("biased-6-6-6-6", 14, 20, (6, 6, 6, 6), 0.8, False),
        ("ties-4-4-3-3", 15, 3, (4, 4, 3, 3), 0.0, True),
    ]
    ps = []
    for name, seed, dim, sizes, shift, integer in cases:
        fixture = make_case(name, seed, dim, sizes, shift, integer)
        ps.append(fixture["exact"]["pValue"])
        with open(os.path.join(OUT_DIR, f"weat-{name}.json"), "w") as fh:
            json.dump(fixture, fh, indent=1)
        print(name, "d =", fixture["effectSize"]["sample"], "p =", fixture["exact"]["pValue"], f'({fixture["exact"]["extreme"]}/{fixture["exact"]["partitions"]})')
    with open(os.path.join(OUT_DIR, "misc.json"), "w") as fh:
        json.dump(misc_fixture(ps), fh, indent=1)


if __name__ == "__main__":
    main()
