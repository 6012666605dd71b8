// Bench section for issue 3: in headless Debian chromium against the production build, cold (new
// browser profile each time): page open → app painted → WEAT 1 result on screen on the embedded
// GloVe; plus the initial JS/CSS the page loads before any model, gzipped.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { fmtBytes, fmtMs, printSection } from './report';

const root = join(import.meta.dirname, '..', '..');
const port = 4185;
const WEAT1 = 'WEAT 1: Flowers vs insects × pleasant vs unpleasant';

/** JS and CSS referenced by dist/index.html (entry script, modulepreloads, stylesheets), gzipped. */
function initialAssetBytes(): { raw: number; gz: number; files: string[] } {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(root, 'dist', f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz, files };
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error('vite preview exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

async function coldRun(url: string, webgpu: boolean) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(webgpu ? ['--enable-unsafe-webgpu'] : [])],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const t0 = performance.now();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Bias Probe Workbench' }).waitFor();
    const painted = performance.now() - t0;
    await page.getByRole('button', { name: `Open ${WEAT1}`, exact: true }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Effect size d' }).first().waitFor({ timeout: 120_000 });
    const result = performance.now() - t0;
    const backend = (await page.getByRole('status', { name: 'Backend' }).textContent())?.trim() ?? '?';
    return { painted, result, backend };
  } finally {
    await browser.close();
  }
}

export async function benchPageFirstResult(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    console.log('\n(no dist/ yet: building the app with vite build)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const initial = initialAssetBytes();
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForServer(url, server);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await coldRun(url, true));
    const wasm = await coldRun(url, false);
    const sorted = [...runs].sort((a, b) => a.result - b.result);
    const median = sorted[1]!;
    printSection('Browser (headless chromium, production build, cold profile each run)', [
      { name: 'initial JS + CSS before any model, gzipped', value: fmtBytes(initial.gz), target: '≤ 250 KB', ok: initial.gz <= 250_000 },
      { name: `  (${initial.files.length} files, ${fmtBytes(initial.raw)} raw)`, value: '' },
      { name: 'page open → app painted (median of 3)', value: fmtMs(median.painted) },
      { name: 'page open → first WEAT result, WebGPU allowed (median of 3)', value: fmtMs(median.result), target: '< 2000 ms', ok: median.result < 2000 },
      { name: '  runs (ms)', value: runs.map((r) => r.result.toFixed(0)).join(' ') },
      { name: `  backend shown`, value: median.backend },
      { name: 'page open → first WEAT result, no WebGPU (WASM)', value: fmtMs(wasm.result) },
      { name: `  backend shown`, value: wasm.backend },
    ]);
  } finally {
    server.kill();
  }
}
