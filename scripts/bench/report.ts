// Tiny helpers for the benchmark's printed report: one aligned line per figure, with its target.
export interface Figure {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
}

export function printSection(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  for (const f of figures) {
    const verdict = f.ok === undefined ? '' : f.ok ? '  ✓' : '  ✗ (misses target)';
    console.log(`  ${f.name.padEnd(58)} ${f.value.padStart(14)}${f.target ? `   target ${f.target}` : ''}${verdict}`);
  }
}

/** Median of n timed runs of an async function, in milliseconds. */
export async function medianMs(n: number, fn: () => Promise<unknown> | unknown): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, all };
}

export const fmtMs = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
export const fmtBytes = (b: number): string => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} KB`);
