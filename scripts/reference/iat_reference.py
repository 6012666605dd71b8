"""Independent reference for the human IAT's improved D score (docs/methods/iat-d-score.md).

Writes two trials files made from a seeded generator, each shaped to hit an edge of the algorithm
(both counterbalancing orders, a trial of exactly 10,000 ms and slower ones, 10% and just over 10%
of trials under 300 ms, a missing block, errors recorded without forced correction), and the scores
this script computes from them with numpy/scipy, written directly from Greenwald, Nosek & Banaji
(2003) Table 4 and sharing no code with src/core/iat:

  tests/fixtures/iat/class-trials.csv            the workbench's eight columns (built-in penalty)
  tests/fixtures/iat/no-correction-trials.csv    with error_correction (none / built-in)
  tests/fixtures/iat/expected-scores.json        the reference scores of both

Run: /usr/bin/python3 scripts/reference/iat_reference.py   (numpy 1.24.2, scipy 1.10.1)
"""
import csv
import json
import os
import numpy as np
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'tests', 'fixtures', 'iat')
LENGTHS = {1: 20, 2: 20, 3: 20, 4: 40, 5: 40, 6: 20, 7: 40}
WORDS = {
    'Flowers': ['aster', 'clover', 'lily', 'rose', 'tulip'],
    'Insects': ['ant', 'flea', 'moth', 'wasp', 'roach'],
    'Pleasant': ['love', 'peace', 'gift', 'happy', 'sunrise'],
    'Unpleasant': ['abuse', 'filth', 'ugly', 'poison', 'rotten'],
}
HEADER = ['participant', 'block', 'trial', 'category', 'stimulus', 'pairing', 'correct', 'latency_ms']


def pairing_of(block, first):
    if block in (3, 4):
        return first
    if block in (6, 7):
        return 'XB' if first == 'XA' else 'XA'
    return ''


def categories_of(block):
    if block in (1, 5):
        return ['Flowers', 'Insects']
    if block == 2:
        return ['Pleasant', 'Unpleasant']
    return ['Flowers', 'Insects', 'Pleasant', 'Unpleasant']


def make_participant(rng, pid, first, effect_ms, error_rate, skip_blocks=()):
    rows = []
    for block in range(1, 8):
        if block in skip_blocks:
            continue
        pairing = pairing_of(block, first)
        for trial in range(1, LENGTHS[block] + 1):
            category = categories_of(block)[(trial - 1) % len(categories_of(block))]
            stimulus = WORDS[category][int(rng.integers(0, 5))]
            latency = float(np.exp(rng.normal(np.log(700.0), 0.3)))
            if pairing == 'XB':
                latency += effect_ms
            correct = 0 if rng.random() < error_rate else 1
            if correct == 0:
                latency += 350.0  # the time it takes to see the red X and press the other key
            rows.append([pid, block, trial, category, stimulus, pairing, correct, round(latency, 1)])
    return rows


def set_latency(rows, block, trial, value):
    for r in rows:
        if r[1] == block and r[2] == trial:
            r[7] = value
            return
    raise KeyError((block, trial))


def class_rows():
    rng = np.random.default_rng(20031)
    rows = []
    p01 = make_participant(rng, 'p01', 'XA', 90.0, 0.07)
    set_latency(p01, 4, 5, 12000.0)   # dropped (> 10 s)
    set_latency(p01, 7, 9, 10000.0)   # kept: exactly 10 s
    set_latency(p01, 2, 3, 15000.0)   # outside the combined blocks: not read at all
    rows += p01
    p02 = make_participant(rng, 'p02', 'XB', 60.0, 0.05)
    set_latency(p02, 6, 2, 10000.1)   # dropped: just over 10 s
    rows += p02
    p03 = make_participant(rng, 'p03', 'XA', 40.0, 0.05)
    for block, trial in [(3, t) for t in range(1, 7)] + [(7, t) for t in range(1, 7)]:
        set_latency(p03, block, trial, 250.0)  # 12 of 120 combined trials under 300 ms: exactly 10%, not flagged
    set_latency(p03, 1, 1, 100.0)  # a fast trial in block 1 does not count
    rows += p03
    p04 = make_participant(rng, 'p04', 'XB', 40.0, 0.05)
    for block, trial in [(4, t) for t in range(1, 13)] + [(6, 1)]:
        set_latency(p04, block, trial, 299.9)  # 13 of 120 under 300 ms: flagged
    set_latency(p04, 7, 40, 11000.0)  # a slow trial still counts in the denominator of the fast share
    rows += p04
    p05 = make_participant(rng, 'p05', 'XA', 70.0, 0.05, skip_blocks=(7,))
    rows += p05  # no block 7: too few trials
    p06 = make_participant(rng, 'p06', 'XB', 300.0, 0.0)
    set_latency(p06, 4, 1, 300.0)  # 300 ms is not under 300 ms
    rows += p06
    for i, (first, effect) in enumerate([('XA', 120.0), ('XB', -50.0), ('XA', 10.0), ('XB', 200.0), ('XA', 150.0)], start=7):
        rows += make_participant(rng, f's{i:02d}', first, effect, 0.08)
    rows += make_participant(rng, 'student, 12', 'XB', 80.0, 0.06)  # a comma inside a quoted id
    return rows


def no_correction_rows():
    rng = np.random.default_rng(600)
    rows = []
    for pid, first, correction in [('n01', 'XA', 'none'), ('n02', 'XB', 'none'), ('n03', 'XA', 'built-in')]:
        for r in make_participant(rng, pid, first, 100.0, 0.12):
            if correction == 'none' and r[6] == 0:
                r[7] = round(float(np.exp(rng.normal(np.log(450.0), 0.3))), 1)  # a fast wrong first response
            rows.append(r + [correction])
    return rows


def write_csv(path, header, rows):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        for r in rows:
            w.writerow([f'{c:.1f}' if isinstance(c, float) else c for c in r])


def score(rows, corrections):
    """Greenwald et al. 2003, Table 4, per participant, straight from the steps."""
    out = []
    ids = list(dict.fromkeys(r[0] for r in rows))
    for pid in ids:
        own = [r for r in rows if r[0] == pid and r[1] in (3, 4, 6, 7)]
        lat = np.array([r[7] for r in own], dtype=float)
        blk = np.array([r[1] for r in own])
        cor = np.array([r[6] for r in own])
        pair = np.array([r[5] for r in own])
        recorded = len(own)
        fast = int(np.sum(lat < 300.0))
        fast_flag = bool(fast / recorded > 0.10) if recorded else False
        keep = lat <= 10000.0
        lat, blk, cor, pair = lat[keep], blk[keep], cor[keep], pair[keep]
        replace = corrections.get(pid) == 'none'
        adjusted = lat.copy()
        if replace:
            for b in (3, 4, 6, 7):
                in_b = blk == b
                if np.any(in_b & (cor == 1)):
                    adjusted[in_b & (cor == 0)] = lat[in_b & (cor == 1)].mean() + 600.0
        pairs = {}
        for name, (b1, b2) in {'practice': (3, 6), 'test': (4, 7)}.items():
            both = (blk == b1) | (blk == b2)
            sd = float(np.std(lat[both], ddof=1)) if both.sum() >= 2 else None  # before any replacement
            means = {}
            for b in (b1, b2):
                in_b = blk == b
                if in_b.sum() == 0 or (replace and np.any(in_b & (cor == 0)) and not np.any(in_b & (cor == 1))):
                    continue
                means[str(pair[in_b][0])] = float(adjusted[in_b].mean())
            d = None
            if 'XA' in means and 'XB' in means and sd is not None and sd > 0:
                d = (means['XB'] - means['XA']) / sd
            pairs[name] = {'d': d, 'meanXA': means.get('XA'), 'meanXB': means.get('XB'), 'inclusiveSd': sd}
        d = (pairs['practice']['d'] + pairs['test']['d']) / 2 if pairs['practice']['d'] is not None and pairs['test']['d'] is not None else None
        out.append({
            'participant': pid,
            'd': d,
            'practice': pairs['practice'],
            'test': pairs['test'],
            'trials': {'recorded': recorded, 'scored': int(keep.sum()), 'droppedSlow': int((~keep).sum()), 'fast': fast, 'errors': int(np.sum(cor == 0))},
            'fastResponder': fast_flag,
            'tooFewTrials': d is None,
            'included': d is not None and not fast_flag,
        })
    ds = np.array([p['d'] for p in out if p['included']])
    summary = {'n': int(len(ds)), 'meanD': float(ds.mean())}
    if len(ds) >= 2:
        sem = stats.sem(ds)
        low, high = stats.t.interval(0.95, len(ds) - 1, loc=ds.mean(), scale=sem)
        summary.update({'sdD': float(np.std(ds, ddof=1)), 'ciLow': float(low), 'ciHigh': float(high), 'pValue': float(stats.ttest_1samp(ds, 0.0).pvalue)})
    return {'participants': out, 'summary': summary}


def main():
    os.makedirs(OUT, exist_ok=True)
    cls = class_rows()
    write_csv(os.path.join(OUT, 'class-trials.csv'), HEADER, cls)
    nc = no_correction_rows()
    write_csv(os.path.join(OUT, 'no-correction-trials.csv'), HEADER + ['error_correction'], nc)
    expected = {
        'generatedBy': '/usr/bin/python3 scripts/reference/iat_reference.py',
        'versions': {'numpy': np.__version__, 'scipy': scipy.__version__},
        'class-trials.csv': score(cls, {}),
        'no-correction-trials.csv': score([r[:8] for r in nc], {r[0]: r[8] for r in nc}),
    }
    with open(os.path.join(OUT, 'expected-scores.json'), 'w') as f:
        json.dump(expected, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
