// The one run path (src/probes/runProbes.ts): each probe through its family's run, then Holm/BH
// across the results of the families adjusted across a batch — and only those. A probe's numbers do
// not depend on its batch or its place in it; pHolm/pBH are the Holm and BH adjustments of the
// batch's p-values, computed here independently.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationResult } from '../../src/core/association/types';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun';
import type { RunResult } from '../../src/core/runRecord';
import { getAnyBuiltinProbe, runProbes, type AnyProbe, type WeatProbe } from '../../src/probes';
import { createFakeScorer } from '../core/lmRun/fakeScorer';

const vec = (w: string) => {
  const v = new Float32Array(8);
  for (let i = 0; i < w.length; i++) v[(i * 7 + w.charCodeAt(i)) % 8]! += (w.charCodeAt(i) % 13) - 6;
  return v;
};
const embedder = { embedWords: async (ws: string[]) => ws.map(vec) };
const weat = (id: string, x: string[]): WeatProbe => ({
  family: 'weat',
  id,
  title: id,
  targets: { X: { label: 'Xs', words: x }, Y: { label: 'Ys', words: ['car', 'bus', 'train', 'boat'] } },
  attributes: { A: { label: 'As', words: ['good', 'nice', 'kind'] }, B: { label: 'Bs', words: ['bad', 'awful', 'mean'] } },
});
const OPTIONS = { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 2000, bootstrap: 0, seed: 11 };
const PROBES = [weat('w1', ['apple', 'pear', 'plum', 'fig']), weat('w2', ['rose', 'lily', 'iris', 'tulip']), weat('w3', ['oak', 'elm', 'ash', 'yew'])];

const holm = (ps: number[]) => {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], k) => {
    running = Math.max(running, Math.min(1, (ps.length - k) * p));
    out[i] = running;
  });
  return out;
};

describe('runProbes', () => {
  it('a batch of WEATs: each p as run alone, pHolm the Holm adjustment of the three, whatever the order', async () => {
    const batch = (await runProbes(PROBES, { embedder, options: OPTIONS })) as AssociationResult[];
    const alone = await Promise.all(PROBES.map(async (p) => ((await runProbes([p], { embedder, options: OPTIONS })) as AssociationResult[])[0]!));
    expect(batch.map((r) => r.pValue)).toEqual(alone.map((r) => r.pValue));
    expect(batch.map((r) => r.effectSize)).toEqual(alone.map((r) => r.effectSize));
    const expected = holm(batch.map((r) => r.pValue));
    batch.forEach((r, i) => expect(r.pHolm).toBeCloseTo(expected[i]!, 14));
    // A WEAT run alone is adjusted as a batch of one (pHolm = p), as word-vector runs always recorded.
    alone.forEach((r) => expect(r.pHolm).toBe(r.pValue));
    const reversed = (await runProbes([...PROBES].reverse(), { embedder, options: OPTIONS })).reverse();
    expect(reversed).toEqual(batch);
  });

  it('LM families: a lone likelihood IAT is not adjusted, two are; counterfactual pairs never are; progress names the probe', async () => {
    const scorer = createFakeScorer();
    const iat = getAnyBuiltinProbe('lm-iat-career-family')!;
    const iat2 = { ...getAnyBuiltinProbe('lm-iat-flowers-insects')! } as AnyProbe;
    const pairs = getAnyBuiltinProbe('lm-counterfactual-basic')!;
    const options = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 500, bootstrap: 0 };
    const [lone] = (await runProbes([iat], { scorer, options })) as AssociationResult[];
    expect(lone!.pHolm).toBeNull();
    const seen = new Set<string>();
    const both: RunResult[] = await runProbes([iat, pairs, iat2], { scorer, options, onProgress: (p) => seen.add(`${p.index}/${p.probes}`) });
    const [a, , b] = both as AssociationResult[];
    const expected = holm([a!.pValue, b!.pValue]);
    expect([a!.pHolm, b!.pHolm]).toEqual(expected);
    expect((both[1] as { pHolm?: unknown }).pHolm).toBeUndefined();
    expect(seen).toEqual(new Set(['0/3', '1/3', '2/3']));
  });

  it('a probe whose family needs a model the context lacks is refused by name', async () => {
    await expect(runProbes([getAnyBuiltinProbe('lm-iat-career-family')!], { embedder, options: OPTIONS })).rejects.toMatchObject({ name: 'UnsupportedModelError' });
  });
});
