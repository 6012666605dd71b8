# Measures candidate encodings of the embedded GloVe table: for each, the WEAT d error against the
# float values over 2,000 seeded random WEAT-shaped word sets (sizes 2–30 per set, drawn from the
# top 48,000 words) plus the built-in WEAT 1–10, RND and RNSB errors (WEFE metrics on raw vectors),
# and the gzip -9 size of the table (+ vocab.txt) as a static host would serve it. This is how
# the shipped encoding (quantize.ts + bitPlanes.ts: "q13" with a per-row step) was chosen; rerun it
# after changing it.
#
#   /usr/bin/python3 scripts/glove/measure_encodings.py [builtins.json]
# builtins.json (optional): {id: probe} of the built-in WEAT probes, e.g. dumped with tsx from
# src/probes/builtin BUILTIN_PROBES; without it the built-in column is left out. Built-in words
# outside the top 48,000 (the table's forced probe words) are left out of that column here.
import json
import sys
import zlib

import numpy as np

from wink_rows import ROOT, random_sets, top_rows, weat_d

SEED = 20261205
SETS = 2000


def gz(*arrays):
    return sum(len(zlib.compress(np.ascontiguousarray(a).tobytes(), 9)) for a in arrays)


def norm_scaled(q, norms):
    """q rows times float32 scale = norm / |q| (the row keeps its exact length)."""
    qn = np.linalg.norm(q, axis=1)
    s = np.where(qn > 0, norms / np.where(qn > 0, qn, 1), 0).astype(np.float32)
    return (q.astype(np.float32) * s[:, None]).astype(np.float32), s


def pack_nibbles(lo):
    h = (lo.shape[1] + 1) // 2
    lo = np.pad(lo, ((0, 0), (0, 2 * h - lo.shape[1])))
    return (lo[:, :h] * 16 + lo[:, h:]).astype(np.uint8)


def per_row_bits(M, bits):
    """q = round(v / s), s = max|v| / (2^(bits−1) − 1); high byte int8 + packed low bits."""
    L = 2 ** (bits - 1) - 1
    s = np.abs(M).max(axis=1) / L
    q = np.round(M / s[:, None]).astype(np.int32)
    if bits == 8:
        return (q * s[:, None]).astype(np.float32), gz(q.astype(np.int8), s.astype(np.float32))
    k = bits - 8
    hi = np.floor_divide(q, 2 ** k).astype(np.int8)
    lo = (q - hi.astype(np.int32) * 2 ** k).astype(np.uint8)
    packed = np.packbits(np.unpackbits(lo[:, :, None], axis=2)[:, :, 8 - k:].reshape(len(M), -1), axis=1)
    E, scales = norm_scaled(q, np.linalg.norm(M, axis=1))
    return E, gz(hi, packed, scales)


def float16_unit(M):
    norms = np.linalg.norm(M, axis=1)
    h = (M / norms[:, None]).astype(np.float16)
    b = h.view(np.uint8).reshape(len(M), -1, 2)
    return (h.astype(np.float32) * norms.astype(np.float32)[:, None]), gz(b[:, :, 0], b[:, :, 1], norms.astype(np.float32))


def q13(M, step=0.0):
    """Unit rows in 13-bit byte planes, step max(step, max|u| / 4095): the shipped encoding is
    step 0 (each row's own step); a positive step is a fixed grid (coarser where max|u| needs it)."""
    norms = np.linalg.norm(M, axis=1)
    U = M / norms[:, None]
    st = np.maximum(step, np.abs(U).max(axis=1) / 4095)
    q = np.round(U / st[:, None]).astype(np.int32)
    hi = np.floor_divide(q, 32).astype(np.int8)
    lo = (q - hi.astype(np.int32) * 32).astype(np.uint8)
    fifth = np.packbits((lo >> 4) & 1, axis=1)
    E, scales = norm_scaled(q, norms)
    return E, gz(hi, pack_nibbles(lo & 15), fifth, scales)


def rnd(E, X, Y, A):
    m1, m2 = E[X].mean(0), E[Y].mean(0)
    return (np.linalg.norm(E[A] - m1, axis=1) - np.linalg.norm(E[A] - m2, axis=1)).mean()


def rnsb(E, X, Y, A, B):
    """L2 logistic regression (C = 1, intercept unpenalised) on all attribute words, by Newton."""
    Z = np.c_[np.concatenate([E[A], E[B]]).astype(np.float64), np.ones(len(A) + len(B))]
    y = np.r_[np.ones(len(A)), -np.ones(len(B))]
    w = np.zeros(Z.shape[1])
    R = np.eye(Z.shape[1])
    R[-1, -1] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(y * (Z @ w)))
        step = np.linalg.solve(R + (Z.T * (p * (1 - p))) @ Z, R @ w - Z.T @ (y * p))
        w -= step
        if np.abs(step).max() < 1e-12:
            break
    T = np.c_[np.concatenate([E[X], E[Y]]).astype(np.float64), np.ones(len(X) + len(Y))]
    pn = 1 / (1 + np.exp(T @ w))
    P = pn / pn.sum()
    return float((P * np.log(P * len(P))).sum())


def main():
    words, M = top_rows()
    index = {w: i for i, w in enumerate(words)}
    sets = random_sets(np.random.default_rng(SEED), len(M), SETS)
    builtins = []
    if len(sys.argv) > 1:
        for k, p in json.load(open(sys.argv[1], encoding='utf-8')).items():
            if p.get('family') != 'weat':
                continue
            rows = lambda ws: np.array([r for r in (index.get(w, index.get(w.lower())) for w in ws) if r is not None])
            builtins.append((k, (rows(p['targets']['X']['words']), rows(p['targets']['Y']['words']),
                                 rows(p['attributes']['A']['words']), rows(p['attributes']['B']['words']))))
    ref_d = np.array([weat_d(M, *s) for s in sets])
    ref_b = {k: weat_d(M, *s) for k, s in builtins}
    ref_rnd = np.array([rnd(M, *s[:3]) for s in sets[:500]])
    ref_rnsb = np.array([rnsb(M, *s) for s in sets[:300]])
    vocab_gz = len(zlib.compress(('\n'.join(words) + '\n').encode(), 9))
    print(f'{len(words)} words (top 48,000; the built table adds the forced probe words); vocab.txt gzip {vocab_gz / 1e6:.3f} MB')
    for name, make in [('int8 per-row (former)', lambda: per_row_bits(M, 8)), ('12-bit per-row', lambda: per_row_bits(M, 12)),
                       ('13-bit per-row', lambda: per_row_bits(M, 13)), ('14-bit per-row', lambda: per_row_bits(M, 14)),
                       ('float16 unit + f32 norm', lambda: float16_unit(M)), ('q13 step 1e-4 (former)', lambda: q13(M, 1e-4)),
                       ('q13 per-row step (shipped)', lambda: q13(M))]:
        E, size = make()
        dd = np.abs(np.array([weat_d(E, *s) for s in sets]) - ref_d)
        bd = max((abs(weat_d(E, *s) - ref_b[k]) for k, s in builtins), default=float('nan'))
        w8 = next((weat_d(E, *s) for k, s in builtins if k == 'caliskan-weat-8'), float('nan'))
        r1 = np.abs(np.array([rnd(E, *s[:3]) for s in sets[:500]]) - ref_rnd).max()
        r2 = np.abs(np.array([rnsb(E, *s) for s in sets[:300]]) - ref_rnsb).max()
        print(f'{name:25s} gzip {size / 1e6:.3f} MB (+vocab {(size + vocab_gz) / 1e6:.3f}) | |Δd| max {dd.max():.6f} '
              f'p99 {np.percentile(dd, 99):.6f} mean {dd.mean():.7f} | built-ins max {bd:.6f}, WEAT 8 {w8:.4f} | '
              f'RND max {r1:.1e} RNSB max {r2:.1e}', flush=True)
    print('float WEAT 8', ref_b.get('caliskan-weat-8'))


if __name__ == '__main__':
    main()
