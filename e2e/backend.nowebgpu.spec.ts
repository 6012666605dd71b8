// Without --enable-unsafe-webgpu there is no WebGPU adapter: the model must fall back to WASM,
// say so, and give the same numbers as the CLI (and so as the WebGPU run).
import { expect, test } from '@playwright/test';
import { cliRun, downloadText, openApp, openBuiltin, runAndReadD, waitForModel, WEAT1 } from './helpers';

test('no WebGPU: backend WASM, same d as the CLI for caliskan-weat-1 seed 1', async ({ page }) => {
  const expected = cliRun('caliskan-weat-1', 1).results[0]!;
  await openApp(page);
  expect(await page.evaluate(async () => !('gpu' in navigator) || (await (navigator as unknown as { gpu: { requestAdapter(): Promise<unknown> } }).gpu.requestAdapter()) === null)).toBe(true);
  await openBuiltin(page, WEAT1);
  await waitForModel(page);
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM');
  await expect(page.getByRole('note').filter({ hasText: 'WebGPU not used' })).toBeVisible();
  const d = await runAndReadD(page);
  expect(d).toBe(expected.effectSize.toFixed(3));
  await expect(page.getByText(/backend WASM/)).toBeVisible();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const record = JSON.parse(await downloadText(dl));
  expect(record.model.backend).toBe('wasm');
  expect(record.model.fallbackReason).toMatch(/WebGPU|adapter/i);
  expect(record.results[0].effectSize).toBeCloseTo(expected.effectSize, 12);
  expect(record.results[0].pValue).toBe(expected.pValue);
  expect(record.results[0].ci.low).toBeCloseTo(expected.ci!.low, 12);
});
