// The two newer families in the page, held to the CLI's numbers (same core, same assets, same seed):
// a representation-probe built-in on the embedded GloVe (its exact p) at 1366, 1024 and 390 px, and
// the judge-verbosity built-in on the embedded tiny GPT (WASM), whose judge always answers "B", so
// its headline falls back to the second-position share with McNemar's exact p (2/2²⁴).
import { expect, test } from '@playwright/test';
import { cliRunText, openApp, setOption, waitForModel } from './helpers';
import { runAndReadHeadline, setupLm } from './lmRun';

const REPRESENTATION = 'Representation probe: career vs family words along male − female names';
const VERBOSITY = 'Judge verbosity: 24 answers against their padded restatement, both orders';

test('representation-career-family, seed 1: the asymmetry and exact p shown equal the CLI’s', async ({ page }) => {
  const cli = (JSON.parse(cliRunText('representation-career-family', 1)) as { results: { difference: number; pValue: number; pMethod: string }[] }).results[0]!;
  expect(cli.pMethod).toBe('exact');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await waitForModel(page);
  await setOption(page, 'Seed', '1');
  await page.getByRole('button', { name: `Open ${REPRESENTATION}`, exact: true }).click();
  const headline = await runAndReadHeadline(page);
  expect(headline.value).toBe(cli.difference);
  expect(headline.shown).toBe(cli.difference.toFixed(3));
  expect(headline.p).toContain(cli.pValue.toFixed(4));
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByText('Word alignments: Representation probe: career vs family words along male − female names')).toBeVisible();
  await results.screenshot({ path: '/tmp/e2e-shots/hj-representation-1366.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await results.screenshot({ path: '/tmp/e2e-shots/hj-representation-1024.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await results.screenshot({ path: '/tmp/e2e-shots/hj-representation-390.png' });
});

test('lm-judge-verbosity-24 on the tiny GPT: all 24 items decided by position, p = 2/2^24', async ({ page }) => {
  // The CLI's result of this built-in on the tiny GPT (tests/cli/verbosityAndRepresentationRun.test.ts
  // holds CLI = core): the tiny GPT is no judge, it answers "B" whatever the answers, so every item is
  // "second" in both orders, length decides none, and McNemar's exact p is 2·(½)²⁴. Worked out here
  // rather than run again through the CLI, to keep this browser test short.
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupLm(page);
  await page.getByRole('button', { name: `Open ${VERBOSITY}`, exact: true }).click();
  const ui = await runAndReadHeadline(page);
  expect(ui.value).toBe(1);
  expect(ui.shown).toBe('100.0%');
  expect(Number(ui.p)).toBeCloseTo(2 / 2 ** 24, 8);
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByText('What decided each verdict pair')).toBeVisible();
  await results.screenshot({ path: '/tmp/e2e-shots/hj-verbosity-1366.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await results.screenshot({ path: '/tmp/e2e-shots/hj-verbosity-390.png' });
});
