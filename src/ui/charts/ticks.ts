// Axis ticks: round numbers (steps of 1, 2, 2.5 or 5 × 10^k) and how a tick is written.

/** About `count` round-numbered ticks covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  const raw = (hi - lo) / count || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) out.push(Number(t.toFixed(10)));
  return out;
}

/** A tick as text: "0.25", "1.5", "-2"; tiny non-zero ticks in scientific notation ("5e-5"). */
export const tickText = (t: number): string => (t !== 0 && Math.abs(t) < 1e-3 ? t.toExponential(1).replace(/\.0e/, 'e') : String(Number(t.toPrecision(4))));
