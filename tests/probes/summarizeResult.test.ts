// The Holm note: a WEAT whose own p is below α (its test interval leaves out 0) but whose
// Holm-adjusted p across a batch is not gets one sentence saying the Holm p decided; the same test
// alone, or significant after Holm, gets none.
import { describe, expect, it } from 'vitest';
import { asPValue } from '../../src/core/units';
import { summarizeResult } from '../../src/probes/families/summarizeResult';
import { sampleResult } from '../fixtures/probes/sampleResult';

const testCi = { level: 0.95, low: 0.12, high: null, sides: 'lower' as const, method: 'permutation-inversion', nullValue: 0 };
const weat = (p: number, pHolm: number | null) => sampleResult({ effectSize: 0.6 as never, pValue: asPValue(p), pHolm: pHolm === null ? null : asPValue(pHolm), testCi });

describe('summarizeResult', () => {
  it('names the Holm p as what decided when the interval excludes 0 but Holm does not reject', () => {
    const s = summarizeResult(weat(0.03, 0.09));
    expect(s.significance).toMatchObject({ basis: 'holm', significant: false });
    expect(s.headline.intervalNote).toContain('across the batch the Holm-adjusted p is what decides, and it is not below 0.05.');
  });
  it('adds nothing when the verdict and the interval agree', () => {
    expect(summarizeResult(weat(0.03, 0.04)).headline.intervalNote ?? '').not.toContain('Holm');
    expect(summarizeResult(weat(0.03, null)).headline.intervalNote ?? '').not.toContain('Holm');
  });
});
