// A RIPA built-in runs in the page on the embedded GloVe and shows the CLI's number (same core, same
// asset, same seed): the headline, its p and the per-set RIPA, at a desktop and a phone width.
import { expect, test } from '@playwright/test';
import { cliRunText, openApp, setOption, waitForModel } from './helpers';
import { runAndReadHeadline } from './lmRun';

const TITLE = 'RIPA: career vs family words along male − female';

test('ripa-gender-career-family, seed 1: the RIPA difference and p shown equal the CLI’s', async ({ page }) => {
  const cli = (JSON.parse(cliRunText('ripa-gender-career-family', 1)) as { results: { difference: number; pValue: number; setMeans: { X: number; Y: number } }[] }).results[0]!;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await waitForModel(page);
  await setOption(page, 'Seed', '1');
  await page.getByRole('button', { name: `Open ${TITLE}`, exact: true }).click();
  const headline = await runAndReadHeadline(page);
  expect(headline.value).toBe(cli.difference);
  expect(headline.shown).toBe(cli.difference.toFixed(3));
  expect(headline.p).toContain(cli.pValue.toFixed(4));
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByText(`RIPA of career words ${cli.setMeans.X.toFixed(3)}, of family words ${cli.setMeans.Y.toFixed(3)}`)).toBeVisible();
  await page.screenshot({ path: '/tmp/e2e-shots/hr-ripa-1366.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/e2e-shots/hr-ripa-390.png', fullPage: true });
});
