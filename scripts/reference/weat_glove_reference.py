#!/usr/bin/python3
"""Independent reference for the Caliskan WEATs on the embedded GloVe asset.

Reads the table's byte planes and per-row scales straight out of public/models/glove-6b-100d/model.onnx
with the `onnx` package (no ONNX Runtime, no TypeScript), decodes them with numpy as
scripts/glove/bitPlanes.ts documents them (q = 32·high + 16·fifth bit + nibble; float32(q) * float32
scale), looks the probe words up (exact match, then lower-case; first
occurrence of a duplicate kept) and computes s, S, d (sample and population SD) and, where
C(|X|+|Y|, |X|) <= 100,000, the exact one-sided p — reusing the literal formulas of
weat_reference.py. The probe definitions come from a CLI run record, so the reference and the app
test the same stimuli:

    npx bias-workbench run caliskan-weat --model glove-6b-100d --seed 1 --bootstrap 0 --out /tmp/weat.json
    /usr/bin/python3 scripts/reference/weat_glove_reference.py /tmp/weat.json

Writes tests/fixtures/reference/glove-caliskan-weat.json (compared by tests/cli/gloveReference.test.ts).
"""
import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from weat_reference import effect_size, exact_p, s_wab  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
ASSET = os.path.join(ROOT, "public", "models", "glove-6b-100d")
OUT = os.path.join(ROOT, "tests", "fixtures", "reference", "glove-caliskan-weat.json")
EXACT_LIMIT = 100_000


def load_table():
    model = onnx.load(os.path.join(ASSET, "model.onnx"))
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    high, nibbles, fifth = inits["high"], inits["nibbles"], inits["fifth"]
    dims = high.shape[1]
    nib = np.concatenate([nibbles >> 4, nibbles & 15], axis=1)[:, :dims].astype(np.int32)
    bit = np.unpackbits(fifth, axis=1)[:, :dims].astype(np.int32)
    table = 32 * high.astype(np.int32) + 16 * bit + nib
    scales = inits["scales"].reshape(-1)
    with open(os.path.join(ASSET, "vocab.txt"), encoding="utf-8") as f:
        vocab = f.read().split("\n")
    vocab = vocab[: table.shape[0]]
    assert len(vocab) == table.shape[0], (len(vocab), table.shape)
    index = {w: i for i, w in enumerate(vocab)}
    return table, scales, index


def lookup(word, table, scales, index):
    i = index.get(word, index.get(word.lower()))
    if i is None:
        return None
    return (table[i].astype(np.float32) * scales[i]).astype(np.float64)


def main():
    record_path = sys.argv[1]
    with open(record_path, encoding="utf-8") as f:
        record = json.load(f)
    with open(os.path.join(ASSET, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    table, scales, index = load_table()
    tests = []
    for probe in record["probes"]:
        sets = {"X": probe["targets"]["X"]["words"], "Y": probe["targets"]["Y"]["words"],
                "A": probe["attributes"]["A"]["words"], "B": probe["attributes"]["B"]["words"]}
        vecs, oov = {}, {}
        for key, words in sets.items():
            seen, kept, missing = set(), [], []
            for w in words:
                if w in seen:
                    continue
                seen.add(w)
                v = lookup(w, table, scales, index)
                (missing.append(w) if v is None else kept.append(v))
            vecs[key], oov[key] = kept, missing
        sx = np.array([s_wab(x, vecs["A"], vecs["B"]) for x in vecs["X"]])
        sy = np.array([s_wab(y, vecs["A"], vecs["B"]) for y in vecs["Y"]])
        nx, ny = len(sx), len(sy)
        entry = {
            "probeId": probe["id"],
            "sizes": {k: len(v) for k, v in vecs.items()},
            "oov": oov,
            "statistic": float(np.sum(sx) - np.sum(sy)),
            "effectSizeSample": effect_size(sx, sy, 1),
            "effectSizePopulation": effect_size(sx, sy, 0),
            "exactP": None,
        }
        if math.comb(nx + ny, nx) <= EXACT_LIMIT:
            count, total, _ = exact_p(np.concatenate([sx, sy]), nx)
            entry["exactP"] = {"count": count, "total": total, "p": count / total}
        tests.append(entry)
        print(f'{probe["id"]:18s} d={entry["effectSizeSample"]:.6f} S={entry["statistic"]:.6f} '
              f'p={entry["exactP"]["p"] if entry["exactP"] else "-"}', file=sys.stderr)
    out = {
        "generatedBy": "npx bias-workbench run caliskan-weat --model glove-6b-100d --seed 1 --bootstrap 0 --out /tmp/weat.json && "
                       "/usr/bin/python3 scripts/reference/weat_glove_reference.py /tmp/weat.json",
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
