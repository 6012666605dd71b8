// A SEAT test file of sent-bias (.jsonl) chosen with “Import probe or word sets…”: it opens in the
// editor as a SEAT probe whose stimuli are the file's examples as written, and the d the page shows
// for it equals the CLI's d for the same file (one reader, one run path).
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cliRun, openApp, openBuiltin, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

const file = path.join(import.meta.dirname, '..', 'tests/probes/import/fixtures/seat-own.jsonl');
const shots = process.env.SEAT_SHOTS; // a folder: write screenshots of the import there

test('a sent-bias SEAT test file imports as a SEAT probe and gives the CLI d', async ({ page }) => {
  const expected = cliRun(file, 1).results[0]!;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await openBuiltin(page, WEAT1); // the editor is ready (its stored draft restored) before the import
  await setOption(page, 'Seed', '1');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import probe or word sets…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByRole('combobox', { name: 'Test family' })).toHaveValue('seat');
  await expect(page.getByRole('textbox', { name: 'Words in X', exact: true })).toHaveValue('The tulip is here.\nThe rose is there.\nThe daisy is here.\nThe lily is there.\nThis is a daisy.');
  await expect(page.getByRole('textbox', { name: 'Words in B', exact: true })).toHaveValue('This is awful.\nThat is horrible.\nIt is cruel.\nThis is nasty.');
  if (shots) {
    for (const [w, h] of [[1366, 768], [1024, 768], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByRole('combobox', { name: 'Test family' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `hp-seat-import-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  await waitForModel(page);
  expect(await runAndReadD(page)).toBe(expected.effectSize.toFixed(3));
  if (shots) await page.screenshot({ path: path.join(shots, 'hp-seat-result-1366x768.png') });
});
