// How numbers are written in headlines, readings and cards: one place, so that the summary of a
// family (probes/families/*/summary.ts), the CLI and the screens print a number the same way.
// Pure string formatting: no statistics happen here.

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInt = (n: number): string => int.format(n);

/** d with three decimals (what the tests compare); "—" when undefined. */
export const formatD = (d: number, digits = 3): string => (Number.isFinite(d) ? d.toFixed(digits) : '—');

/**
 * A statistic with enough digits to be read: `decimals` decimals (3, what d has always shown) unless
 * that would show no significant digit, then scientific notation with three, so −0.00031 prints
 * as "-3.10e-4" rather than "-0.000"; ±Infinity prints as "∞"/"−∞" (an unbounded interval side), NaN
 * as "—".
 */
export const formatAdaptive = (x: number, decimals = 3): string => {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0 || Math.abs(x) >= 10 ** -decimals) return x.toFixed(decimals);
  return x.toExponential(2).replace(/e([+-])(\d+)$/, (_m, sign: string, e: string) => `e${sign === '-' ? '-' : ''}${e}`);
};

/** "95% CI [0.52, 1.77]", "95% CI [0.52, ∞)" (one-sided), "95% CI (−∞, ∞)" (the test cannot exclude anything). */
export const intervalText = (ci: { low: number; high: number; level: number }, decimals = 2): string => {
  const lo = Number.isFinite(ci.low) ? `[${formatAdaptive(ci.low, decimals)}` : '(−∞';
  const hi = Number.isFinite(ci.high) ? `${formatAdaptive(ci.high, decimals)}]` : '∞)';
  return `${Math.round(ci.level * 100)}% CI ${lo}, ${hi}`;
};

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
