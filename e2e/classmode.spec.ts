// Class mode: run the ten Caliskan WEATs offline on the embedded GloVe, present one test at a time
// with keyboard navigation, and end on the forest plot of the batch.
import { expect, test } from '@playwright/test';
import { cliRun, openApp, waitForModel } from './helpers';

test('run the suite offline, present it, navigate with the arrow keys', async ({ page, context }) => {
  const cli = cliRun('caliskan-weat', 1);
  await openApp(page);
  await waitForModel(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Run suite Caliskan et al. (2017): all ten WEATs' }).click();
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByRole('status', { name: 'Headline metric' })).toHaveCount(10, { timeout: 120_000 });
  const shown = await results.getByRole('status', { name: 'Headline metric' }).allTextContents();
  expect(shown).toEqual(cli.results.map((r) => r.effectSize.toFixed(3)));
  await expect(results.getByRole('figure', { name: 'Forest plot of effect sizes' })).toBeVisible();
  await expect(results.getByRole('figure', { name: 'Forest plot of effect sizes' })).toContainText(/significant at α = 0.05 after Holm/);

  await results.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByText('Test 1 of 10')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('WEAT 1');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Test 2 of 10')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('WEAT 2');
  await expect(page.getByRole('status', { name: 'Effect size d' })).toHaveText(cli.results[1]!.effectSize.toFixed(2));
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Test 1 of 10')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByText('Summary')).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Forest plot of effect sizes' })).toBeVisible();
  await page.screenshot({ path: '/tmp/e2e-class-forest.png', fullPage: true });
  await page.keyboard.press('Home');
  await page.screenshot({ path: '/tmp/e2e-class-1.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Editor' })).toBeVisible();
  await context.setOffline(false);
});
