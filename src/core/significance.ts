// The one significance rule of the app, CLI and exports. Every card states it ("significant at
// α = 0.05, Holm-adjusted across 10 tests"), so a reader never has to guess which p was compared
// with what. Before this rule the forest plot used Holm-adjusted p and the sentences used raw p,
// and a batch could call the same test significant in one place and not in the other.
//
// Rule: α = 0.05, two readings of the same p never mixed. Where the run adjusted the test's p for
// multiple comparisons across the batch (pHolm is set and differs from p: Holm over more than one
// test), the Holm-adjusted p is compared with α — Holm controls the family-wise error rate across
// the batch without assuming independence (Holm 1979). Otherwise the test's own p is (Holm over a
// batch of one returns p itself, and the statement then says plainly "p").
// A test with no p (a descriptive rate) has no verdict.

export const SIGNIFICANCE_ALPHA = 0.05;

export interface Significance {
  /** The p that was compared with α. */
  p: number;
  /** Which p that was: the test's own, or Holm-adjusted across the batch. */
  basis: 'raw' | 'holm';
  alpha: number;
  significant: boolean;
  /** One sentence for the card, e.g. "Significant at α = 0.05 (Holm-adjusted p = 0.0021)." */
  statement: string;
}

const formatP = (p: number): string => (p < 0.0001 ? '< 0.0001' : `= ${p.toFixed(4)}`);

/**
 * The verdict for one test.
 * @param p the test's own p-value, or null for a descriptive statistic (no verdict)
 * @param pHolm the Holm-adjusted p across the batch, or null/undefined when the run did not adjust it
 */
export function significanceOf(p: number | null | undefined, pHolm?: number | null, alpha: number = SIGNIFICANCE_ALPHA): Significance | null {
  if (p === null || p === undefined || !Number.isFinite(p)) return null;
  const holm = pHolm !== null && pHolm !== undefined && Number.isFinite(pHolm) && pHolm !== p;
  const used = holm ? pHolm : p;
  const significant = used < alpha;
  const which = holm ? `Holm-adjusted p ${formatP(used)}` : `p ${formatP(used)}`;
  return {
    p: used,
    basis: holm ? 'holm' : 'raw',
    alpha,
    significant,
    statement: `${significant ? 'Significant' : 'Not significant'} at α = ${alpha} (${which}).`,
  };
}

/**
 * The one case where the interval beside p and the verdict can disagree: the interval inverts the
 * test's own p, while across a batch the Holm-adjusted p decides. When the interval leaves out the
 * null but Holm says "not significant" (or, for completeness, the reverse), a sentence says which
 * decided; null when they agree or there is no verdict.
 * @param excludesNull whether the test interval beside p excludes the null value (null: no interval)
 */
export function holmDecidesNote(significance: Significance | null, excludesNull: boolean | null): string | null {
  if (!significance || significance.basis !== 'holm' || excludesNull === null || excludesNull === significance.significant) return null;
  return excludesNull
    ? `The interval reflects this test alone (its own p is below ${significance.alpha}); across the batch the Holm-adjusted p is what decides, and it is not below ${significance.alpha}.`
    : `The interval reflects this test alone; across the batch the Holm-adjusted p decides.`;
}
