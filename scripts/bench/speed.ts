// Bench section `suites-cli` (in the group `speed`): the figures where users wait, each beside the numpy anchor measured in the
// same run (../shared/perf/numpy_weat_suite.py, run as it is: a vectorised numpy implementation of
// the ten Caliskan WEATs' work, median of 5 warm runs). Ratios are of wall-clock times (what a user
// waits), with CPU time and the load average beside them: on a shared machine wall time includes
// other processes' work.
//   - the WEAT suite in fresh processes: first run (cold) and warm, each the median over
//     FRESH_PROCESSES processes; SEAT likewise (figures)
//   - the CLI end to end, each run a fresh `node bin/bias-workbench.mjs run …` (npx's own start-up
//     is not counted), median of CLI_RUNS: the WEAT suite, the SEAT suite, the decision-template
//     probe on the embedded GPT
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCliBundle, bundleIsFresh } from '../../bin/cliBundle.mjs';
import { fmtMs, median, printSection, ratioLine, type Figure } from './report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ANCHOR_SCRIPT = path.resolve(root, '..', 'shared', 'perf', 'numpy_weat_suite.py');
const PYTHON = '/usr/bin/python3';
const GNU_TIME = '/usr/bin/time';
const CLI_RUNS = 3;
/** A CLI run slower than this is timed once, not CLI_RUNS times (the bench stays a few minutes). */
const ONE_RUN_ABOVE_MS = 15_000;

interface Timed {
  wall: number;
  /** User + system CPU ms of the process; NaN when GNU time is missing. */
  cpu: number;
}

/** A measurement with the 1-minute load average when it ended. */
const withLoad = async <T>(measure: Promise<T>): Promise<T & { load: number }> => ({ ...(await measure), load: loadavg()[0]! });

/** Run a command to completion; its stdout, and stderr on failure. @throws when it exits non-zero */
function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')}: ${signal ?? `exit ${code}`}\n${err.slice(-2000)}`))));
  });
}

/** A fresh CLI process, timed from spawn to exit; CPU from GNU time. */
async function cliOnce(args: string[], scratch: string): Promise<Timed> {
  const timeFile = path.join(scratch, 'time.txt');
  const cli = [process.execPath, path.join(root, 'bin', 'bias-workbench.mjs'), 'run', ...args, '--out', path.join(scratch, 'out')];
  const withTime = existsSync(GNU_TIME);
  const t0 = performance.now();
  await (withTime ? run(GNU_TIME, ['-f', '%U %S', '-o', timeFile, ...cli]) : run(cli[0]!, cli.slice(1)));
  const wall = performance.now() - t0;
  const [user, sys] = withTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN];
  return { wall, cpu: (user! + sys!) * 1000 };
}

/** Median (by wall time) of CLI_RUNS fresh CLI runs, or one run when that one is slow. */
async function cliMedian(args: string[], scratch: string): Promise<Timed & { all: number[] }> {
  const runs = [await cliOnce(args, scratch)];
  while (runs.length < CLI_RUNS && runs[0]!.wall < ONE_RUN_ABOVE_MS) runs.push(await cliOnce(args, scratch));
  const mid = runs.find((r) => r.wall === median(runs.map((x) => x.wall)))!;
  return { ...mid, all: runs.map((r) => r.wall) };
}

interface SuiteTimes {
  tests: number;
  cold: Timed & { all: number[] };
  warm: Timed & { all: number[] };
}
/**
 * Fresh processes per suite: a process gives one cold figure, and one cold sample on a shared
 * 2-core machine varies by ±15% (the JIT compiles on the other core), so the cold figure is the
 * median of FRESH_PROCESSES first runs and the warm figure the median of their warm medians.
 */
const FRESH_PROCESSES = 3;

const oneFreshProcess = async (suite: string): Promise<{ tests: number; cold: Timed; warm: Timed & { all: number[] } }> =>
  JSON.parse(await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'bench', 'suiteInFreshProcess.ts'), suite])) as never;

async function suiteInFreshProcesses(suite: string): Promise<SuiteTimes> {
  const runs = [];
  for (let i = 0; i < FRESH_PROCESSES; i++) runs.push(await oneFreshProcess(suite));
  const middle = <T extends Timed>(xs: T[]): T => xs.find((x) => x.wall === median(xs.map((y) => y.wall)))!;
  return {
    tests: runs[0]!.tests,
    cold: { ...middle(runs.map((r) => r.cold)), all: runs.map((r) => r.cold.wall) },
    warm: { ...middle(runs.map((r) => r.warm)), all: runs.map((r) => r.warm.wall) },
  };
}

/** The anchor's median ms, from its one line of output. */
async function anchorMs(suiteJson: string): Promise<number> {
  const out = await run(PYTHON, [ANCHOR_SCRIPT, suiteJson]);
  const m = /median (\d+(?:\.\d+)?) ms/.exec(out);
  if (!m) throw new Error(`the anchor printed no median: ${out}`);
  return Number(m[1]);
}

const cpuNote = (t: Timed) => (Number.isFinite(t.cpu) ? `CPU ${fmtMs(t.cpu)}` : '');
const runsNote = (all: number[]) => `runs ${all.map((x) => x.toFixed(0)).join(' ')} ms`;
const over = (t: Timed, anchor: number) => `${fmtMs(t.wall)} / anchor ${fmtMs(anchor)}`;

export async function benchSpeed(): Promise<void> {
  // The bundle's build is what the first start after an edit pays, not a user's wait: done first.
  if (!bundleIsFresh()) await buildCliBundle();
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-speed-'));
  try {
    // The anchor reads the CLI's suite JSON (the words after OOV); this run also warms the file cache.
    const suiteJson = path.join(scratch, 'suite.json');
    await run(process.execPath, [path.join(root, 'bin', 'bias-workbench.mjs'), 'run', 'caliskan-weat', '--model', 'glove-6b-100d', '--seed', '1', '--out', suiteJson]);
    const anchor = await anchorMs(suiteJson);
    const anchorLoad = loadavg()[0]!;
    const weat = await withLoad(suiteInFreshProcesses('caliskan-weat'));
    const seat = await withLoad(suiteInFreshProcesses('caliskan-seat'));
    const cliWeat = await withLoad(cliMedian(['caliskan-weat', '--model', 'glove-6b-100d'], scratch));
    const cliSeat = await withLoad(cliMedian(['caliskan-seat', '--model', 'glove-6b-100d'], scratch));
    const cliDecision = await withLoad(cliMedian(['lm-decision-basic', '--model', 'workbench/tiny-gpt2'], scratch));

    const figures: Figure[] = [
      { name: 'numpy anchor: 10 WEATs warm (median of 5, numpy_weat_suite.py)', value: fmtMs(anchor), note: `load ${anchorLoad.toFixed(2)}` },
      { name: `WEAT suite (${weat.tests} tests): first run in a fresh process (cold), median of ${FRESH_PROCESSES}`, value: fmtMs(weat.cold.wall), note: `${cpuNote(weat.cold)}, ${runsNote(weat.cold.all)}` },
      { name: 'WEAT suite, warm (each process: median of its next 5)', value: fmtMs(weat.warm.wall), note: `${cpuNote(weat.warm)}, ${runsNote(weat.warm.all)}` },
      { name: `SEAT suite (${seat.tests} tests): first run in a fresh process (cold), median of ${FRESH_PROCESSES}`, value: fmtMs(seat.cold.wall), note: `${cpuNote(seat.cold)}, ${runsNote(seat.cold.all)}` },
      { name: 'SEAT suite, warm (each process: median of its next 5)', value: fmtMs(seat.warm.wall), note: `${cpuNote(seat.warm)}, ${runsNote(seat.warm.all)}` },
      { name: 'CLI end to end: run caliskan-weat (fresh process)', value: fmtMs(cliWeat.wall), note: `${cpuNote(cliWeat)}, ${runsNote(cliWeat.all)}` },
      { name: 'CLI end to end: run caliskan-seat', value: fmtMs(cliSeat.wall), note: `${cpuNote(cliSeat)}, ${runsNote(cliSeat.all)}` },
      { name: 'CLI end to end: run lm-decision-basic on workbench/tiny-gpt2', value: fmtMs(cliDecision.wall), note: `${cpuNote(cliDecision)}, ${runsNote(cliDecision.all)}` },
    ];
    printSection('Speed where users wait (wall clock; anchor measured in this run)', figures);
    console.log('  ratios (wall clock):');
    ratioLine('WEAT suite warm: anchor ÷ suite (faster than numpy)', anchor / weat.warm.wall, { atLeast: 3 }, `anchor ${fmtMs(anchor)} / ${fmtMs(weat.warm.wall)}`, weat.load);
    ratioLine('WEAT suite cold ÷ warm', weat.cold.wall / weat.warm.wall, { atMost: 1.5 }, `${fmtMs(weat.cold.wall)} / ${fmtMs(weat.warm.wall)}`, weat.load);
    ratioLine('CLI run caliskan-weat ÷ anchor', cliWeat.wall / anchor, { atMost: 2 }, over(cliWeat, anchor), cliWeat.load);
    ratioLine('CLI run caliskan-seat ÷ anchor', cliSeat.wall / anchor, { atMost: 4 }, over(cliSeat, anchor), cliSeat.load);
    ratioLine('CLI run lm-decision-basic (tiny-gpt2) ÷ anchor', cliDecision.wall / anchor, { atMost: 6 }, over(cliDecision, anchor), cliDecision.load);
    console.log(`  WEAT suite cold: anchor ÷ suite (no target): ${(anchor / weat.cold.wall).toFixed(2)}×`);
    console.log(`  SEAT suite ÷ anchor (no target): cold ${(seat.cold.wall / anchor).toFixed(2)}×, warm ${(seat.warm.wall / anchor).toFixed(2)}×`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
