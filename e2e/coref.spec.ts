// A WinoBias file imported into the LM editor runs in the page on the tiny GPT-2 and shows the
// CLI's number for the same file (the one detector and reader, the same core): the pro − anti
// accuracy gap and its McNemar p, with the accuracy chart, at the three widths.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cliLmRun, root, runAndReadHeadline, setupLm } from './lmRun';

const FILE = path.join(root, 'tests/fixtures/winobias/winobias_type1_dev_pro_anti.txt');

test('a WinoBias file: the page shows the CLI’s accuracy gap and p', async ({ page }) => {
  const cli = cliLmRun(FILE).results[0] as { gap: { gap: number; p: number } };
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupLm(page);
  // The LM editor (and its import button) shows once an LM probe is open: the built-in Winogender.
  await page.getByRole('button', { name: 'Open Winogender schemas: pronoun resolution by likelihood (720 sentences)', exact: true }).click();
  await page.getByTestId('import-lm-probe').setInputFiles(FILE);
  await expect(page.getByText('Pronoun-resolution file imported')).toBeVisible();
  const headline = await runAndReadHeadline(page);
  expect(headline.value).toBeCloseTo(cli.gap.gap * 100, 9);
  expect(Number(headline.p)).toBeCloseTo(cli.gap.p, 4);
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByRole('figure', { name: 'Accuracy by condition' })).toBeVisible();
  for (const [w, h] of [[1366, 768], [1024, 768], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await results.screenshot({ path: `/tmp/e2e-shots/hi2-winobias-${w}.png` });
  }
});
