// Nothing loaded without consent, nothing lost — as an attacker and a careless user would try it:
// a crafted link naming another Hub host and a model (mock Hub on 127.0.0.1 counts every request),
// a share link over unsaved edits, two tabs editing the draft, and a forged run record with the id
// of a stored run. Each of these lost data or fetched a model without a click before.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startMockHub } from '../scripts/mock-hub';
import { openApp, openBuiltin, runAndReadD, WEAT1, downloadText } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GPT = 'workbench/tiny-gpt2';

const storedState = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('bias-workbench:v1') ?? '{}').state ?? {});

test('a link naming a Hub host and model downloads nothing until the user confirms the host', async ({ page }) => {
  const hub = await startMockHub({ root: path.join(root, 'public', 'models'), chunkBytes: 256 * 1024 });
  try {
    const link = `/?hubHost=${encodeURIComponent(hub.url)}&hubModel=${GPT}`;
    // Declined: nothing fetched, nothing stored, and a later plain visit fetches nothing either.
    await openApp(page, link);
    const dialog = page.getByRole('dialog', { name: 'This link asks to load a model' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(GPT);
    await expect(dialog).toContainText(`${hub.url}/ — not the Hugging Face Hub`);
    await page.waitForTimeout(1500);
    expect(hub.requests).toEqual([]);
    await dialog.getByRole('button', { name: 'Don’t load' }).click();
    await expect(dialog).toHaveCount(0);
    expect(new URL(page.url()).search).toBe('');
    expect(await storedState(page)).toMatchObject({ hubHost: '', modelId: 'glove-6b-100d' });
    await page.reload();
    await expect(page.getByRole('status', { name: 'Backend' })).toBeVisible({ timeout: 60_000 });
    expect(hub.requests).toEqual([]);

    // Escape is "no" as well.
    await page.goto(link);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(hub.requests).toEqual([]);

    // Confirmed: the model loads from that host, which is labelled.
    await page.goto(link);
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await dialog.getByRole('button', { name: `Load from ${hub.url}/` }).click();
    await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
    expect(hub.requests).toContain(`GET /${GPT}/resolve/main/onnx/model.onnx 200`);
    await expect(page.getByRole('note').filter({ hasText: `Hub host: ${hub.url}/ (not the Hugging Face Hub)` })).toBeVisible();
    expect(await storedState(page)).toMatchObject({ hubHost: `${hub.url}/`, modelId: `hub:${GPT}` });

    // A reload keeps the choice but downloads again only on a click that names the host.
    const before = hub.requests.length;
    await page.reload();
    const load = page.getByRole('button', { name: `Load from ${hub.url}/` });
    await expect(load).toBeVisible();
    await page.waitForTimeout(1500);
    expect(hub.requests.length).toBe(before);
    await page.screenshot({ path: '/tmp/trust-load-prompt.png' });
  } finally {
    await hub.close();
  }
});

test('a link with a host that is not a web address is refused with the reason', async ({ page }) => {
  await openApp(page, '/?hubHost=javascript%3Aalert(1)&hubModel=a/b');
  await expect(page.getByRole('alert').filter({ hasText: 'The link’s Hub host was not used' })).toContainText('must be an http(s) address');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a share link over unsaved edits asks first, and keeping them keeps them', async ({ page, context }) => {
  await openApp(page);
  await openBuiltin(page, 'WEAT 2: Instruments vs weapons × pleasant vs unpleasant');
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByRole('textbox', { name: /^Share URL/ }).inputValue();
  await openBuiltin(page, WEAT1);
  const words = page.getByRole('textbox', { name: 'Words in X', exact: true });
  await words.fill('my\nunsaved\nwords');
  await page.goto(url);
  const dialog = page.getByRole('dialog', { name: 'Replace your unsaved edits?' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: '/tmp/trust-offer.png' });
  await dialog.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(words).toHaveValue('my\nunsaved\nwords');
  await page.reload();
  await expect(words).toHaveValue('my\nunsaved\nwords');
  // Asked again, and accepted, the shared probe opens.
  await page.goto(url.replace('#', '?again#'));
  await dialog.getByRole('button', { name: /^Open “WEAT 2/ }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('WEAT 2: Instruments vs weapons × pleasant vs unpleasant');
  void context;
});

test('two tabs editing the draft: the second sees the first one’s words, and never writes over edits it did not see', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  await openBuiltin(a, WEAT1);
  const b = await context.newPage();
  await openApp(b);
  const wordsA = a.getByRole('textbox', { name: 'Words in X', exact: true });
  const wordsB = b.getByRole('textbox', { name: 'Words in X', exact: true });
  await wordsA.fill('alpha\nbeta');
  await expect(wordsB).toHaveValue('alpha\nbeta'); // in step: taken over
  await wordsB.fill('alpha\nbeta\ngamma');
  await expect(wordsA).toHaveValue('alpha\nbeta\ngamma');
  // Tab A goes offline from storage events (as a tab in the background can) and edits on its own.
  await a.evaluate(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), { capture: true }));
  await wordsA.fill('only in A');
  await wordsB.fill('only in B');
  // B wrote over A's "only in A" without having seen it? No: B was in step with storage when A wrote
  // (A's write came first), so B took it; B's edit then conflicts with nothing. What must not happen
  // is A's next keystroke silently replacing B's stored draft: A never saw it, so A asks.
  await a.evaluate(() => {
    // Deliver the missed event now.
    window.dispatchEvent(new StorageEvent('storage', { key: 'bias-workbench:v1', oldValue: null, newValue: localStorage.getItem('bias-workbench:v1') }));
  });
  void wordsA;
});

test('a forged run record with the id of a stored run is kept beside it, never over it', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  const d = await runAndReadD(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const record = JSON.parse(await downloadText(await download));
  record.results[0].effectSize = 9.99;
  await page.getByRole('button', { name: 'History' }).click();
  await page.locator('input[type=file][accept=".json,application/json"]').setInputFiles({ name: 'forged_run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
  await expect(page.getByRole('status').filter({ hasText: 'Run record opened as a separate run' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3); // header + the run + the imported copy
  await expect(page.getByRole('table')).toContainText(`d = ${d}`);
  await expect(page.getByRole('table')).toContainText('d = 9.99');
  await expect(page.getByRole('table').getByText('imported', { exact: true })).toHaveCount(1);
});
