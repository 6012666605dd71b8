// Fault suite, in the browser: what only a page can show — a reload in the middle of a run, two
// tabs on one history, a run cancelled and run again, and a Hub download cut off mid-way. Each case
// asserts what the user is left with: the draft, the history (nothing half-saved, nothing lost), the
// numbers of the run that did finish (the CLI's, same seed), and the browser's caches (no cut file
// kept, whichever cache the page has: transformers.js's or a service worker's).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startMockHub } from '../scripts/mock-hub';
import { cliRun, openApp, openBuiltin, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GPT = 'workbench/tiny-gpt2';

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const cancelButton = (page: Page) => page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Cancel' });
/** Open History and expect it to list `count` runs (one "Open run … from …" button per row; read from IndexedDB, so polled). */
async function expectHistoryRuns(page: Page, count: number) {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Open run .+ from / })).toHaveCount(count);
}
/** Back to the workbench from History. */
const toWorkbench = (page: Page) => page.getByRole('button', { name: 'Workbench', exact: true }).click();
/** The d the CLI prints for WEAT 1 on GloVe, as the card shows it (three decimals). */
const cliD = () => cliRun('caliskan-weat-1', 1, ['--permutations', '2000', '--bootstrap', '100']).results[0]!.effectSize.toFixed(3);

/** A long run: the most permutations the form takes. */
async function startLongRun(page: Page) {
  await setOption(page, 'Permutations', '10000000');
  await runButton(page).click();
  await expect(cancelButton(page)).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Run' }).getByRole('status').first()).toBeVisible();
}
async function quickOptions(page: Page) {
  await setOption(page, 'Permutations', '2000');
  await setOption(page, 'Bootstrap resamples', '100');
  await setOption(page, 'Seed', '1');
}

test.describe('fault suite', () => {
  // One page for the cases that need no second tab (each app start costs a GloVe load).
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  test.beforeAll(async ({ browser }: { browser: Browser }, info) => {
    page = await browser.newPage({ baseURL: info.project.use.baseURL });
    await openApp(page);
    await openBuiltin(page, WEAT1);
    await waitForModel(page);
  });
  test.afterAll(async () => {
    await page?.close();
  });

  test('run records · interrupted · a reload in the middle of a run → the draft kept, no half-saved run; the next run is saved once', async () => {
    await page.getByLabel('Title', { exact: true }).fill('Kept across a reload');
    await startLongRun(page);
    await page.reload();
    await waitForModel(page);
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Kept across a reload');
    await expect(cancelButton(page)).toBeDisabled();
    await expectHistoryRuns(page, 0);
    await toWorkbench(page);
    await quickOptions(page);
    expect(await runAndReadD(page)).toBe(cliD());
    await expectHistoryRuns(page, 1);
    await toWorkbench(page);
  });

  test('run records · interrupted · a run cancelled, then run again → "Nothing was saved", then the CLI’s d and one more run in History (the reload case left one)', async () => {
    await startLongRun(page);
    await cancelButton(page).click();
    await expect(page.getByRole('status').filter({ hasText: 'Run cancelled' })).toContainText('The computation was stopped. Nothing was saved.');
    await expectHistoryRuns(page, 1);
    await toWorkbench(page);
    await quickOptions(page);
    expect(await runAndReadD(page)).toBe(cliD());
    await expectHistoryRuns(page, 2);
    await toWorkbench(page);
  });

  test('run records · concurrent · two tabs: a run finished in one is listed in the other, a delete in one is gone from both, the draft follows', async ({ context }) => {
    const a = await context.newPage();
    await openApp(a);
    await openBuiltin(a, WEAT1);
    const b = await context.newPage();
    await openApp(b);
    await a.getByLabel('Title', { exact: true }).fill('Edited in tab A');
    await expect(b.getByLabel('Title', { exact: true })).toHaveValue('Edited in tab A');
    await waitForModel(a);
    await quickOptions(a);
    expect(await runAndReadD(a)).toBe(cliD());
    await expectHistoryRuns(b, 1);
    await b.getByRole('button', { name: /^Delete run / }).click();
    await expect(b.getByRole('button', { name: /^Open run .+ from / })).toHaveCount(0);
    await expectHistoryRuns(a, 0);
  });

  test('Hub responses · interrupted · a Hub download cut off mid-way in the browser → "cut off", no cache holds a cut file; Retry loads the model', async () => {
    const hub = await startMockHub({ root: path.join(root, 'public', 'models'), chunkBytes: 256 * 1024, faults: [{ match: /^cdn:.*\.onnx$/, fault: { kind: 'cut', afterBytes: 1_000_000 }, times: 1 }] });
    try {
      const host = hub.url;
      await openApp(page, `/?hubHost=${encodeURIComponent(host)}&hubModel=${GPT}`);
      await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
      await page.getByRole('dialog', { name: 'This link asks to load a model' }).getByRole('button', { name: `Load from ${host}` }).click();
      const failed = page.getByRole('alert').filter({ hasText: 'Model failed to load' });
      await expect(failed).toContainText(/The download of onnx\/model[\w_]*\.onnx of workbench\/tiny-gpt2 from .* was cut off before its end/, { timeout: 60_000 });
      expect(hub.faults[0]!.times).toBe(0); // the cut happened
      /** Every cached response of every cache the page has, with its body length. */
      const cached = () =>
        page.evaluate(async () => {
          const out: { cache: string; url: string; bytes: number }[] = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const req of await cache.keys()) out.push({ cache: name, url: req.url, bytes: (await (await cache.match(req))!.arrayBuffer()).byteLength });
          }
          return out;
        });
      const sizes = await page.request.get(`${host}api/models/${GPT}/revision/main?blobs=true`).then(async (r) => {
        const body = (await r.json()) as { siblings: { rfilename: string; size: number }[] };
        return new Map(body.siblings.map((s) => [s.rfilename, s.size]));
      });
      const sizeOf = (url: string) => sizes.get(url.split('/resolve/main/')[1] ?? '');
      const wrong = (await cached()).filter((c) => c.url.includes(`/${GPT}/`) && sizeOf(c.url) !== undefined && c.bytes !== sizeOf(c.url));
      expect(wrong).toEqual([]);
      expect((await cached()).filter((c) => /\.onnx$/.test(c.url))).toEqual([]);

      await failed.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
      const after = await cached();
      expect(after.filter((c) => c.url.includes(`/${GPT}/`) && sizeOf(c.url) !== undefined && c.bytes !== sizeOf(c.url))).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});
