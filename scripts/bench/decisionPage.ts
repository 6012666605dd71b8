// Bench section `decision-page` (in the group `speed`): the decision-template probe in the page
// against the same probe in the CLI, both on the embedded tiny GPT-2 with the default options and
// seed 1, each from a fresh start: the CLI as a fresh `node bin/bias-workbench.mjs run` (process
// start, model load, run), the page as the production build in headless Debian chromium, from
// choosing the model (its load) through pressing Run to the headline shown. The page runs on WASM,
// ONNX Runtime Web's CPU engine (the CLI runs the same graph on its own CPU engine). Median of
// TRIALS fresh browsers and CLI processes, alternated so load on the shared machine falls on both;
// the browser's CPU time is printed beside its wall time. The CLI also runs the probe on the page's
// engine (--device wasm), so the figures say how much of the gap is the engine and how much the page.
// The page's times are taken in the page (pageClock.ts: from the model chosen / Run pressed to the
// backend / headline shown), not when Playwright's polling wait returns, which trails by up to 0.5 s;
// that lag is printed beside them.
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { fmtMs, median, printSection, ratioLine } from './report';
import { startPreview } from './previewServer';
import { readPageClock, startPageClock } from './pageClock';
import { treeCpuMs } from './processCpu';

const root = join(import.meta.dirname, '..', '..');
const port = 4183;
const PROBE = 'lm-decision-basic';
const TITLE = 'Decision questions × age, gender and race (discrim-eval style)';
const MODEL = 'workbench/tiny-gpt2';
const TRIALS = 3;
const TARGET = 1.5;

interface PageRun {
  loadMs: number;
  runMs: number;
  cpuMs: number;
  /** How much later Playwright's waits saw the load and the headline than the page showed them (ms). */
  waitLagMs: number;
}

/** One fresh browser: choose the model on WASM, open the probe, run it; wall times of the load and of the run, and the browser's CPU for both. */
async function pageOnce(url: string): Promise<PageRun> {
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Bias Probe Workbench' }).waitFor();
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('1');
    await startPageClock(page, [
      { action: 'chosen', event: 'change', value: MODEL, answer: 'loaded', selector: 'output[aria-label="Backend"]' },
      { action: 'run', event: 'click', value: 'Run', answer: 'headline', selector: 'output[aria-label="Headline metric"]' },
    ]);
    const pid = server.process().pid!;
    const cpu0 = treeCpuMs(pid);
    await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(MODEL);
    await page.getByRole('status', { name: 'Backend' }).waitFor({ timeout: 120_000 });
    const loadSeen = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: `Open ${TITLE}`, exact: true }).click();
    await page.getByText('Ready to run').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByRole('region', { name: `Results: ${TITLE}`, exact: true });
    await results.getByRole('status', { name: 'Headline metric' }).first().waitFor({ timeout: 300_000 });
    const headlineSeen = await page.evaluate(() => performance.now());
    const cpuMs = treeCpuMs(pid) - cpu0;
    const m = await readPageClock(page);
    if (m.chosen === undefined || m.loaded === undefined || m.run === undefined || m.headline === undefined) throw new Error(`the page clock missed a step: ${JSON.stringify(m)}`);
    return { loadMs: m.loaded - m.chosen, runMs: m.headline - m.run, cpuMs, waitLagMs: loadSeen - m.loaded + (headlineSeen - m.headline) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One fresh CLI process running the probe on `device` (node: onnxruntime-node; wasm: the page's engine); wall and CPU ms (GNU time). */
function cliOnce(scratch: string, device: 'node' | 'wasm'): { wall: number; cpu: number } {
  const timeFile = join(scratch, 'time.txt');
  const t0 = performance.now();
  const args = ['run', PROBE, '--model', MODEL, '--seed', '1', '--device', device, '--out', join(scratch, 'out.json')];
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`the CLI failed: ${r.stderr.toString().slice(-1000)}`);
  const [user, sys] = execFileSync('tail', ['-1', timeFile], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { wall, cpu: (user! + sys!) * 1000 };
}

export async function benchDecisionPage(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-decision-page-'));
  const scratch = mkdtempSync(join(tmpdir(), 'bench-decision-cli-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    const { url, server } = await startPreview(root, port, outDir);
    try {
      const pages: PageRun[] = [];
      const clis: { wall: number; cpu: number }[] = [];
      const clisOnWasm: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < TRIALS; i++) {
        clis.push(cliOnce(scratch, 'node'));
        pages.push(await pageOnce(url));
        clisOnWasm.push(cliOnce(scratch, 'wasm'));
      }
      const load = loadavg()[0]!;
      const page = median(pages.map((p) => p.loadMs + p.runMs));
      const cli = median(clis.map((c) => c.wall));
      const cliOnWasm = median(clisOnWasm.map((c) => c.wall));
      printSection(`Decision-template probe (${PROBE}, ${MODEL}, defaults, seed 1): page vs CLI, fresh starts, median of ${TRIALS}`, [
        { name: 'CLI end to end (fresh process)', value: fmtMs(cli), note: `CPU ${fmtMs(median(clis.map((c) => c.cpu)))}; runs ${clis.map((c) => c.wall.toFixed(0)).join(' ')} ms` },
        {
          name: 'page: model load + run (WASM, Run pressed → headline)',
          value: fmtMs(page),
          note: `browser CPU ${fmtMs(median(pages.map((p) => p.cpuMs)))}; Playwright's waits saw it ${pages.map((p) => p.waitLagMs.toFixed(0)).join(' ')} ms later`,
        },
        { name: '  of which the model load', value: fmtMs(median(pages.map((p) => p.loadMs))), note: `runs ${pages.map((p) => p.loadMs.toFixed(0)).join(' ')} ms` },
        { name: '  of which the run', value: fmtMs(median(pages.map((p) => p.runMs))), note: `runs ${pages.map((p) => p.runMs.toFixed(0)).join(' ')} ms` },
        { name: 'CLI end to end on the page’s engine (--device wasm: 1 thread, the page 2)', value: fmtMs(cliOnWasm), note: `CPU ${fmtMs(median(clisOnWasm.map((c) => c.cpu)))}; runs ${clisOnWasm.map((c) => c.wall.toFixed(0)).join(' ')} ms` },
      ]);
      ratioLine(`page ÷ CLI, ${PROBE} (load + run, fresh starts)`, page / cli, { atMost: TARGET }, `${fmtMs(page)} / ${fmtMs(cli)}`, load);
      // Where the gap is: the page against the CLI on the same engine (what the page adds), and the
      // engines against each other (ORT-web's WASM build vs onnxruntime-node's native CPU build).
      console.log(`  page ÷ CLI on the same engine (WASM, the CLI on 1 thread; no target): ${(page / cliOnWasm).toFixed(2)}×; CLI on WASM ÷ CLI on onnxruntime-node: ${(cliOnWasm / cli).toFixed(2)}×`);
    } finally {
      server.kill();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
