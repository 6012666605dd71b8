// Class mode: run the ten Caliskan WEATs offline on the embedded GloVe and present them at the
// projector size (1024×768): a clean full screen (no app header, no backend pills), each slide named
// by its test, keyboard navigation, technical detail behind "t", and a summary slide naming every
// test whose forest plot shows all ten rows with chart text of at least 20 px. At phone size
// (390×844) neither the slides nor the result cards scroll sideways. One language-model family is
// presented too (counterfactual pairs on the embedded tiny GPT-2).
import { expect, test, type Page } from '@playwright/test';
import { cliRun, openApp, waitForModel } from './helpers';
import { setupLm } from './lmRun';

const SHOTS = process.env.CLASSMODE_SHOTS;

/** The smallest computed font size of the text drawn in the slide's charts. */
const smallestChartFont = (page: Page) =>
  page.evaluate(() => {
    const texts = [...document.querySelectorAll('.class-mode .chart-body svg text, .class-mode .chart-body svg tspan')];
    return texts.length ? Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize))) : 0;
  });

/** Whether the page scrolls sideways. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test('the ten WEATs presented at 1024×768 and 390×844, offline, with the keyboard', async ({ page, context }) => {
  const cli = cliRun('caliskan-weat', 1);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  await waitForModel(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Run suite Caliskan et al. (2017): all ten WEATs' }).click();
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByRole('status', { name: 'Headline metric' })).toHaveCount(10, { timeout: 120_000 });
  const shown = await results.getByRole('status', { name: 'Headline metric' }).allTextContents();
  expect(shown).toEqual(cli.results.map((r) => r.effectSize.toFixed(3)));
  const forest = results.getByRole('figure', { name: 'Forest plot of effect sizes' });
  await expect(forest).toContainText(/for 10 tests/);
  const titles = await results.locator('.result-card h3').allTextContents();
  expect(titles).toHaveLength(10);

  await results.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByText('Test 1 of 10')).toBeVisible();
  // a clean screen: the app's header and its backend pill are gone
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeHidden();
  await expect(page.getByRole('status', { name: 'Backend' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(titles[0]!);
  expect(await smallestChartFont(page)).toBeGreaterThanOrEqual(20);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/h6-1024-class-slide1.png` });

  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Test 2 of 10')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(titles[1]!);
  await expect(page.getByRole('status', { name: 'Effect size d' })).toHaveText(cli.results[1]!.effectSize.toFixed(2));
  // technical detail, one key away, and the button that says whether it is open
  await expect(page.getByRole('list', { name: 'Technical detail' })).toHaveCount(0);
  await page.keyboard.press('t');
  await expect(page.getByRole('list', { name: 'Technical detail' })).toContainText(/Holm-adjusted p/);
  await expect(page.getByRole('button', { name: 'Technical detail' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(`p: one-sided, Monte Carlo, 100,000 permutations`)).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('list', { name: 'Technical detail' })).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Test 1 of 10')).toBeVisible();

  await page.keyboard.press('End');
  await expect(page.getByText('Summary', { exact: true })).toBeVisible();
  const plot = page.getByRole('figure', { name: 'Forest plot of effect sizes' });
  await expect(plot).toBeVisible();
  expect(await smallestChartFont(page)).toBeGreaterThanOrEqual(20);
  // every row inside the window, named by its test (short name over the start of its long name)
  for (const [k, title] of titles.entries()) {
    const [short, long] = title.split(':').map((s) => s.trim());
    const label = plot.locator('svg text:has(tspan)').nth(k);
    await expect(label.locator('tspan').first()).toHaveText(short!);
    const box = await label.boundingBox();
    expect(box, `row ${k + 1}`).not.toBeNull();
    expect(box!.y, `row ${k + 1} top`).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `row ${k + 1} bottom`).toBeLessThanOrEqual(768);
    await expect(label).toContainText(long!.slice(0, 12));
  }
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/h6-1024-class-summary.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Home');
  await expect(page.getByText('Test 1 of 10')).toBeVisible();
  expect(await overflowsSideways(page)).toBe(false);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/h6-390-class-slide1.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Editor' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeVisible();
  await results.locator('.result-card').first().scrollIntoViewIfNeeded();
  expect(await overflowsSideways(page)).toBe(false);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/h6-390-card.png` });
  await context.setOffline(false);
});

test('a language-model family in class mode: counterfactual pairs on the tiny GPT-2 at 1024×768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setupLm(page);
  await page.getByRole('button', { name: 'Open Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = page.getByRole('region', { name: /^Results:/ });
  const card = results.getByRole('status', { name: 'Headline metric' }).first();
  await expect(card).toBeVisible({ timeout: 110_000 });
  const title = (await results.locator('.result-card h3').first().textContent())!;
  const number = (await card.textContent())!.trim();
  await expect(results.getByRole('figure', { name: /Mean Δ/ })).toBeVisible();
  await results.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByText('Test 1 of 1')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(page.getByRole('status', { name: 'Headline metric' })).toHaveText(number);
  await expect(page.getByRole('figure', { name: /Mean Δ/ })).toBeVisible();
  expect(await smallestChartFont(page)).toBeGreaterThanOrEqual(20);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/h6-1024-class-lm.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Editor' })).toBeVisible();
});
