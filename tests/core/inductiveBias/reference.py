"""Independent reference values for tests/core/inductiveBias (scipy, not our code).

Run:  /usr/bin/python3 tests/core/inductiveBias/reference.py > tests/core/inductiveBias/reference.json
(numpy 1.24.2, scipy 1.10.1 when written.) Contents:
  - normalBits: -log2 Phi(z) from scipy.stats.norm.logcdf.
  - logGammaP: ln P(a, x) from scipy.special.gammainc (where it does not underflow).
  - ncx2: scipy.stats.ncx2.logpdf / logcdf at scaled points (loc 0).
  - fit: a seeded sample of scaled non-central chi-squared losses, scipy's ncx2.fit(floc=0) (the
    paper's utils.py call) with its log-likelihood and -log2 F(target) in bits.
"""
import json
import math

import numpy as np
import scipy
from scipy import special, stats

out = {"generatedBy": "tests/core/inductiveBias/reference.py", "numpy": np.__version__, "scipy": scipy.__version__}

out["normalBits"] = [{"z": z, "bits": float(-stats.norm.logcdf(z) / math.log(2))} for z in (1.0, -1.0, -3.5, -5.0, -20.0, -37.0, -50.0)]

out["logGammaP"] = [{"a": a, "x": x, "logP": float(math.log(special.gammainc(a, x)))} for a, x in
                    ((0.5, 0.01), (1.5, 0.3), (3.0, 3.0), (10.0, 20.0), (50.0, 5.0), (200.0, 150.0), (2.5, 40.0))]

points = []
for k, lam, s, xs in ((3.0, 2.0, 1.0, (0.5, 3.0, 10.0)), (20.0, 50.0, 0.01, (0.2, 0.7, 1.0, 0.08)), (7.5, 0.5, 2.0, (1.0, 40.0)), (4.0, 900.0, 0.001, (0.6, 0.9, 1.2))):
    for x in xs:
        points.append({"k": k, "lambda": lam, "scale": s, "x": x,
                       "logPdf": float(stats.ncx2.logpdf(x, k, lam, loc=0, scale=s)),
                       "logCdf": float(stats.ncx2.logcdf(x, k, lam, loc=0, scale=s))})
out["ncx2"] = points

rng = np.random.default_rng(20240615)
k_true, lam_true, s_true = 6.0, 12.0, 0.05
sample = s_true * stats.ncx2.rvs(k_true, lam_true, size=300, random_state=rng)
df, nc, loc, scale = stats.ncx2.fit(sample, floc=0)
target = 0.15
out["fit"] = {
    "truth": {"k": k_true, "lambda": lam_true, "scale": s_true},
    "losses": [float(v) for v in sample],
    "scipy": {"k": float(df), "lambda": float(nc), "scale": float(scale)},
    "scipyLogLikelihood": float(np.sum(stats.ncx2.logpdf(sample, df, nc, loc=0, scale=scale))),
    "target": target,
    "scipyBits": float(-stats.ncx2.logcdf(target, df, nc, loc=0, scale=scale) / math.log(2)),
    "trueBits": float(-stats.ncx2.logcdf(target, k_true, lam_true, loc=0, scale=s_true) / math.log(2)),
}
print(json.dumps(out, indent=1))
