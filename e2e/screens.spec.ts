// The workbench screen at the sizes people use it: 1366×768 (laptop), 1024×768 (projector) and
// 390×844 (phone). Run stays in reach (sticky bar, skip link, few Tab stops), a finished run brings
// its results into view with the focus on their heading, the empty editor teaches before it errors,
// repeated words are named, options show where they apply, no stale results, a failed model load
// is reported at the Model field and not restored on reload, and nothing overflows on a phone.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, openBuiltin, setOption, waitForModel, WEAT1 } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const box = async (l: Locator) => (await l.boundingBox())!;
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: Run is a few Tab stops away and always on screen; results come into view and take the focus`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await openBuiltin(page, WEAT1);
    await setOption(page, 'Permutations', '1000');
    await setOption(page, 'Bootstrap resamples', '200');
    await page.reload();
    await waitForModel(page);
    await expect(runButton(page)).toBeEnabled();

    // From the page start: the first stop is "Skip to Run", and Run is at most 10 stops away.
    let presses = 0;
    while (presses < 30 && !(await runButton(page).evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses++;
      if (presses === 1) await expect(page.getByRole('link', { name: 'Skip to Run' })).toBeFocused();
    }
    expect(presses).toBeLessThanOrEqual(10);
    await page.getByRole('link', { name: 'Skip to Run' }).focus();
    await page.keyboard.press('Enter');
    await expect(runButton(page)).toBeFocused();

    // Scrolled to the bottom, Run is still inside the viewport.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const r = await box(runButton(page));
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.y + r.height).toBeLessThanOrEqual(viewport.height);

    await page.evaluate(() => window.scrollTo(0, 0));
    await runButton(page).click();
    const heading = page.getByRole('heading', { name: `Results: ${WEAT1}` });
    await expect(heading).toBeFocused({ timeout: 60_000 });
    // in view, below the sticky bar, not under it
    await expect(async () => {
      const h = await box(heading);
      const bar = await box(page.getByRole('region', { name: 'Run', exact: true }));
      expect(h.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
      expect(h.y + h.height).toBeLessThanOrEqual(viewport.height);
    }).toPass({ timeout: 5_000 });
    expect(await noSidewaysScroll(page)).toBe(true);

    if (viewport.width < 600) {
      const main = [runButton(page), page.getByRole('button', { name: 'Cancel' }), page.getByRole('button', { name: 'History' }), page.getByRole('combobox', { name: 'Model' }), page.getByRole('button', { name: 'Export CSV', exact: true }), page.getByRole('button', { name: `Open ${WEAT1}`, exact: true })];
      for (const control of main) expect((await box(control)).height).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: '/tmp/screens-390-results.png', fullPage: true });
      // a suite (forest plot and ten cards) does not overflow either
      await page.getByRole('button', { name: /^Run suite Caliskan et al\. \(2017\): all ten WEATs/ }).click();
      await expect(page.getByRole('heading', { name: /^Results: Caliskan et al\. \(2017\): all ten WEATs/ })).toBeFocused({ timeout: 90_000 });
      expect(await noSidewaysScroll(page)).toBe(true);
    }
  });
}

test('the empty editor teaches instead of erroring, and shows errors once a set is touched or Run is pressed', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS[0]!);
  await openApp(page);
  await page.getByRole('button', { name: 'New probe' }).click();
  await expect(page.getByRole('heading', { name: 'What a probe needs' })).toBeVisible();
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks).toContainText('Add at least two words to each of the four sets to run.');
  await expect(page.locator('.issue-error')).toHaveCount(0);
  await expect(page.locator('.error-text:visible')).toHaveCount(0);

  // Run shows everything that is missing, and takes the focus to the checks.
  await runButton(page).click();
  await expect(page.locator('.issue-error')).toHaveCount(4);
  await expect(checks).toBeFocused();
  await expect(checks).toContainText('4 problems to fix before running');
  await expect(runButton(page)).toBeDisabled();

  // A fresh empty probe is quiet again; one word typed into X shows X's problem only.
  await page.getByRole('button', { name: 'New probe' }).click();
  await expect(page.locator('.issue-error')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Words in X', exact: true }).fill('rose');
  await expect(page.locator('.issue-error')).toHaveText(['Error: X (Targets X) has only one word (“rose”): a set needs at least two.']);

  // The offered built-in replaces the draft (it holds edits, so the app asks first).
  await page.getByRole('textbox', { name: 'Words in X', exact: true }).fill('');
  await page.getByRole('button', { name: `Start from “${WEAT1}”` }).click();
  const ask = page.getByRole('dialog', { name: 'Replace your unsaved edits?' });
  if (await ask.waitFor({ timeout: 1500 }).then(() => true, () => false)) await ask.getByRole('button', { name: `Open “${WEAT1}”` }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(WEAT1);
  await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
});

test('repeated words are named and merged; options show where they apply; Reset works on invalid text; no stale results', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS[1]!);
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await waitForModel(page);
  const x = page.getByRole('textbox', { name: 'Words in X', exact: true });
  await x.fill(`${await x.inputValue()}\nRose\n rose`);
  await expect(page.getByText('X (Flowers) lists “rose” twice: each counts once when the test runs.')).toBeVisible();
  await expect(page.getByText('X (Flowers): “rose” and “Rose” differ only in case.', { exact: false })).toBeVisible();
  await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });

  // Reset options while a field holds invalid text
  const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
  await seed.fill('12x');
  await expect(runButton(page)).toBeDisabled();
  await page.getByRole('button', { name: 'Reset options' }).click();
  await expect(seed).toHaveValue('1');
  await expect(runButton(page)).toBeEnabled();

  // The SD convention is a word-vector option
  await expect(page.getByRole('group', { name: 'SD convention for d' })).toBeVisible();
  await setOption(page, 'Permutations', '1000');
  await runButton(page).click();
  await expect(page.getByRole('heading', { name: `Results: ${WEAT1}` })).toBeFocused({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Open Judge position bias: 30 answer pairs, judged in both orders', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Replace your unsaved edits?' });
  if (await ask.waitFor({ timeout: 1500 }).then(() => true, () => false)) await ask.getByRole('button', { name: /^Open “/ }).click();
  await expect(page.getByRole('group', { name: 'SD convention for d' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Results:/ })).toHaveCount(0);
  await expect(page.getByText('Results appear here after a run (earlier runs are in History).')).toBeVisible();
});

test('a failed Hub model load is reported at the Model field and not restored on reload', async ({ page }) => {
  const { startMockHub } = await import('../scripts/mock-hub');
  const hub = await startMockHub({ root: path.join(root, 'public', 'models') });
  try {
    await page.setViewportSize(VIEWPORTS[2]!);
    await openApp(page, `/?hubHost=${encodeURIComponent(hub.url)}`);
    await page.getByRole('dialog', { name: 'This link asks to change the Hub host' }).getByRole('button', { name: 'Use this host' }).click();
    await waitForModel(page);
    await page.getByText('Hub model or local folder').click();
    await page.getByRole('textbox', { name: 'Hub model id' }).fill('nobody/no-such-model');
    await page.getByRole('button', { name: 'Use Hub model' }).click();
    const model = page.getByRole('combobox', { name: 'Model' });
    await expect(model).toHaveAttribute('aria-describedby', /model-error/, { timeout: 60_000 });
    const error = page.locator(`[id="${await model.getAttribute('aria-describedby')}"]`);
    await expect(error).toHaveRole('alert');
    await expect(error).toContainText(/Model failed to load/);
    await expect(error.getByRole('button', { name: 'Back to GloVe 6B, 100-d (embedded)' })).toBeVisible();
    // the alert sits right under the field
    const m = await box(model);
    const e = await box(error);
    expect(e.y - (m.y + m.height)).toBeLessThan(40);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('glove-6b-100d');
    await waitForModel(page);
  } finally {
    await hub.close();
  }
});
