// Tiny helpers for the benchmark's printed report: one aligned line per figure, with its target.
export interface Figure {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
  /** Extra context printed after the value (e.g. CPU vs wall time); not a target. */
  note?: string;
}

export function printSection(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  for (const f of figures) {
    const verdict = f.ok === undefined ? '' : f.ok ? '  ✓' : '  ✗ (misses target)';
    console.log(`  ${f.name.padEnd(58)} ${f.value.padStart(14)}${f.note ? `   ${f.note}` : ''}${f.target ? `   target ${f.target}` : ''}${verdict}`);
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One call's result with its wall-clock and this process's CPU (user + system) milliseconds. */
export async function clocked<T>(fn: () => Promise<T> | T): Promise<{ result: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { result, wall, cpu: (c.user + c.system) / 1000 };
}

/**
 * Median of n timed runs of an async function, in milliseconds: wall clock and this process's CPU
 * time (user + system). On a shared 2-core machine wall time includes other processes' load; CPU
 * time is what the work itself costs.
 */
export async function medianMs(n: number, fn: () => Promise<unknown> | unknown): Promise<{ median: number; all: number[]; cpuMedian: number }> {
  const all: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = await clocked(fn);
    all.push(t.wall);
    cpu.push(t.cpu);
  }
  return { median: median(all), all, cpuMedian: median(cpu) };
}

export const fmtMs = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
export const fmtBytes = (b: number): string => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} KB`);
