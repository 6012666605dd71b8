// A Hub model's offline copy, as the user sees it under the model picker: after the first download
// from a (mock) Hub the picker says "Available offline" with the stored size; with the Hub gone (the
// server closed, not a browser switch) the model loads again from that copy; "Remove offline copy"
// deletes it, and then a load with the Hub gone fails with a message instead of a half-loaded model.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startMockHub } from '../scripts/mock-hub';
import { openApp } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GPT = 'workbench/tiny-gpt2';

test('a Hub model is stored after its first download, loads with the Hub gone, and its copy can be removed', async ({ page }) => {
  const hub = await startMockHub({ root: path.join(root, 'public', 'models'), chunkBytes: 256 * 1024 });
  let hubOpen = true;
  try {
    const host = hub.url.endsWith('/') ? hub.url : `${hub.url}/`;
    await openApp(page, `/?hubHost=${encodeURIComponent(hub.url)}&hubModel=${GPT}`);
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByRole('dialog', { name: 'This link asks to load a model' }).getByRole('button', { name: `Load from ${host}` }).click();
    await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
    const copy = page.getByRole('status', { name: 'Offline copy' });
    await expect(copy).toContainText('Available offline');
    // Every file the Hub served is in the copy (the mock lists what it sent: one GET per file).
    const served = new Set(hub.requests.filter((r) => r.startsWith(`GET /${GPT}/resolve/`)).map((r) => r.split(' ')[1]));
    await expect(copy).toContainText(`${served.size} files`);

    // The Hub is gone: a reload asks again, and the load comes from the stored copy.
    await hub.close();
    hubOpen = false;
    await page.reload();
    await page.getByRole('button', { name: `Load from ${host}` }).click();
    await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
    await expect(copy).toContainText('Available offline');

    // Removed: the picker says so, and a load with the Hub gone now fails with a message.
    await copy.getByRole('button', { name: 'Remove offline copy' }).click();
    await expect(copy).toContainText('Not stored for offline use');
    await page.reload();
    await page.getByRole('button', { name: `Load from ${host}` }).click();
    await expect(page.getByRole('alert').filter({ hasText: /could not be reached|unreachable|offline/i }).first()).toBeVisible({ timeout: 60_000 });
  } finally {
    if (hubOpen) await hub.close();
  }
});
