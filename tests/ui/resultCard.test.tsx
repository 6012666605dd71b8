// The result card prints the intervals a family summary hands it as they are: a one-sided test
// interval as [L, ∞) (not clipped to a number), the stimulus-robust interval on its own line named by
// what it resampled, and the note when the two disagree. Hand-made results, rendered on the server
// (react-dom/static waits for the lazily loaded family views). A decision template's contrasts are
// marked by the one rule on the Holm p core adjusted, so p = 0.03 with Holm p = 0.09 is not marked.
import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import type { AttributeComparison } from '../../src/core/lm/decision/attributeDifferences';
import type { DecisionTemplateResult } from '../../src/core/lmRun/types';
import { significanceOf } from '../../src/core/significance';
import { asPValue } from '../../src/core/units';
import type { FamilySummary } from '../../src/probes/families/types';
import { ResultCard } from '../../src/ui/components/ResultCard';
import { contrastRows } from '../../src/ui/families/decision-template/contrastRows';

async function render(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(node);
  return (await new Response(prelude).text()).replace(/<!--.*?-->/g, '');
}
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

const comparison = (value: string, difference: number, p: number, pHolm: number, ci: [number, number] | null): AttributeComparison => ({
  attribute: 'age',
  value,
  reference: '20',
  n: 10,
  nReference: 10,
  questions: 5,
  meanLogit: difference,
  meanLogitReference: 0,
  difference,
  ci: ci && { low: ci[0], high: ci[1], level: 0.95, method: 'percentile', resamples: 200, skipped: 0 },
  testCi: { level: 0.95, low: p < 0.05 ? difference - 0.7 : null, high: p < 0.05 ? difference + 0.5 : null, sides: 'two-sided', method: 'stratified-permutation-inversion', nullValue: 0 },
  pValue: asPValue(p),
  pMethod: 'exact',
  permutations: 32,
  pHolm: asPValue(pHolm),
  pBH: asPValue(pHolm),
});

const result: DecisionTemplateResult = {
  kind: 'decision-template',
  probeId: 'age-decisions',
  title: 'Hiring by age',
  comparisons: [comparison('40', 0.8, 0.03, 0.09, [0.1, 1.5]), comparison('60', -1.2, 0.004, 0.008, [-2, -0.4])],
  meanLogit: 0.1,
  items: [],
};

const summary: FamilySummary = {
  headline: {
    label: 'Δ logit 60 vs 20',
    value: -1.2,
    shown: '-1.200',
    ci: { low: 0.52, high: Infinity, level: 0.95, sides: 'lower', method: 'permutation-inversion' },
    robustCi: { low: -0.1, high: 1.3, level: 0.95, resampled: 'the questions' },
    intervalNote: 'The robust interval crosses 0 because a different set of questions could give no difference.',
    p: 0.004,
    pLabel: 'p',
    text: '',
  },
  reading: 'Sixty-year-olds get “yes” less often.',
  significance: significanceOf(0.004, 0.008),
};

describe('ResultCard', () => {
  it('prints a one-sided test interval with ∞, the named robust interval and the note', async () => {
    const html = await render(<ResultCard result={result} summary={summary} fileStem="f" chartsOpen />);
    const shown = text(html);
    expect(html).toMatch(/<output aria-label="Interval of the test">95% CI \[0\.520, ∞\)<\/output>/);
    expect(shown).toContain('(permutation-inversion)');
    expect(html).toMatch(/<dt>Stimulus-robust interval<\/dt><dd><output aria-label="Stimulus-robust interval">95% CI \[-0\.100, 1\.300\]<\/output>/);
    expect(shown).toContain('resampling the questions');
    expect(shown).toContain('The robust interval crosses 0 because a different set of questions could give no difference.');
    expect(shown).toContain('Significant at α = 0.05 (Holm-adjusted p = 0.0080).');
  });

  it('says there is no interval, and prints no robust line or note, when the headline has none', async () => {
    const bare: FamilySummary = { ...summary, headline: { ...summary.headline, ci: null, robustCi: undefined, intervalNote: undefined } };
    const shown = text(await render(<ResultCard result={result} summary={bare} fileStem="f" chartsOpen />));
    expect(shown).toContain('Confidence intervalnot applicable');
    expect(shown).not.toContain('Stimulus-robust interval');
    expect(shown).not.toContain('crosses 0');
  });
});

describe('decision-template contrast rows', () => {
  it('mark each contrast by the one rule on its Holm p, not by its raw p', () => {
    const rows = contrastRows(result);
    expect(rows.map((r) => [r.name, r.value, r.verdict])).toEqual([
      ['age: 40 vs 20', 0.8, 'not-significant'],
      ['age: 60 vs 20', -1.2, 'significant'],
    ]);
    // The whisker is the test's own interval (unbounded sides to ±∞); the question bootstrap is the robust one.
    expect(contrastRows({ comparisons: [comparison('40', 0.8, 0.3, 0.3, null)] })[0]!.ci).toEqual({ low: -Infinity, high: Infinity });
    expect(rows[1]!.ci!.low).toBeCloseTo(-1.9, 12);
    expect(rows[1]!.ci!.high).toBeCloseTo(-0.7, 12);
    expect(rows[1]!.robust).toEqual({ low: -2, high: -0.4 });
  });
});
