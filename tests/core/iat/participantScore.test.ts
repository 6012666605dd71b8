// The improved D score on examples small enough to compute by hand (the arithmetic is in the tables
// below), and on each edge of the drop and flag rules. The larger files are checked against the numpy
// reference in reference.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidTrialsError } from '../../../src/core/errors';
import { scoreParticipant, summarizeClass, type IatBlock, type IatTrial } from '../../../src/core/iat';

/** Trials of one participant: [block, latency, correct?] with pairings XA in blocks 3–4 (or XB when `first` says). */
function trials(spec: [IatBlock, number, (0 | 1)?][], first: 'XA' | 'XB' = 'XA', errorCorrection?: 'none'): IatTrial[] {
  const count = new Map<number, number>();
  return spec.map(([block, latencyMs, correct = 1]) => {
    const trial = (count.get(block) ?? 0) + 1;
    count.set(block, trial);
    const pairing = block === 3 || block === 4 ? first : block === 6 || block === 7 ? (first === 'XA' ? 'XB' : 'XA') : '';
    return { participant: 'p', block, trial, category: 'c', stimulus: 's', pairing, correct, latencyMs, ...(errorCorrection ? { errorCorrection } : {}) };
  });
}

// Worked example, built-in penalty, XA in blocks 3–4:
//
//   block  pairing  latencies (ms)    mean
//   3      XA       600, 800           700
//   6      XB       900, 1100         1000
//   4      XA       500, 700, 600      600
//   7      XB       700, 900, 800      800
//
//   practice (3 ∪ 6): mean 850, squared deviations 62500 + 2500 + 2500 + 62500 = 130000,
//     SD = √(130000/3); D_practice = (1000 − 700)/SD = 300·√(3/130000) = √(27/13) = 1.4411533842…
//   test (4 ∪ 7): mean 700, squared deviations 40000 + 0 + 10000 + 0 + 40000 + 10000 = 100000,
//     SD = √(100000/5) = √20000; D_test = (800 − 600)/√20000 = √2
//   D = (√(27/13) + √2)/2 = 1.4277335…
const WORKED: [IatBlock, number][] = [
  [1, 450], [2, 480], [5, 520],
  [3, 600], [3, 800], [6, 900], [6, 1100],
  [4, 500], [4, 700], [4, 600], [7, 700], [7, 900], [7, 800],
];
const D_PRACTICE = Math.sqrt(27 / 13);
const D_TEST = Math.SQRT2;

describe('improved D score, worked by hand', () => {
  it('gives √(27/13) for the practice pair, √2 for the test pair and their mean', () => {
    const s = scoreParticipant('p', trials(WORKED));
    expect(s.practice.meanXA).toBe(700);
    expect(s.practice.meanXB).toBe(1000);
    expect(s.practice.inclusiveSd).toBeCloseTo(Math.sqrt(130000 / 3), 10);
    expect(s.practice.d).toBeCloseTo(D_PRACTICE, 12);
    expect(s.test.d).toBeCloseTo(D_TEST, 12);
    expect(s.d).toBeCloseTo((D_PRACTICE + D_TEST) / 2, 12);
    expect(s.trials).toEqual({ recorded: 10, scored: 10, droppedSlow: 0, fast: 0, errors: 0 });
    expect(s).toMatchObject({ firstPairing: 'XA', errorTreatment: 'built-in', included: true, flags: { fastResponder: false, tooFewTrials: false } });
  });

  it('scores by pairing, not by block: the other counterbalancing order with the same latencies flips the sign', () => {
    const s = scoreParticipant('p', trials(WORKED, 'XB'));
    expect(s.firstPairing).toBe('XB');
    expect(s.practice.meanXA).toBe(1000);
    expect(s.d).toBeCloseTo(-(D_PRACTICE + D_TEST) / 2, 12);
  });

  it('keeps errors with their latency to the correct response (the built-in penalty)', () => {
    // Same table, the 1100 ms trial of block 6 marked as an error: nothing changes but the error count.
    const spec = trials(WORKED).map((t) => (t.block === 6 && t.latencyMs === 1100 ? { ...t, correct: 0 as const } : t));
    const s = scoreParticipant('p', spec);
    expect(s.d).toBeCloseTo((D_PRACTICE + D_TEST) / 2, 12);
    expect(s.trials.errors).toBe(1);
  });

  // D600, errors recorded without forced correction: block 3 gets a wrong first response at 300 ms.
  //
  //   block 3 (XA): correct 600, 800 → correct mean 700; the error's 300 becomes 700 + 600 = 1300;
  //                 block mean (600 + 800 + 1300)/3 = 900
  //   block 6 (XB): 900, 1100 → 1000
  //   SD over the raw latencies 600, 800, 300, 900, 1100 (before the replacement, Table 4 step 6):
  //     mean 740, squared deviations 19600 + 3600 + 193600 + 25600 + 129600 = 372000, SD = √(372000/4) = √93000
  //   D_practice = (1000 − 900)/√93000 = 0.32791291789…; the test pair is the worked one: √2
  it('replaces errors by the block mean of correct trials + 600 ms when the file says errors were not corrected', () => {
    const spec: [IatBlock, number, (0 | 1)?][] = [...WORKED, [3, 300, 0]];
    const s = scoreParticipant('p', trials(spec, 'XA', 'none'));
    expect(s.errorTreatment).toBe('replaced-600');
    expect(s.practice.meanXA).toBe(900);
    expect(s.practice.inclusiveSd).toBeCloseTo(Math.sqrt(93000), 10);
    expect(s.practice.d).toBeCloseTo(100 / Math.sqrt(93000), 12);
    expect(s.d).toBeCloseTo((100 / Math.sqrt(93000) + D_TEST) / 2, 12);
    // The same trials with the built-in penalty keep the 300 ms latency: block 3's mean is 1700/3.
    const builtIn = scoreParticipant('p', trials(spec));
    expect(builtIn.practice.meanXA).toBeCloseTo(1700 / 3, 12);
  });
});

describe('drop and flag rules', () => {
  it('drops trials slower than 10,000 ms and keeps one of exactly 10,000 ms', () => {
    const dropped = scoreParticipant('p', trials([...WORKED, [3, 10_000.1]]));
    expect(dropped.trials).toMatchObject({ recorded: 11, scored: 10, droppedSlow: 1 });
    expect(dropped.d).toBeCloseTo((D_PRACTICE + D_TEST) / 2, 12);
    const kept = scoreParticipant('p', trials([...WORKED, [3, 10_000]]));
    expect(kept.trials).toMatchObject({ scored: 11, droppedSlow: 0 });
    expect(kept.practice.meanXA).toBe(11400 / 3); // (600 + 800 + 10000)/3
  });

  // 40 combined trials of 500 ms and 1000 ms (so the SDs are not zero), some made fast.
  const forty = (fastCount: number, extra: [IatBlock, number][] = []) => {
    const spec: [IatBlock, number][] = [];
    for (const block of [3, 4, 6, 7] as const) for (let i = 0; i < 10; i++) spec.push([block, i % 2 ? 500 : 1000]);
    for (let i = 0; i < fastCount; i++) spec[i * 2]![1] = 299;
    return trials([...spec, ...extra]);
  };

  it('flags more than 10% of trials under 300 ms: 4 of 40 is not flagged, 5 of 40 is', () => {
    expect(scoreParticipant('p', forty(4)).flags.fastResponder).toBe(false);
    const flagged = scoreParticipant('p', forty(5));
    expect(flagged.flags.fastResponder).toBe(true);
    expect(flagged.fastShare).toBe(5 / 40);
    expect(flagged.included).toBe(false);
    expect(flagged.d).not.toBeNull();
  });

  it('counts the fast share over the recorded trials, slow ones included', () => {
    const s5 = scoreParticipant('p', forty(5, [[7, 20_000], [7, 20_001], [7, 20_002], [7, 20_003], [7, 20_004], [7, 20_005], [7, 20_006], [7, 20_007], [7, 20_008], [7, 20_009]]));
    // 5 fast of 50 recorded is exactly 10%: not flagged. Counted after dropping the 10 slow ones it would be 5 of 40 = 12.5%.
    expect(s5.trials).toMatchObject({ recorded: 50, droppedSlow: 10, fast: 5 });
    expect(s5.flags.fastResponder).toBe(false);
  });

  it('reads only blocks 3, 4, 6, 7: fast and slow trials elsewhere change nothing', () => {
    const s = scoreParticipant('p', trials([...WORKED, [1, 100], [2, 150], [5, 50_000]]));
    expect(s.trials).toEqual({ recorded: 10, scored: 10, droppedSlow: 0, fast: 0, errors: 0 });
    expect(s.d).toBeCloseTo((D_PRACTICE + D_TEST) / 2, 12);
  });

  it('gives no D and flags too few trials when a combined block is missing', () => {
    const s = scoreParticipant('p', trials(WORKED.filter(([b]) => b !== 7)));
    expect(s.test.d).toBeNull();
    expect(s.test.meanXB).toBeNull();
    expect(s.practice.d).toBeCloseTo(D_PRACTICE, 12);
    expect(s.d).toBeNull();
    expect(s.flags.tooFewTrials).toBe(true);
    expect(s.included).toBe(false);
  });

  it('gives no D when a pair has no spread (all latencies equal)', () => {
    const s = scoreParticipant('p', trials([[3, 600], [6, 600], [4, 500], [4, 700], [7, 800]]));
    expect(s.practice.inclusiveSd).toBe(0);
    expect(s.practice.d).toBeNull();
    expect(s.flags.tooFewTrials).toBe(true);
  });

  it('gives no D under D600 when a block has errors but no correct trial to take the mean of', () => {
    const s = scoreParticipant('p', trials([...WORKED.filter(([b]) => b !== 3), [3, 400, 0], [3, 650, 0]], 'XA', 'none'));
    expect(s.practice.meanXA).toBeNull();
    expect(s.flags.tooFewTrials).toBe(true);
  });
});

describe('trials that cannot be scored', () => {
  const base = trials(WORKED);
  it.each([
    ['a pairing that changes within a block', base.map((t, i) => (i === 4 ? { ...t, pairing: 'XB' as const } : t)), /changes within the block/],
    ['blocks 3 and 4 with different pairings', base.map((t) => (t.block === 4 ? { ...t, pairing: 'XB' as const } : t)), /blocks 3 and 4 must have the same pairing/],
    ['the same pairing in blocks 3–4 and 6–7', base.map((t) => (t.block === 6 || t.block === 7 ? { ...t, pairing: 'XA' as const } : t)), /opposite pairings/],
    ['a repeated trial', [...base, base[4]!], /block 3: trial 2 appears twice/],
    ['a pairing on block 1', base.map((t) => (t.block === 1 ? { ...t, pairing: 'XA' as const } : t)), /only blocks 3, 4, 6, 7 have a pairing/],
    ['a negative latency', base.map((t, i) => (i === 5 ? { ...t, latencyMs: -1 } : t)), /finite number ≥ 0/],
    ['mixed error correction', base.map((t, i) => (i === 5 ? { ...t, errorCorrection: 'none' as const } : t)), /error_correction must be the same/],
  ])('refuses %s', (_what, bad, message) => {
    expect(() => scoreParticipant('p', bad)).toThrow(InvalidTrialsError);
    expect(() => scoreParticipant('p', bad)).toThrow(message);
  });
});

describe('class summary', () => {
  it('counts only included participants and gives the t interval of their mean D', () => {
    // Included D's 0.2, 0.5, 0.8: mean 0.5, SD 0.3; summarizeClass reads only d, flags and included.
    const make = (d: number | null, fast = false) =>
      ({ ...scoreParticipant('p', trials(WORKED)), d, included: d !== null && !fast, flags: { fastResponder: fast, tooFewTrials: d === null } });
    const s = summarizeClass([make(0.2), make(0.5), make(0.8), make(2.0, true), make(null)]);
    expect(s).toMatchObject({ participants: 5, n: 3, excluded: { fastResponder: 1, tooFewTrials: 1 } });
    expect(s.meanD).toBeCloseTo(0.5, 12);
    expect(s.sdD).toBeCloseTo(0.3, 12);
    // scipy 1.10.1: stats.t.ppf(0.975, 2) = 4.302652729911275; stats.t.interval(0.95, 2, loc=0.5, scale=0.3/√3) = (-0.2452413135531257, 1.2452413135531257)
    expect(s.ci!.low!).toBeCloseTo(0.5 - 4.302652729911275 * 0.3 / Math.sqrt(3), 9);
    expect(s.ci!.high!).toBeCloseTo(0.5 + 4.302652729911275 * 0.3 / Math.sqrt(3), 9);
    expect(summarizeClass([make(0.4)])).toMatchObject({ n: 1, meanD: 0.4, sdD: null, ci: null });
    expect(summarizeClass([make(null)])).toMatchObject({ n: 0, meanD: null, ci: null });
  });
});

describe('properties of D that follow from its definition', () => {
  // Latencies 400–4000 ms keep clear of the 300 ms and 10,000 ms edges after a shift of +500 or a scale of ×2.
  const latencies = (n: number) => fc.array(fc.double({ min: 400, max: 4000, noNaN: true }), { minLength: n, maxLength: n + 6 });
  const participant = fc.tuple(latencies(2), latencies(2), latencies(3), latencies(3), fc.constantFrom<'XA' | 'XB'>('XA', 'XB')).map(([b3, b6, b4, b7, first]) =>
    trials([...b3.map((x) => [3, x] as [IatBlock, number]), ...b6.map((x) => [6, x] as [IatBlock, number]), ...b4.map((x) => [4, x] as [IatBlock, number]), ...b7.map((x) => [7, x] as [IatBlock, number])], first),
  );
  it('is unchanged by adding a constant to every latency or multiplying them all, and changes sign with the counterbalancing order', () => {
    fc.assert(
      fc.property(participant, (ts) => {
        const d = scoreParticipant('p', ts).d!;
        const shifted = scoreParticipant('p', ts.map((t) => ({ ...t, latencyMs: t.latencyMs + 500 }))).d!;
        const scaled = scoreParticipant('p', ts.map((t) => ({ ...t, latencyMs: t.latencyMs * 2 }))).d!;
        const swap = (p: IatTrial['pairing']) => (p === 'XA' ? 'XB' : p === 'XB' ? 'XA' : p);
        const swapped = scoreParticipant('p', ts.map((t) => ({ ...t, pairing: swap(t.pairing) }))).d!;
        expect(Math.abs(shifted - d)).toBeLessThan(1e-9);
        expect(Math.abs(scaled - d)).toBeLessThan(1e-9);
        expect(swapped).toBeCloseTo(-d, 12);
      }),
      { numRuns: 200 },
    );
  });
});
