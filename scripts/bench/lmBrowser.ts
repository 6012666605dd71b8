// Bench section for LM probes in the browser: the production build (built to a temporary folder, so
// dist/ is left alone) in headless Debian chromium, WASM backend, the embedded tiny GPT-2. Each of
// three trials opens a fresh page, loads the model, then runs two built-ins with many scoring calls
// (counterfactual pairs and template counterfactuals) and reads the run record the page exports:
// pairs ÷ (finishedAt − startedAt), the app's own clock around the run (model already loaded). What
// it measures is the whole run path: page → scoring worker → model worker and back, per call.
// Few permutations and bootstrap resamples, so scoring and its thread crossings dominate the time.
// Beside pairs/s it prints the CPU time the browser's processes spent per pair (Run pressed → result
// shown), which other processes' load on a shared machine does not inflate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { median, printSection } from './report';
import { startPreview } from './previewServer';
import { treeCpuMs } from './processCpu';

const root = join(import.meta.dirname, '..', '..');
const port = 4182;
const MODEL = 'workbench/tiny-gpt2';
const PROBES: [id: string, title: string][] = [
  ['lm-counterfactual-basic', 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood'],
  ['lm-counterfactual-occupations', 'Occupations × gendered terms (template counterfactuals)'],
];

interface ExportedRun {
  startedAt: string;
  finishedAt: string;
  model: { backend: string };
  results: { items: unknown[] }[];
}

async function setOption(page: Page, label: string, value: string) {
  await page.getByRole('textbox', { name: label, exact: true }).fill(value);
}

interface Run {
  pairs: number;
  seconds: number;
  /** CPU time of the browser's processes from Run pressed to the result shown. */
  cpuMs: number;
  backend: string;
}

/** Run the built-in `title` on the loaded model; its pair count, the record's run time and the browser's CPU. */
async function runOnce(page: Page, title: string, browserPid: number): Promise<Run> {
  await page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
  await page.getByText('Ready to run').waitFor();
  const cpu0 = treeCpuMs(browserPid);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = page.getByRole('region', { name: `Results: ${title}`, exact: true });
  await results.getByRole('status', { name: 'Headline metric' }).first().waitFor({ timeout: 180_000 });
  const cpuMs = treeCpuMs(browserPid) - cpu0;
  const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = join(tmpdir(), `bench-lm-browser-${process.pid}.json`);
  await download.saveAs(file); // a browser reached through launchServer hands downloads over by copy
  const record = JSON.parse(readFileSync(file, 'utf8')) as ExportedRun;
  rmSync(file, { force: true });
  const pairs = record.results.reduce((n, r) => n + r.items.length, 0);
  return { pairs, seconds: (Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 1000, cpuMs, backend: record.model.backend };
}

interface Trial {
  runs: Run[];
  load: number;
}

async function trial(url: string): Promise<Trial> {
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Bias Probe Workbench' }).waitFor();
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(MODEL);
    await page.getByRole('status', { name: 'Backend' }).waitFor({ timeout: 90_000 });
    await setOption(page, 'Permutations', '1000');
    await setOption(page, 'Bootstrap resamples', '100');
    await setOption(page, 'Seed', '1');
    const load = loadavg()[0]!;
    const runs = [];
    for (const [, title] of PROBES) runs.push(await runOnce(page, title, server.process().pid!));
    return { runs, load };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchLmBrowser(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-lm-browser-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    const { url, server } = await startPreview(root, port, outDir);
    try {
      const trials: Trial[] = [];
      for (let i = 0; i < 3; i++) trials.push(await trial(url));
      const cpuPerPair = (t: Trial) => t.runs.reduce((s, r) => s + r.cpuMs, 0) / t.runs.reduce((n, r) => n + r.pairs, 0);
      const rate = (t: Trial) => t.runs.reduce((n, r) => n + r.pairs, 0) / t.runs.reduce((s, r) => s + r.seconds, 0);
      const perProbe = PROBES.map(([id], j) => ({
        name: `  ${id} (${trials[0]!.runs[j]!.pairs} pairs), pairs/s`,
        value: median(trials.map((t) => t.runs[j]!.pairs / t.runs[j]!.seconds)).toFixed(1),
        note: `runs ${trials.map((t) => t.runs[j]!.seconds.toFixed(2)).join(' ')} s`,
      }));
      printSection(`LM probes in the browser (headless chromium, production build, ${MODEL}, ${trials[0]!.runs[0]!.backend})`, [
        { name: 'pairs/s, both probes (median of 3 trials)', value: median(trials.map(rate)).toFixed(1) },
        { name: '  trials (pairs/s)', value: trials.map((t) => rate(t).toFixed(1)).join(' ') },
        { name: 'browser CPU per pair, both probes (median of 3)', value: `${median(trials.map(cpuPerPair)).toFixed(1)} ms` },
        { name: '  trials (ms per pair)', value: trials.map((t) => cpuPerPair(t).toFixed(1)).join(' ') },
        ...perProbe,
        { name: '  load average (1 min) before each trial\'s runs', value: trials.map((t) => t.load.toFixed(1)).join(' ') },
      ]);
    } finally {
      server.kill();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
