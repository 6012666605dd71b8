// Chart export (PNG + SVG), saved probes surviving a reload, SEAT on the embedded GloVe, and an
// accessibility sweep: every interactive element has an accessible name and is keyboard reachable.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cliRun, cliRunText, openApp, openBuiltin, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

test('charts export as SVG and PNG', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Permutations', '5000');
  await setOption(page, 'Bootstrap resamples', '200');
  await runAndReadD(page);
  const fig = page.getByRole('figure', { name: `Word associations: ${WEAT1}` });
  await expect(fig).toBeVisible();
  await expect(fig).toContainText(/Bar chart of s\(w, A, B\)/); // text summary
  const [svgDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: /as SVG$/ }).click()]);
  const svg = readFileSync((await svgDl.path())!, 'utf8');
  expect(svgDl.suggestedFilename()).toMatch(/_words\.svg$/);
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('magnolia');
  const [pngDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: /as PNG$/ }).click()]);
  const png = readFileSync((await pngDl.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(5000);
  const nullFig = page.getByRole('figure', { name: `Permutation null distribution: ${WEAT1}` });
  await expect(nullFig).toContainText(/observed statistic S = \d\.\d{3} is marked/);
});

test('a duplicated, edited and saved probe survives a reload; the draft too', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: `Duplicate and edit ${WEAT1}` }).click();
  await page.getByLabel('Probe id').fill('my-flowers');
  await page.getByLabel('Title', { exact: true }).fill('My flowers test');
  await page.getByRole('button', { name: 'Save probe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Probe saved' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Words in X', exact: true }).fill('rose\ntulip\nlily\nunsaved-edit');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Words in X', exact: true })).toHaveValue('rose\ntulip\nlily\nunsaved-edit'); // draft persisted
  const mine = page.getByRole('region', { name: 'My probes' });
  await expect(mine.getByText('My flowers test')).toBeVisible();
  await mine.getByRole('button', { name: 'Open My flowers test' }).click();
  // The draft holds unsaved edits, so opening the saved probe asks first.
  await page.getByRole('dialog', { name: 'Replace your unsaved edits?' }).getByRole('button', { name: 'Open “My flowers test”' }).click();
  await expect(page.getByRole('textbox', { name: 'Words in X', exact: true })).toHaveValue(/^aster\nclover/);
  // saving under a built-in id is refused with a message
  await openBuiltin(page, WEAT1);
  await page.getByRole('button', { name: 'Save probe' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a new id before saving');
});

test('SEAT version runs on the embedded GloVe (mean of word vectors)', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, 'SEAT 1: Flowers vs insects × pleasant vs unpleasant');
  await expect(page.getByRole('combobox', { name: 'Test family' })).toHaveValue('seat');
  await expect(page.getByLabel(/^Templates \(one per line/)).toHaveValue(/\{term\}/);
  await setOption(page, 'Permutations', '2000');
  await setOption(page, 'Bootstrap resamples', '100');
  await setOption(page, 'Seed', '1');
  const expected = cliRun('caliskan-seat-1', 1, ['--permutations', '2000', '--bootstrap', '100']).results[0]!;
  const d = await runAndReadD(page);
  expect(d).toBe(expected.effectSize.toFixed(3));
  // the same seed and permutations: the same p, printed to four decimals
  const p = await page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'p-value' }).first().textContent();
  expect(Math.abs(Number(p) - expected.pValue)).toBeLessThan(5e-5);
});

test('every control has an accessible name and focus is visible', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await waitForModel(page);
  await setOption(page, 'Permutations', '1000');
  await runAndReadD(page);
  for (const view of ['Workbench', 'History', 'Class mode']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    const snapshot = await page.locator('body').ariaSnapshot();
    const unnamed = snapshot.split('\n').filter((l) => /^\s*- (button|textbox|combobox|checkbox|radio|link|slider|spinbutton)(\s*\[[^\]]*\])*\s*:?\s*$/.test(l));
    expect(unnamed, `unnamed controls in ${view}`).toEqual([]);
  }
  await page.getByRole('button', { name: 'Workbench', exact: true }).click();
  // keyboard: Tab reaches the Run button, and the focused element has a visible outline
  await page.getByRole('button', { name: 'Workbench', exact: true }).focus();
  let found = false;
  for (let i = 0; i < 200 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.textContent === 'Run');
  }
  expect(found).toBe(true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});

test('a run record from the CLI opens in history; a broken one is refused', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'History' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open run record…' }).click()]);
  await chooser.setFiles({ name: 'cli-run.json', mimeType: 'application/json', buffer: Buffer.from(cliRunText('caliskan-weat-2', 1)) });
  await expect(page.getByRole('status').filter({ hasText: 'Run record opened' })).toBeVisible();
  const d = cliRun('caliskan-weat-2', 1).results[0]!.effectSize.toFixed(3);
  const row = page.getByRole('row', { name: /WEAT 2/ });
  await expect(row).toContainText(`d = ${d}`);
  await row.getByRole('button', { name: /^Open run/ }).click();
  await expect(page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Headline metric' })).toHaveText(d);
  await page.getByRole('button', { name: 'History' }).click();
  const [c2] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open run record…' }).click()]);
  await c2.setFiles({ name: 'bad-run.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"bias-workbench-run@1","runId":"x"}') });
  await expect(page.getByRole('alert')).toContainText(/Could not open bad-run.json/);
  await expect(page.getByRole('alert')).toContainText(/run record is not valid/);
});

test('Ctrl+Enter runs from the editor', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Permutations', '1000');
  await waitForModel(page);
  await page.getByRole('textbox', { name: 'Words in A', exact: true }).focus();
  await page.keyboard.press('Control+Enter');
  // d does not depend on the seed or the permutations: the CLI's d of WEAT 1
  await expect(page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Headline metric' })).toHaveText(cliRun('caliskan-weat-1', 1).results[0]!.effectSize.toFixed(3), { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Finished “WEAT 1/ })).toBeVisible();
});
