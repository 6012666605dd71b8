// The hosted, offline page end to end. The production build (the same `vite build` as every other
// browser test) is served from a sub-path by a plain static server that sends no COOP/COEP and no
// Content-Security-Policy (scripts/server/plainStaticServer.ts). In Chromium:
//  1. first visit: the service worker installs, the page says it will reload to enable
//     multi-threading, reloads by itself, and is then crossOriginIsolated;
//  2. a WEAT run shows the CLI's d;
//  3. a new build of the service worker is found: "Reload to update" switches to it;
//  4. the server is STOPPED (connection refused, not a browser offline switch); a reload still
//     shows the app, WEAT gives the same d again, and the embedded GPT (never loaded before, so
//     every file of it comes from the precache) loads on WASM with more than one thread (ONNX
//     Runtime's pthread workers, named 'em-pthread', seen as browser targets) and a counterfactual
//     run shows the CLI's headline;
// with no CSP violation and no console error from start to end. It serves a copy of dist/ so that
// step 3 can change the worker file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPlainStaticServer, type PlainStaticServer } from '../scripts/server/plainStaticServer';
import { cliRun, openBuiltin, runAndReadD, setOption, WEAT1 } from './helpers';
import { GPT, cliHeadline, cliLmRun, expectSame, root, runAndReadHeadline } from './lmRun';

const PORT = Number(process.env.E2E_HOSTED_PORT ?? 4192);
const SUB_PATH = '/bias-workbench/';
const COUNTERFACTUAL = 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood';
const SHOTS = process.env.HOSTED_SHOTS_DIR;

test.use({ serviceWorkers: 'allow' });

let site: string;
let server: PlainStaticServer | null = null;
let weatD: string;
let gptHeadline: ReturnType<typeof cliHeadline>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The CLI's numbers for the same probes, seed and options: what both runs must show.
  weatD = cliRun('caliskan-weat-1', 1).results[0]!.effectSize.toFixed(3);
  gptHeadline = cliHeadline(cliLmRun('lm-counterfactual-basic').results[0]!);
  site = mkdtempSync(path.join(tmpdir(), 'hosted-'));
  cpSync(path.join(root, 'dist'), site, { recursive: true });
  server = await startPlainStaticServer(site, SUB_PATH, PORT);
});
test.afterAll(async () => {
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [w, h] of [[1366, 768], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(SHOTS, `hd-${name}-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/**
 * ONNX Runtime's WASM threads beyond the first: Emscripten's pthread workers, which it names
 * 'em-pthread' (transformers.js starts them from a blob URL of ORT's wasm glue, so the URL says nothing).
 */
async function ortPthreads(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'worker' && t.title === 'em-pthread').length;
}

test('served from a sub-path by a plain static server: isolated after one reload, then offline with the server stopped', async ({ page }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.exposeFunction('reportCspViolation', (v: string) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      void (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  const url = server!.url;
  const headers = (await fetch(url)).headers;
  expect(headers.get('cross-origin-embedder-policy')).toBeNull();
  expect(headers.get('content-security-policy')).toBeNull();

  // 1. The one-time reload, said on screen first.
  await page.goto(url);
  const notice = page.getByRole('status', { name: 'Multi-threading' });
  await expect(notice).toContainText('to enable multi-threading', { timeout: 60_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await shot(page, 'reloading-for-threads');
  await page.waitForEvent('framenavigated', { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(notice).toHaveCount(0);

  // 2. A result online.
  await openBuiltin(page, WEAT1);
  expect(await runAndReadD(page)).toBe(weatD);

  // 3. A new build of the worker installs in the background and waits for "Reload to update".
  const swFile = path.join(site, 'sw.js');
  writeFileSync(swFile, `${readFileSync(swFile, 'utf8')}\n// next build\n`);
  await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
  const update = page.getByRole('status', { name: 'Update' });
  await expect(update).toBeVisible({ timeout: 30_000 });
  await shot(page, 'reload-to-update');
  await Promise.all([page.waitForEvent('framenavigated'), update.getByRole('button', { name: 'Reload to update' }).click()]);
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeVisible();
  await expect(update).toHaveCount(0);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // 4. The server is gone: the page, both models and both results come from the worker's cache.
  await server!.close();
  server = null;
  await expect(fetch(url)).rejects.toThrow();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status', { name: 'Backend' })).toBeVisible({ timeout: 60_000 });
  await openBuiltin(page, WEAT1);
  expect(await runAndReadD(page)).toBe(weatD);
  await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(GPT);
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
  await setOption(page, 'Permutations', '2000');
  await setOption(page, 'Bootstrap resamples', '200');
  await setOption(page, 'Seed', '1');
  await page.getByRole('button', { name: `Open ${COUNTERFACTUAL}`, exact: true }).click();
  expectSame(await runAndReadHeadline(page), gptHeadline);
  expect(await ortPthreads(page), 'ORT WASM threads beyond the first').toBeGreaterThanOrEqual(1);

  expect(problems).toEqual([]);
});
