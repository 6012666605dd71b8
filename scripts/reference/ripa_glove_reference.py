#!/usr/bin/python3
"""Independent reference for the RIPA built-ins on the embedded GloVe asset.

Reads the table out of public/models/glove-6b-100d/model.onnx as weat_glove_reference.py does (its
load_table and lookup: exact match, then lower-case), scores each probe of a CLI run record with
ripa_reference.py's literal WEFE steps (wefe_ripa: per-pair loop, np.mean, np.std) and enumerates
the exact one-sided permutation p (perm_count):

    npx bias-workbench run ripa-gender --model glove-6b-100d --seed 1 --bootstrap 0 --out /tmp/ripa.json
    /usr/bin/python3 scripts/reference/ripa_glove_reference.py /tmp/ripa.json

Writes tests/fixtures/reference/glove-ripa.json (compared by tests/probes/ripaFamily.test.ts).
"""
import json
import math
import os
import sys

import numpy as np
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ripa_reference import TIE, perm_count, wefe_ripa  # noqa: E402
from weat_glove_reference import ASSET, ROOT, load_table, lookup  # noqa: E402

OUT = os.path.join(ROOT, "tests", "fixtures", "reference", "glove-ripa.json")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        record = json.load(f)
    with open(os.path.join(ASSET, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    table, scales, index = load_table()
    vec = lambda w: lookup(w, table, scales, index)
    tests = []
    for probe in record["probes"]:
        pairs = [(vec(a), vec(b)) for a, b in probe["attributePairs"]["pairs"]]
        assert all(a is not None and b is not None for a, b in pairs), probe["id"]
        words = {k: [(w, vec(w)) for w in probe["targets"][k]["words"]] for k in ("X", "Y")}
        assert all(v is not None for k in words for _, v in words[k]), probe["id"]
        xv, xm = wefe_ripa(pairs, words["X"])
        yv, ym = wefe_ripa(pairs, words["Y"])
        s = np.array([xv[w][0] for w, _ in words["X"]] + [yv[w][0] for w, _ in words["Y"]])
        nx = len(words["X"])
        observed = s[:nx].sum() - s[nx:].sum()
        assert math.comb(len(s), nx) <= 100_000
        extreme, partitions = perm_count(s, nx, observed - TIE * np.abs(s).sum())
        entry = {
            "probeId": probe["id"],
            "wordMeans": s.tolist(),
            "wordSpreads": [xv[w][1] for w, _ in words["X"]] + [yv[w][1] for w, _ in words["Y"]],
            "setMeans": {"X": xm, "Y": ym},
            "difference": xm - ym,
            "pValue": extreme / partitions,
            "partitions": partitions,
        }
        tests.append(entry)
        print(f'{probe["id"]:28s} RIPA difference={entry["difference"]:.6f} p={entry["pValue"]}', file=sys.stderr)
    out = {
        "generatedBy": "npx bias-workbench run ripa-gender --model glove-6b-100d --seed 1 --bootstrap 0 --out /tmp/ripa.json && "
                       "/usr/bin/python3 scripts/reference/ripa_glove_reference.py /tmp/ripa.json",
        "numpy": np.__version__,
        "onnx": onnx.__version__,
        "assetSha256": manifest["assetSha256"],
        "tests": tests,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
