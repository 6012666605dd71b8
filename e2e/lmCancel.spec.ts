// Cancel during an LM run: the page terminates the scoring worker and closes the run's channel to
// the model worker (which aborts the model call in flight). The model stays loaded in the model
// worker, and the next run — a new scoring worker on a new channel — shows the CLI's number.
import { expect, test } from '@playwright/test';
import { setOption } from './helpers';
import { cliHeadline, cliLmRun, expectSame, runAndReadHeadline, setupLm } from './lmRun';

test('Cancel stops an LM run; the next run on the same loaded model shows the CLI headline number', async ({ page }) => {
  const expected = cliHeadline(cliLmRun('lm-counterfactual-basic').results[0]!);
  await setupLm(page);
  await page.getByRole('button', { name: 'Open MCQ option-order bias: 40 general-knowledge questions, cyclic orders', exact: true }).click();
  await setOption(page, 'Permutations', '10000000');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /(scoring|statistics)/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Run cancelled')).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('region', { name: /^Results:/ })).toHaveCount(0);
  await setOption(page, 'Permutations', '2000');
  await page.getByRole('button', { name: 'Open Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood', exact: true }).click();
  await expect(page.getByText('Ready to run')).toBeVisible();
  expectSame(await runAndReadHeadline(page), expected);
});
