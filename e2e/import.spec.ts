// Imports run in the import worker: a generated 50,003-row CrowS-Pairs CSV with 3 planted bad rows
// imports as exactly 50,000 pairs while the page keeps answering (an in-page timer measures the
// longest stall of the main thread, and a field typed into during the import takes the text at
// once); Cancel stops an import and leaves the editor as it was; a file over the size limit is
// refused before it is read; a 600,000-word paste is refused with its count and a 60,000-word
// paste is split off the page.
import { mkdirSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { syntheticCrowsCsv } from '../tests/fixtures/probes/syntheticCrows';
import { readStallMeter, startStallMeter } from '../scripts/bench/stallMeter';
import { openApp, lmProbeJson } from './helpers';

const tmp = path.join(os.tmpdir(), `import-e2e-${process.pid}`);
mkdirSync(tmp, { recursive: true });
const LM_BUILTIN = 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood';
const shots = process.env.IMPORT_SHOTS; // a folder: write screenshots of the import there

/** 50,003 rows, a bad one (empty sent_less) every 16,667th: 50,000 good pairs. */
const big = syntheticCrowsCsv(50_003, 16_667);
const bigCsv = path.join(tmp, 'crows-50k.csv');
writeFileSync(bigCsv, big.text);

async function openLmEditor(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: `Open ${LM_BUILTIN}`, exact: true }).click();
  await expect((await lmProbeJson(page))).toHaveValue(/"id": "lm-counterfactual-basic"/);
}

test('a 50,000-pair CrowS-Pairs CSV imports in the worker with progress while the page keeps answering', async ({ page }) => {
  expect(big.good).toBe(50_000);
  expect(big.bad.map((b) => b.line)).toEqual([17_012, 34_023, 51_032]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLmEditor(page);
  await startStallMeter(page);
  const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
  const t0 = Date.now();
  await page.getByTestId('import-lm-probe').setInputFiles(bigCsv);
  const progress = page.getByRole('status', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Importing crows-50k.csv' })).toBeVisible();
  if (shots) await page.screenshot({ path: path.join(shots, 'import-progress-1366.png') });
  // While the import runs, typing into another field takes effect at once (measured in the page:
  // the time from setting the value to React rendering it back).
  const typed = await seed.evaluate(
    (el: HTMLInputElement) =>
      new Promise<number>((resolve) => {
        const t = performance.now();
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(el, '4242');
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => (el.value === '4242' ? resolve(performance.now() - t) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
  );
  await expect(progress).toBeVisible(); // the import was still running when the field answered
  expect(typed).toBeLessThan(2000);
  await expect(seed).toHaveValue('4242');
  const alert = page.getByRole('alert').filter({ hasText: 'Imported 50,000 pairs from crows-50k.csv; 3 rows skipped' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  const wall = Date.now() - t0;
  await expect(alert).toContainText(`CSV line 17012: sent_less is empty · CSV line 34023: sent_less is empty · CSV line 51032: sent_less is empty`);
  await expect(progress).toBeHidden();
  const note = page.getByRole('note', { name: 'Large probe' });
  await expect(note).toContainText('Too large to edit here (11.6 MB of JSON)');
  await expect(page.getByText('50,000 sentence pairs, scoring causal-full')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Probe JSON' })).toHaveCount(0);
  await expect(page.getByText('Ready to run')).toBeVisible();
  const stalls = await readStallMeter(page);
  console.log(`50,000-row CrowS import: ${wall} ms wall; typing answered in ${typed.toFixed(0)} ms; longest main-thread gap ${stalls.maxGap.toFixed(0)} ms; longest long task ${stalls.longest.toFixed(0)} ms`);
  expect(stalls.maxGap).toBeLessThan(2000);
  if (shots) {
    await page.screenshot({ path: path.join(shots, 'import-done-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'import-done-390.png'), fullPage: true });
  }
  // The imported probe runs as it is: Run starts scoring it (then Cancel).
  await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('workbench/tiny-gpt2');
  await expect(page.getByRole('status', { name: 'Backend' })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  const scoring = page.getByRole('status').filter({ hasText: /^scoring [\d,]+ \/ [\d,]+$/ });
  await expect(scoring).toBeVisible({ timeout: 60_000 });
  console.log(`Run of the imported probe: ${await scoring.textContent()}`);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Run cancelled')).toBeVisible();
  // Opening a library probe brings the text editor back.
  await page.getByRole('button', { name: `Open ${LM_BUILTIN}`, exact: true }).click();
  await expect((await lmProbeJson(page))).toHaveValue(/"id": "lm-counterfactual-basic"/);
  await expect(note).toHaveCount(0);
});

test('Cancel stops an import and leaves the editor as it was; a file over the limit is refused before reading', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLmEditor(page);
  await page.getByTestId('import-lm-probe').setInputFiles(bigCsv);
  const progress = page.getByRole('status', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  if (shots) await page.screenshot({ path: path.join(shots, 'import-progress-390.png') });
  await progress.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled' })).toContainText('crows-50k.csv was not imported; the editor is unchanged.');
  await expect(progress).toBeHidden();
  await expect((await lmProbeJson(page))).toHaveValue(/"id": "lm-counterfactual-basic"/);

  const huge = path.join(tmp, 'huge.csv');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, 65_000_000); // sparse: nothing is written, and the app must not read it
  await page.getByTestId('import-lm-probe').setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('huge.csv is 65.0 MB; the limit for CrowS-Pairs CSV imports is 64 MB.');
  await expect(progress).toHaveCount(0);
});

test('a 600,000-word paste is refused with its count; 60,000 words are split off the page into the set', async ({ page }) => {
  await openApp(page);
  const box = page.getByRole('textbox', { name: 'Words in X', exact: true });
  const paste = (n: number) =>
    box.evaluate((el, count) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', Array.from({ length: count }, (_, i) => `word${i}`).join('\n'));
      el.focus();
      (el as HTMLTextAreaElement).select();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, n);
  await paste(600_000);
  await expect(page.getByRole('alert')).toContainText('The pasted text holds 600,000 words; one set takes at most 100,000 from a file or paste.');
  await paste(60_000);
  await expect(page.getByRole('status').filter({ hasText: 'Pasted 60,000 words into X' })).toBeVisible();
  await expect(page.getByText('60,000 words', { exact: true })).toBeVisible();
  await expect(page.getByText(/X \(.*\) has 60,000 words; the limit is 5,000/)).toBeVisible();
  // The editor still answers: a title typed now shows at once.
  await page.getByLabel('Title', { exact: true }).fill('After a big paste');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('After a big paste');
});

test('a large probe JSON typed or pasted into the LM editor is checked in the worker, the newest text winning', async ({ page }) => {
  await openLmEditor(page);
  const editor = (await lmProbeJson(page));
  const probe = JSON.parse(await editor.inputValue()) as { pairs: { id: string; more: string; less: string }[] } & Record<string, unknown>;
  const pairs = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, more: `The old man read book ${i}.`, less: `The young man read book ${i}.` }));
  const set = (text: string) =>
    editor.evaluate((el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  const good = JSON.stringify({ ...probe, id: 'big-draft', pairs }, null, 2);
  expect(good.length).toBeGreaterThan(256 * 1024);
  // A draft with a duplicate id, immediately replaced by the good one: only the newest is reported.
  await set(JSON.stringify({ ...probe, id: 'big-draft', pairs: [...pairs, pairs[0]] }, null, 2));
  await set(good);
  await expect(page.getByText('3,000 sentence pairs, scoring causal-full')).toBeVisible();
  await expect(page.getByText('Ready to run')).toBeVisible();
  await expect(page.getByText(/duplicate id/)).toHaveCount(0);
  await set(JSON.stringify({ ...probe, id: 'big-draft', pairs: [...pairs, pairs[0]] }, null, 2));
  await expect(page.getByText('pairs.3000.id')).toBeVisible();
  await expect(page.getByText(/1 problem to fix before running/)).toBeVisible();
});
