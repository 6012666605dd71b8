// The D scores of two trials files against the independent numpy/scipy reference
// (scripts/reference/iat_reference.py, which also generated the files: both counterbalancing orders,
// trials of exactly and just over 10,000 ms, exactly 10% and just over 10% fast trials, a missing
// block, a quoted participant id, and a file whose errors were not corrected). Read through the same
// CSV reader the CLI uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreIatTrials } from '../../../src/core/iat';
import { parseIatTrialsCsv } from '../../../src/probes/import/iatTrialsCsv';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'iat');

interface RefPair {
  d: number | null;
  meanXA: number | null;
  meanXB: number | null;
  inclusiveSd: number | null;
}
interface RefFile {
  participants: {
    participant: string;
    d: number | null;
    practice: RefPair;
    test: RefPair;
    trials: { recorded: number; scored: number; droppedSlow: number; fast: number; errors: number };
    fastResponder: boolean;
    tooFewTrials: boolean;
    included: boolean;
  }[];
  summary: { n: number; meanD: number; sdD: number; ciLow: number; ciHigh: number; pValue: number };
}
const expected = JSON.parse(readFileSync(join(dir, 'expected-scores.json'), 'utf8')) as Record<string, RefFile> & { generatedBy: string };

const close = (actual: number | null, ref: number | null) => {
  if (ref === null) expect(actual).toBeNull();
  else expect(Math.abs(actual! - ref)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ref)));
};

describe.each(['class-trials.csv', 'no-correction-trials.csv'])('improved D vs the numpy reference: %s', (file) => {
  const ref = expected[file]!;
  const scores = scoreIatTrials(parseIatTrialsCsv(readFileSync(join(dir, file), 'utf8')));

  it('has the same participants in the same order', () => {
    expect(expected.generatedBy).toBe('/usr/bin/python3 scripts/reference/iat_reference.py');
    expect(scores.participants.map((p) => p.participant)).toEqual(ref.participants.map((p) => p.participant));
  });

  it('agrees on every D, block-pair D, mean and inclusive SD to 1e-12, and on every count and flag', () => {
    ref.participants.forEach((r, i) => {
      const s = scores.participants[i]!;
      close(s.d, r.d);
      for (const pair of ['practice', 'test'] as const) {
        close(s[pair].d, r[pair].d);
        close(s[pair].meanXA, r[pair].meanXA);
        close(s[pair].meanXB, r[pair].meanXB);
        close(s[pair].inclusiveSd, r[pair].inclusiveSd);
      }
      expect(s.trials).toEqual(r.trials);
      expect({ fastResponder: s.flags.fastResponder, tooFewTrials: s.flags.tooFewTrials, included: s.included }).toEqual({
        fastResponder: r.fastResponder,
        tooFewTrials: r.tooFewTrials,
        included: r.included,
      });
    });
  });

  it('agrees on the class summary (mean and SD to 1e-12, the t interval and p to 1e-9)', () => {
    const s = scores.summary;
    expect(s.n).toBe(ref.summary.n);
    close(s.meanD, ref.summary.meanD);
    close(s.sdD, ref.summary.sdD);
    expect(s.ci!.low!).toBeCloseTo(ref.summary.ciLow, 9);
    expect(s.ci!.high!).toBeCloseTo(ref.summary.ciHigh, 9);
    expect(s.pValue!).toBeCloseTo(ref.summary.pValue, 9);
  });
});

describe('the reference files cover the edges they were made for', () => {
  const ref = expected['class-trials.csv']!;
  const by = (id: string) => ref.participants.find((p) => p.participant === id)!;
  it('exactly 10% fast is not flagged, just over is; a missing block leaves no D; a quoted id survives', () => {
    expect(by('p03')).toMatchObject({ fastResponder: false, trials: { fast: 12, recorded: 120 } });
    expect(by('p04')).toMatchObject({ fastResponder: true, included: false, trials: { fast: 13, droppedSlow: 1 } });
    expect(by('p05')).toMatchObject({ d: null, tooFewTrials: true });
    expect(by('student, 12').included).toBe(true);
    expect(ref.participants.filter((p) => p.d !== null && p.d < 0).length).toBeGreaterThan(0);
  });
});
