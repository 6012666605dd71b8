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
  await page.getByTestId('import-lm-probe').setInputFiles(FILE);
  await expect(page.getByText('Pronoun-resolution file imported')).toBeVisible();
  const headline = await runAndReadHeadline(page);
  expect(headline.value).toBeCloseTo(cli.gap.gap * 100, 9);
  expect(Number(headline.p)).toBeCloseTo(cli.gap.p, 4);
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByRole('figure', { name: 'Accuracy by condition' })).toBeVisible();
  await page.screenshot({ path: '/work/helpers/shots/hi2-winobias-1366.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: '/work/helpers/shots/hi2-winobias-1024.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/work/helpers/shots/hi2-winobias-390.png', fullPage: true });
});
