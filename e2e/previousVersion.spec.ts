// What the previous version of the app left in a browser still opens, with its numbers: its
// IndexedDB history (a WEAT suite and an LM suite run in that version's built app, format
// bias-workbench-run@1, captured in tests/fixtures/previous-version), its persisted drafts and
// options, a run record it exported, and its share links. The expected numbers are the ones the old
// version stored, read from the fixture, never from the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, lmProbeJson } from './helpers';
import { cliHeadline, root } from './lmRun';

const fixtures = path.join(root, 'tests/fixtures/previous-version');
interface StoredRun {
  runId: string;
  probeId: string;
  title: string;
  results: Record<string, unknown>[];
  [k: string]: unknown;
}
const history = JSON.parse(readFileSync(path.join(fixtures, 'history.json'), 'utf8')) as { runs: StoredRun[]; probes: unknown[] };
const shareLinks = JSON.parse(readFileSync(path.join(fixtures, 'share-links.json'), 'utf8')) as { id: string; fragment: string }[];
const weatRun = history.runs.find((r) => r.probeId === 'caliskan-weat')!;
const lmRun = history.runs.find((r) => r.probeId === 'lm-causal')!;

/** Put the old version's runs into the history database the app has opened. */
async function seedHistory(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('button', { name: 'Open run record…' })).toBeVisible();
  await page.evaluate(
    (runs) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('bias-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('runs', 'readwrite');
          for (const r of runs) tx.objectStore('runs').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    history.runs,
  );
  await page.reload();
  await page.getByRole('button', { name: 'History' }).click();
}

const results = (page: Page) => page.getByRole('region', { name: /^Results:/ });

async function expectWeatSuite(page: Page) {
  const ds = results(page).getByRole('status', { name: 'Headline metric' });
  await expect(ds).toHaveCount(weatRun.results.length);
  for (const [i, r] of weatRun.results.entries()) {
    await expect(ds.nth(i)).toHaveText((r.effectSize as number).toFixed(3));
    expect(Number(await ds.nth(i).getAttribute('data-value'))).toBe(r.effectSize);
  }
}

async function expectLmSuite(page: Page) {
  const headlines = results(page).getByRole('status', { name: 'Headline metric' });
  await expect(headlines).toHaveCount(lmRun.results.length);
  for (const [i, r] of lmRun.results.entries()) {
    const expected = cliHeadline(r).value!;
    expect(Math.abs(Number(await headlines.nth(i).getAttribute('data-value')) - expected)).toBeLessThan(1e-9);
  }
}

test('the previous version’s history opens: every stored number is shown as it was stored', async ({ page }) => {
  await seedHistory(page);
  await page.getByRole('row', { name: /all ten WEATs/ }).getByRole('button', { name: /^Open run/ }).click();
  await expectWeatSuite(page);
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('row', { name: /Language-model probes for a causal LM/ }).getByRole('button', { name: /^Open run/ }).click();
  await expectLmSuite(page);
});

test('a run record the previous version exported opens from a file with its numbers', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'History' }).click();
  // An export is the stored run without the history's display fields.
  const { probeId: _p, title: _t, modality: _m, ...exported } = lmRun;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open run record…' }).click()]);
  await chooser.setFiles({ name: 'old-run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported, null, 2)) });
  await expect(page.getByRole('status').filter({ hasText: 'Run record opened' })).toBeVisible();
  await page.getByRole('row', { name: /imported/ }).getByRole('button', { name: /^Open run/ }).click();
  await expectLmSuite(page);
});

test('the previous version’s persisted choices are kept: model, device and seed', async ({ page }) => {
  const stored = readFileSync(path.join(fixtures, 'localStorage.json'), 'utf8');
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(JSON.parse(entries) as Record<string, string>)) localStorage.setItem(k, v);
  }, stored);
  await openApp(page);
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('workbench/tiny-gpt2');
  await expect(page.getByRole('combobox', { name: 'Device' })).toHaveValue('wasm');
  await expect(page.getByRole('textbox', { name: 'Seed', exact: true })).toHaveValue('7');
});

for (const { id, fragment } of shareLinks) {
  test(`the previous version’s share link of ${id} opens the probe in the editor`, async ({ page }) => {
    await page.goto(`/${fragment}`);
    await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeVisible();
    // Language-model probes open in the JSON editor, word-vector probes in the set editor.
    if (id.startsWith('lm-')) {
      const json = (await lmProbeJson(page));
      await expect(json).toBeVisible();
      expect((JSON.parse(await json.inputValue()) as { id: string }).id).toBe(id);
    } else await expect(page.getByLabel('Probe id')).toHaveValue(id);
  });
}
