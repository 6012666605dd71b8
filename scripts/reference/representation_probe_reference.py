"""Independent reference for the representation probe (docs/methods/representation-probe.md).

Unit-normalises float32 vectors (computed on in float64), fits the concept direction by minimising
sklearn's L2 logistic objective  1/2 ||w||^2 + C sum log(1 + exp(-y (w.x + b)))  (C = 1, intercept
not penalised) with scipy.optimize.minimize (BFGS, analytic gradient, gtol 1e-12) -- not the Newton
solver the app uses -- then cos(w, d) per target word, the set means, their difference and the
one-sided permutation p enumerated over all re-partitions of X u Y with itertools.combinations
(ties within 1e-12 * sum |s| count as extreme).

Run: /usr/bin/python3 scripts/reference/representation_probe_reference.py > tests/fixtures/reference/representation-probe.json
"""
import itertools
import json

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

TIE = 1e-12

# 6-dimensional toy vectors: A/B differ mostly along axes 0-1, X leans to A, Y is mixed.
CASE = {
    "A": [[0.9, 0.2, 0.1, 0.0, 0.3, -0.1], [0.8, 0.1, -0.2, 0.1, 0.2, 0.0], [1.1, 0.4, 0.0, -0.1, 0.1, 0.2]],
    "B": [[-0.7, -0.3, 0.2, 0.1, 0.3, 0.0], [-0.9, 0.1, 0.1, 0.0, -0.2, 0.1], [-0.6, -0.5, -0.1, 0.2, 0.1, -0.1]],
    "X": [[0.5, 0.3, 0.4, 0.2, 0.0, 0.1], [0.6, -0.1, 0.2, 0.3, 0.1, 0.0], [-0.1, 0.4, -0.3, 0.1, 0.2, 0.3], [0.4, 0.0, 0.1, -0.2, 0.3, 0.1]],
    "Y": [[0.6, 0.3, 0.5, 0.2, 0.1, 0.0], [0.1, -0.4, 0.2, 0.3, 0.0, 0.2], [-0.3, 0.2, 0.1, 0.1, 0.4, -0.1], [0.0, -0.1, -0.2, 0.4, 0.2, 0.3]],
}


def unit(rows):
    m = np.array(rows, dtype=np.float32).astype(np.float64)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def fit(a, b, C=1.0):
    x = np.vstack([a, b])
    y = np.array([1.0] * len(a) + [-1.0] * len(b))
    d = x.shape[1]

    def f(theta):
        w, c = theta[:d], theta[d]
        m = y * (x @ w + c)
        return 0.5 * w @ w + C * np.sum(np.logaddexp(0, -m))

    def g(theta):
        w, c = theta[:d], theta[d]
        m = y * (x @ w + c)
        r = -C * y * expit(-m)
        return np.concatenate([w + x.T @ r, [np.sum(r)]])

    res = minimize(f, np.zeros(d + 1), jac=g, method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
    w, c = res.x[:d], res.x[d]
    acc = float(np.mean(np.sign(x @ w + c) == y))
    return w / np.linalg.norm(w), acc


def exact_p(s, nx):
    """One-sided p over all re-partitions of X u Y keeping |X| (ties within 1e-12 * sum |s|)."""
    eps = TIE * np.abs(s).sum()
    total = s.sum()
    obs = 2 * s[:nx].sum() - total
    count = extreme = 0
    for idx in itertools.combinations(range(len(s)), nx):
        count += 1
        if 2 * s[list(idx)].sum() - total >= obs - eps:
            extreme += 1
    return extreme, count


def main():
    a, b, xs, ys = (unit(CASE[k]) for k in "ABXY")
    direction, acc = fit(a, b)
    s = np.concatenate([xs @ direction, ys @ direction])
    nx = len(xs)
    diff = s[:nx].mean() - s[nx:].mean()
    extreme, count = exact_p(s, nx)
    print(json.dumps({"case": CASE, "direction": direction.tolist(), "trainingAccuracy": acc, "alignments": s.tolist(),
                      "setMeans": {"X": s[:nx].mean(), "Y": s[nx:].mean()}, "difference": diff,
                      "pValue": extreme / count, "partitions": count}, indent=1))


if __name__ == "__main__":
    main()
