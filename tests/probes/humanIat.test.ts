// The human IAT family: the participant's session plan (sides, pairings, balance, alternation,
// counterbalancing, determinism; the stream seed's hash against FNV-1a's published test vectors),
// the scoring of a scripted participant against the independent reference
// (scripts/reference/iat_reference.py, numbers below), the words for D, and the model side: a preset
// run through the one run path on the embedded GloVe table gives numpy's WEAT d for the same words
// (tests/fixtures/reference/glove-caliskan-weat.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { anyResultSchema } from '../../src/probes/families';
import { getAnyBuiltinProbe, resolveAnyProbeOrSuite } from '../../src/probes/builtin';
import { buildParticipantResult, dBand, dMeaning, trialRecord } from '../../src/probes/families/human-iat/participantResult';
import type { HumanIatResult, IatRunSide } from '../../src/probes/families/human-iat/result';
import { humanIatProbeSchema, type IatDesign } from '../../src/probes/families/human-iat/schema';
import { fnv1a32, planIatSession, type IatCategoryKey } from '../../src/probes/families/human-iat/sessionPlan';
import { runProbes } from '../../src/probes/runProbes';
import { loadEmbeddedModel } from '../../src/runtime/node';
import type { IatTrial } from '../../src/core/iat/trial';

const SETS: Record<IatCategoryKey, string[]> = {
  X: ['aster', 'clover', 'lily'],
  Y: ['ant', 'flea', 'moth', 'wasp'],
  A: ['love', 'peace', 'gift'],
  B: ['abuse', 'filth', 'ugly'],
};
const design = (over: Partial<IatDesign> = {}): IatDesign => ({ blockLengths: [20, 20, 20, 40, 40, 20, 40], firstPairing: 'counterbalanced', seed: 1, ...over });
const isTarget = (k: IatCategoryKey) => k === 'X' || k === 'Y';

describe('the participant session plan', () => {
  it('hashes with 32-bit FNV-1a (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('lays out the seven blocks: attributes keep their sides, targets switch, the pairing is who shares a key', () => {
    for (const first of ['XA', 'XB'] as const) {
      const plan = planIatSession(SETS, design({ firstPairing: first }), 'p-1');
      expect(plan.firstPairing).toBe(first);
      expect(plan.blocks.map((b) => b.trials.length)).toEqual([20, 20, 20, 40, 40, 20, 40]);
      const second = first === 'XA' ? 'XB' : 'XA';
      expect(plan.blocks.map((b) => b.pairing)).toEqual(['', '', first, first, '', second, second]);
      for (const b of plan.blocks) {
        if (b.block !== 1 && b.block !== 5) {
          expect(b.left).toContain('A');
          expect(b.right).toContain('B');
        }
        if (b.pairing !== '') {
          const xSide = b.left.includes('X') ? b.left : b.right;
          expect(xSide).toContain(b.pairing === 'XA' ? 'A' : 'B');
        }
        for (const t of b.trials) {
          expect((t.side === 'left' ? b.left : b.right).includes(t.category)).toBe(true);
          expect(SETS[t.category]).toContain(t.stimulus);
        }
      }
      // block 5 puts the targets on the other sides from block 1
      expect(plan.blocks[4]!.left).toEqual(plan.blocks[0]!.right);
      expect(plan.blocks[0]!.left).toEqual([first === 'XA' ? 'X' : 'Y']);
    }
  });

  it('balances the categories, alternates target and attribute trials in combined blocks, and deals each word once before repeating it', () => {
    const plan = planIatSession(SETS, design({ blockLengths: [20, 20, 20, 40, 40, 20, 40] }), 'p-2');
    for (const b of plan.blocks) {
      const count = (k: IatCategoryKey) => b.trials.filter((t) => t.category === k).length;
      if (b.pairing === '') {
        const [a, c] = [...b.left, ...b.right];
        expect(count(a!)).toBe(b.trials.length / 2);
        expect(count(c!)).toBe(b.trials.length / 2);
      } else {
        for (const k of ['X', 'Y', 'A', 'B'] as const) expect(count(k)).toBe(b.trials.length / 4);
        b.trials.forEach((t, i) => i > 0 && expect(isTarget(t.category)).not.toBe(isTarget(b.trials[i - 1]!.category)));
      }
    }
    // Y has 4 words: its first 4 appearances in the session are the 4 different words.
    const ys = plan.blocks.flatMap((b) => b.trials).filter((t) => t.category === 'Y').map((t) => t.stimulus);
    expect(new Set(ys.slice(0, 4)).size).toBe(4);
    expect(new Set(ys.slice(4, 8)).size).toBe(4);
  });

  it('splits odd block lengths within one trial and is the same for the same seed and participant', () => {
    const d = design({ blockLengths: [3, 5, 7, 9, 3, 5, 7] });
    const a = planIatSession(SETS, d, 'p-3');
    expect(planIatSession(SETS, d, 'p-3')).toEqual(a);
    expect(planIatSession(SETS, d, 'p-4')).not.toEqual(a);
    for (const b of a.blocks) {
      const left = b.trials.filter((t) => t.side === 'left').length;
      expect(Math.abs(2 * left - b.trials.length)).toBeLessThanOrEqual(b.pairing === '' ? 1 : 3);
    }
  });

  it('counterbalances: over 400 participants each order comes first about half the time', () => {
    const firsts = Array.from({ length: 400 }, (_, i) => planIatSession(SETS, design(), `p-${i}`).firstPairing);
    const xa = firsts.filter((f) => f === 'XA').length;
    // Binomial(400, ½): 200 ± 3 SD (30).
    expect(xa).toBeGreaterThan(170);
    expect(xa).toBeLessThan(230);
  });
});

describe('a scripted participant', () => {
  it('scores as the independent reference does (iat_reference.py score(): D 1.4956894050997809)', () => {
    // XB first; latency = (XA ? 500 : 700) + 13·trial, +250 and an error on trial 2 of every block.
    const plan = planIatSession(SETS, design({ blockLengths: [4, 4, 6, 8, 4, 6, 8], firstPairing: 'XB' }), 'p-test');
    const labels = { X: 'Flowers', Y: 'Insects', A: 'Pleasant', B: 'Unpleasant' };
    const trials: IatTrial[] = plan.blocks.flatMap((b) =>
      b.trials.map((t) => trialRecord(plan.participant, b, t, labels[t.category], t.trial !== 2, (b.pairing === 'XA' ? 500 : 700) + 13 * t.trial + (t.trial === 2 ? 250 : 0))),
    );
    const model = { probeId: 'x', title: 'x', effectSize: 1.2, pValue: 0.01, design: design(), stimuli: { X: { label: 'Flowers', words: SETS.X }, Y: { label: 'Insects', words: SETS.Y }, A: { label: 'Pleasant', words: SETS.A }, B: { label: 'Unpleasant', words: SETS.B } }, measure: 'weat' } satisfies IatRunSide;
    const r = buildParticipantResult(plan, model, trials, new Date(0));
    expect(Math.abs(r.score.d! - 1.4956894050997809)).toBeLessThan(1e-12);
    expect(Math.abs(r.score.practice.d! - 1.445493219838926)).toBeLessThan(1e-12);
    expect(Math.abs(r.score.test.d! - 1.5458855903606359)).toBeLessThan(1e-12);
    expect(r.score.trials).toEqual({ recorded: 28, scored: 28, droppedSlow: 0, fast: 0, errors: 4 });
    expect(r.score.firstPairing).toBe('XB');
    expect(dMeaning(r.score, r.labels)).toBe('You sorted faster when flowers shared a key with pleasant (and insects with unpleasant): a strong association of flowers with pleasant relative to insects.');
  });
});

describe('the words for D', () => {
  it('bands |D| at 0.15, 0.35 and 0.65, each limit in the higher band', () => {
    expect([0, 0.1499, 0.15, -0.3499, 0.35, 0.6499, -0.65, 2].map(dBand)).toEqual(['little or no', 'little or no', 'slight', 'slight', 'moderate', 'moderate', 'strong', 'strong']);
  });
  it('names the faster pairing for a negative D', () => {
    const score = { d: -0.4, flags: { fastResponder: false, tooFewTrials: false } } as never;
    expect(dMeaning(score, { X: 'Math', Y: 'Arts', A: 'Male terms', B: 'Female terms' })).toBe(
      'You sorted faster when math shared a key with female terms (and arts with male terms): a moderate association of math with female terms relative to arts.',
    );
  });
});

const root = join(import.meta.dirname, '..', '..');
const built = existsSync(join(root, 'public', 'models', 'glove-6b-100d', 'model.onnx'));
const reference = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reference', 'glove-caliskan-weat.json'), 'utf8')) as { tests: { probeId: string; effectSizeSample: number }[] };

describe.skipIf(!built)('the model side', () => {
  it('a preset runs through runProbes and gives numpy’s WEAT d on the same words, and its result validates', async () => {
    const model = await loadEmbeddedModel('glove-6b-100d');
    try {
      const [r] = (await runProbes(resolveAnyProbeOrSuite('iat-caliskan-weat-1'), { embedder: model, options: { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 0 } })) as unknown as HumanIatResult[];
      const expected = reference.tests.find((t) => t.probeId === 'caliskan-weat-1')!.effectSizeSample;
      expect(Math.abs((r!.effectSize as number) - expected)).toBeLessThanOrEqual(1e-12);
      expect(r!.kind).toBe('human-iat');
      // the participant sorts every word, the out-of-vocabulary "gladiola" too
      expect(r!.stimuli.X.words).toContain('gladiola');
      expect(r!.oov.X).toEqual(['gladiola']);
      expect(anyResultSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
    } finally {
      await model.dispose();
    }
  });

  it('every preset is a valid probe with the default design', () => {
    for (let n = 1; n <= 10; n++) {
      const p = humanIatProbeSchema.parse(getAnyBuiltinProbe(`iat-caliskan-weat-${n}`));
      expect(p.design).toEqual({ blockLengths: [20, 20, 20, 40, 40, 20, 40], firstPairing: 'counterbalanced', seed: 1 });
    }
  });
});
