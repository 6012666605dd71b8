// How numbers are written in headlines, readings and cards: one place, so that the summary of a
// family (probes/families/*/summary.ts), the CLI and the screens print a number the same way.
// Pure string formatting: no statistics happen here.

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInt = (n: number): string => int.format(n);

/** d with three decimals (what the tests compare); "—" when undefined. */
export const formatD = (d: number, digits = 3): string => (Number.isFinite(d) ? d.toFixed(digits) : '—');

/** p-values: four decimals down to 0.0001, then two significant digits. */
export const formatP = (p: number | null | undefined): string => {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p >= 0.0001) return p.toFixed(4);
  // 1e-5 prints as "0.00001"; much smaller values keep the exponent
  return String(Number(p.toPrecision(2)));
};

/** A rate as a percentage with one decimal: "25.0%". */
export const formatPercent = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

/** How the permutation p was computed: "exact, all 70 partitions" / "Monte Carlo, 100,000 permutations". */
export const pMethodText = (r: { pMethod: 'exact' | 'monte-carlo'; permutations: number }): string =>
  r.pMethod === 'exact' ? `exact, all ${formatInt(r.permutations)} partitions` : `Monte Carlo, ${formatInt(r.permutations)} permutations`;

/** "95% CI [0.63, 1.52]", or what to say when there is no CI. */
export const ciText = (r: { ci: { level: number; low: number; high: number } | null }, digits = 2): string =>
  r.ci ? `${Math.round(r.ci.level * 100)}% CI [${formatD(r.ci.low, digits)}, ${formatD(r.ci.high, digits)}]` : 'no CI (bootstrap off)';
