// Bench section for imports: the CrowS-Pairs CSV parser in Node at 2,000 / 8,000 / 50,000 rows, and
// in headless chromium against the production build, a 50,000-row CrowS-Pairs CSV imported through
// the LM editor: wall time from choosing the file to the result notice, and the longest stall of
// the page's main thread meanwhile (the import runs in a worker; what is left on the page is
// receiving the probe and rendering). Reported, not asserted. The CSV is generated (see
// tests/fixtures/probes/syntheticCrows.ts); nothing of the CrowS-Pairs data is used.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { importCrowsPairsCsv } from '../../src/probes/import/crowsPairs';
import { syntheticCrowsCsv } from '../../tests/fixtures/probes/syntheticCrows';
import { fmtMs, median, medianMs, printSection, type Figure } from './report';
import { readStallMeter, startStallMeter } from './stallMeter';

const root = join(import.meta.dirname, '..', '..');
const port = Number(process.env.BENCH_IMPORT_PORT ?? 4186);
const LM_BUILTIN = 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood';

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

async function importInPage(url: string, csv: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(url);
    await page.getByRole('button', { name: `Open ${LM_BUILTIN}`, exact: true }).click();
    await page.getByRole('textbox', { name: 'Probe JSON' }).waitFor();
    await startStallMeter(page);
    const load = loadavg()[0]!;
    const t0 = performance.now();
    await page.getByTestId('import-lm-probe').setInputFiles(csv);
    await page.getByText(/^Imported 50,000 pairs from|^CrowS-Pairs CSV imported/).waitFor({ timeout: 120_000 });
    const wall = performance.now() - t0;
    return { wall, load, ...(await readStallMeter(page)) };
  } finally {
    await browser.close();
  }
}

export async function benchImportPage(): Promise<void> {
  const figures: Figure[] = [];
  for (const rows of [2_000, 8_000, 50_000]) {
    const { text } = syntheticCrowsCsv(rows, 1000);
    const t = await medianMs(3, () => importCrowsPairsCsv(text, { id: 'bench' }));
    figures.push({ name: `CrowS-Pairs CSV parse + validate, ${rows.toLocaleString('en-US')} rows (Node, median of 3)`, value: fmtMs(t.median), note: `${(text.length / 1e6).toFixed(1)} MB` });
  }
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    console.log('\n(no dist/ yet: building the app with vite build)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const csv = join(dir, 'crows-50k.csv');
  writeFileSync(csv, syntheticCrowsCsv(50_000).text);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForServer(url);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await importInPage(url, csv));
    figures.push(
      { name: '50,000-row CrowS-Pairs CSV import in the LM editor (chromium, median of 3)', value: fmtMs(median(runs.map((r) => r.wall))), note: 'file chosen → result notice' },
      { name: '  longest main-thread task meanwhile (longtask, max of 3)', value: fmtMs(Math.max(...runs.map((r) => r.longest))) },
      { name: '  longest gap of a 16 ms page timer meanwhile (max of 3)', value: fmtMs(Math.max(...runs.map((r) => r.maxGap))) },
      { name: '  runs: wall / longest task / longest gap (ms)', value: runs.map((r) => `${r.wall.toFixed(0)}/${r.longest.toFixed(0)}/${r.maxGap.toFixed(0)}`).join(' ') },
      { name: '  load average (1 min) at each start', value: runs.map((r) => r.load.toFixed(1)).join(' ') },
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  printSection('Imports (CrowS-Pairs CSV parser in Node; a 50,000-row import in headless chromium)', figures);
}
