#!/usr/bin/python3
"""Independent reference for the representation-probe built-ins on the embedded GloVe asset.

Reads the table out of public/models/glove-6b-100d/model.onnx as weat_glove_reference.py does (its
load_table and lookup: exact match, then lower-case; duplicates and out-of-vocabulary words dropped),
fits each probe's direction with representation_probe_reference.py's fit (scipy BFGS on sklearn's
objective, not the app's Newton solver), and enumerates the exact one-sided p where C(|X|+|Y|, |X|)
<= 100,000 (exact_p):

    npx bias-workbench run representation-caliskan --model glove-6b-100d --seed 1 --out /tmp/rep.json
    /usr/bin/python3 scripts/reference/representation_glove_reference.py /tmp/rep.json

Writes tests/fixtures/reference/glove-representation.json (compared by
tests/probes/representationProbeFamily.test.ts).
"""
import hashlib
import json
import math
import os
import sys

import numpy as np
import scipy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from representation_probe_reference import exact_p, fit  # noqa: E402
from weat_glove_reference import ASSET, ROOT, load_table, lookup  # noqa: E402

EXACT_LIMIT = 100_000
GENERATED_BY = ("npx bias-workbench run representation-caliskan --model glove-6b-100d --seed 1 --out /tmp/rep.json && "
                "/usr/bin/python3 scripts/reference/representation_glove_reference.py /tmp/rep.json")


def vectors(words, table, scales, index):
    seen, out = set(), []
    for w in words:
        w = w.strip()
        if w in seen:
            continue
        seen.add(w)
        v = lookup(w, table, scales, index)
        if v is not None:
            v = v.astype(np.float32).astype(np.float64)
            out.append(v / np.linalg.norm(v))
    return np.array(out)


def main():
    record = json.load(open(sys.argv[1], encoding="utf-8"))
    table, scales, index = load_table()
    tests = []
    for probe in record["probes"]:
        xs, ys = (vectors(probe["targets"][k]["words"], table, scales, index) for k in "XY")
        a, b = (vectors(probe["attributes"][k]["words"], table, scales, index) for k in "AB")
        direction, acc = fit(a, b)
        s = np.concatenate([xs @ direction, ys @ direction])
        nx = len(xs)
        test = {"probeId": probe["id"], "alignments": s.tolist(), "setMeans": {"X": s[:nx].mean(), "Y": s[nx:].mean()},
                "difference": s[:nx].mean() - s[nx:].mean(), "trainingAccuracy": acc, "pValue": None, "partitions": None}
        if math.comb(len(s), nx) <= EXACT_LIMIT:
            extreme, count = exact_p(s, nx)
            test["pValue"], test["partitions"] = extreme / count, count
        tests.append(test)
    with open(os.path.join(ASSET, "model.onnx"), "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    out = os.path.join(ROOT, "tests", "fixtures", "reference", "glove-representation.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"generatedBy": GENERATED_BY, "numpy": np.__version__, "scipy": scipy.__version__, "assetSha256": sha, "tests": tests}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
