// Runs compared probe by probe: per-word agreement of association tests through the family's item
// rows (ρ and r as scipy gives them: see tests/core/compare/itemAgreement.test.ts for the script),
// option differences named, and probes that cannot be aligned said so.
import { describe, expect, it } from 'vitest';
import type { AssociationResult } from '../../src/core/association/types';
import { compareRuns, type RunToCompare } from '../../src/probes/compare';
import { sampleResult } from '../fixtures/probes/sampleResult';

const A = [0.12, -0.05, 0.33, 0.33, 0.01, -0.2, 0.07, 0.15];
const B = [0.1, -0.01, 0.29, 0.41, 0.01, -0.25, 0.02, 0.02];
const withWords = (values: number[], over: Partial<AssociationResult> = {}): AssociationResult =>
  sampleResult({ items: values.map((association, i) => ({ word: `w${i}`, set: i < 4 ? 'X' : 'Y', association })), ...over });

const run = (dtype: string, sd: string, results: AssociationResult[]): RunToCompare => ({
  model: { id: 'glove-6b-100d', dtype },
  seed: 1,
  options: { sd, seed: 1 },
  results,
});

describe('compareRuns', () => {
  it('per-word agreement of the same test in two runs, with what differs between them', () => {
    const c = compareRuns([run('int8', 'sample', [withWords(A)]), run('fp32', 'population', [withWords(B)])]);
    expect(c.differences.map((d) => [d.field, d.values])).toEqual([
      ['dtype', ['int8', 'fp32']],
      ['sd', ['sample', 'population']],
    ]);
    const [probe] = c.probes;
    expect(probe!.measure).toBe('association');
    expect(probe!.notAligned).toBeNull();
    expect(probe!.agreements).toHaveLength(1);
    const { agreement } = probe!.agreements[0]!;
    expect(agreement.n).toBe(8);
    expect(agreement.spearman).toBeCloseTo(0.9518072289156626, 12);
    expect(agreement.pearson).toBeCloseTo(0.9497139613624513, 12);
    expect(probe!.headlines.map((h) => h?.value)).toEqual([-0.5312345678901234, -0.5312345678901234]);
  });

  it('says when a probe cannot be aligned: run by one run only, or sharing no words', () => {
    const other = withWords(B, { probeId: 'caliskan-weat-2', title: 'WEAT 2' });
    const renamed = withWords(B).items.map((it) => ({ ...it, word: `other-${it.word}` }));
    const c = compareRuns([run('int8', 'sample', [withWords(A)]), run('int8', 'sample', [other, sampleResult({ probeId: 'x', items: renamed })]), run('int8', 'sample', [sampleResult({ probeId: 'x', items: withWords(A).items })])]);
    const byId = Object.fromEntries(c.probes.map((p) => [p.probeId, p]));
    expect(byId['caliskan-weat-1']!.notAligned).toMatch(/Only run 1 ran this probe/);
    expect(byId['caliskan-weat-2']!.notAligned).toMatch(/Only run 2 ran this probe/);
    expect(byId['caliskan-weat-2']!.headlines[0]).toBeNull();
    expect(byId.x!.reference).toBe(1);
    expect(byId.x!.agreements[0]!.agreement.n).toBe(0);
    expect(byId.x!.notAligned).toMatch(/share no items/);
  });
});
