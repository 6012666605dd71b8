// Tiny helpers for the benchmark's printed report: one aligned line per figure, with its target;
// ratios against an anchor measured in the same run go through ratioLine, which also records them
// (in a file shared with the bench's child processes) for the summary printed last.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

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

/** Where ratio lines are recorded for the closing summary (set by scripts/bench.ts; child processes inherit it). */
export const SUMMARY_FILE_ENV = 'BENCH_SUMMARY_FILE';

/** A ratio against its target: ✓ when it is at most `atMost` (a slowdown) or at least `atLeast` (a speed-up). */
export type RatioTarget = { atMost: number } | { atLeast: number };

export interface RatioRecord {
  name: string;
  ratio: number;
  target: RatioTarget;
  ok: boolean;
  /** 1-minute load average when the figure was measured (default: when the line is printed). */
  load: number;
  detail?: string;
}

const targetText = (t: RatioTarget) => ('atMost' in t ? `≤ ${t.atMost}×` : `≥ ${t.atLeast}×`);

const formatRatio = (r: RatioRecord) =>
  `  ${r.name.padEnd(58)} ${`${r.ratio.toFixed(2)}×`.padStart(8)}   target ${targetText(r.target).padEnd(7)} ${r.ok ? '✓' : '✗'}   load ${r.load.toFixed(2)}${r.detail ? `   ${r.detail}` : ''}`;

/**
 * Print one ratio with its target, ✓/✗ and the machine's load average, and record it for the
 * summary that `npm run bench` prints last (in any section, in this process or a child of the bench).
 * `detail` says what was divided by what (e.g. "2,140 ms / anchor 1,066 ms"); `load`, the load
 * average when the figure was measured, if that was a while before this line.
 */
export function ratioLine(name: string, ratio: number, target: RatioTarget, detail?: string, load: number = loadavg()[0]!): boolean {
  const ok = Number.isFinite(ratio) && ('atMost' in target ? ratio <= target.atMost : ratio >= target.atLeast);
  const record: RatioRecord = { name, ratio, target, ok, load, ...(detail ? { detail } : {}) };
  console.log(formatRatio(record));
  const file = process.env[SUMMARY_FILE_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(record)}\n`);
  return ok;
}

/** The closing summary: every ratio recorded during this bench run, in order, and how many hold. */
export function printRatioSummary(file: string): void {
  const records = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as RatioRecord)
    : [];
  if (!records.length) return;
  console.log(`\nSummary: ${records.filter((r) => r.ok).length} of ${records.length} ratios on target`);
  for (const r of records) console.log(formatRatio(r));
}
