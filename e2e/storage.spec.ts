// When the browser will not keep run history: IndexedDB blocked outright (indexedDB.open throws
// SecurityError, as in private modes and managed browsers) and storage full (every put/add throws
// QuotaExceededError). The run must still finish, show the CLI's effect size and export a CSV with
// the CLI's numbers, and the page must say plainly what is and is not kept. And when storage
// works: persistence is asked for once, after the first run rather than on load, and History
// shows how much storage is used.
import { expect, test, type Page } from '@playwright/test';
import { cliRun, downloadText, openApp, openBuiltin, parseCsv, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

async function runWeat1(page: Page) {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Seed', '1');
  await waitForModel(page);
  return runAndReadD(page);
}

async function exportCsvRow(page: Page): Promise<Record<string, string>> {
  const results = page.getByRole('region', { name: /^Results:/ });
  const [dl] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
  const rows = parseCsv(await downloadText(dl));
  return Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]!]));
}

test('IndexedDB blocked: the run shows the CLI d, exports its numbers, and "History is off" is said on the workbench and in History', async ({ page }) => {
  const expected = cliRun('caliskan-weat-1', 1).results[0]!;
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const d = await runWeat1(page);
  expect(d).toBe(expected.effectSize.toFixed(3));

  const banner = page.getByRole('status').filter({ hasText: 'History is off in this browser' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('refused access to IndexedDB');
  await expect(banner).toContainText('nothing is kept after the tab closes');

  const row = await exportCsvRow(page);
  expect(row.probe_id).toBe('caliskan-weat-1');
  expect(row.seed).toBe('1');
  expect(Number(row.effect_size)).toBeCloseTo(expected.effectSize, 6);
  expect(Number(row.p_value)).toBeCloseTo(expected.pValue, 9);

  // History lists the run from this tab's memory, and says why nothing is kept.
  await page.getByRole('button', { name: 'History' }).click();
  const note = page.getByRole('status').filter({ hasText: 'History is off in this browser' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('CSV and JSON export');
  await expect(page.getByText('Kept in this tab only.')).toBeVisible();
  const listed = page.getByRole('row', { name: new RegExp(WEAT1.replace(/[()×]/g, '.')) });
  await expect(listed).toContainText(`d = ${d}`);
  await listed.getByRole('button', { name: /^Open run/ }).click();
  await expect(page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Headline metric' })).toHaveText(d);
});

test('storage full: the run is shown and kept for the tab, and the page says storage is full', async ({ page }) => {
  const expected = cliRun('caliskan-weat-1', 1).results[0]!;
  await page.addInitScript(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  const d = await runWeat1(page);
  expect(d).toBe(expected.effectSize.toFixed(3));
  const banner = page.getByRole('status').filter({ hasText: 'Browser storage is full' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('this run is kept until you close the tab. Export it, or delete old runs in History.');

  const row = await exportCsvRow(page);
  expect(Number(row.effect_size)).toBeCloseTo(expected.effectSize, 6);

  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Browser storage is full' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(WEAT1.replace(/[()×]/g, '.')) })).toContainText(`d = ${d}`);
});

test('storage works: persistence is asked for once, after the first run (not on load), and History shows the usage', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { persistCalls: number };
    w.persistCalls = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      w.persistCalls++;
      return persist();
    };
  });
  const calls = () => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Permutations', '1000');
  await waitForModel(page);
  expect(await calls()).toBe(0);
  await runAndReadD(page);
  await expect.poll(calls).toBe(1);
  await page.getByRole('region', { name: /^Results:/ }).getByRole('button', { name: 'Re-run' }).click();
  await expect(page.getByText(/^Reproduced:/)).toBeVisible();
  expect(await calls()).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: /History is off|storage is full/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByText(/^Using [\d.]+ (bytes|kB|MB) of [\d.]+ (MB|GB|TB); (storage is persistent|may be cleared by the browser when space is low)\.$/)).toBeVisible();
});
