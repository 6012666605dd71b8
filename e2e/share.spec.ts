// Share links: the probe travels in the URL fragment; opening it loads and validates the probe and
// never runs anything. A tampered link shows a clear message and the app keeps working.
import { expect, test } from '@playwright/test';
import { openApp, openBuiltin, WEAT1 } from './helpers';

test('a share URL opens the probe in the editor without running it', async ({ page, context }) => {
  await openApp(page);
  await page.getByRole('button', { name: `Duplicate and edit ${WEAT1}` }).click();
  await page.getByLabel('Title', { exact: true }).fill('Flowers, shared');
  await page.getByRole('textbox', { name: 'Words in X', exact: true }).fill('rose\ntulip\nlily\ndaisy');
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByRole('textbox', { name: /^Share URL/ }).inputValue();
  expect(url).toMatch(/#probe=/);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole('status').filter({ hasText: 'Probe loaded from a share link' })).toBeVisible();
  await expect(other.getByLabel('Title', { exact: true })).toHaveValue('Flowers, shared');
  await expect(other.getByRole('textbox', { name: 'Words in X', exact: true })).toHaveValue('rose\ntulip\nlily\ndaisy');
  await expect(other.getByLabel('Probe id')).toHaveValue('caliskan-weat-1-copy');
  // nothing ran
  await other.waitForTimeout(1500);
  await expect(other.getByRole('region', { name: /^Results:/ })).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  // the fragment is consumed so a reload keeps later edits
  expect(new URL(other.url()).hash).toBe('');
});

test('a tampered share URL gives a clear message and the app keeps working', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByRole('textbox', { name: /^Share URL/ }).inputValue();
  const cut = url.slice(0, url.length - 40) + 'XyZ' + url.slice(url.length - 37);
  await page.goto(cut.replace('#probe=', '#probe=Q'));
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/share link does not contain a valid probe/);
  // still usable
  await openBuiltin(page, WEAT1);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 60_000 });

  await page.goto('/#probe=');
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toBeVisible();
  await page.goto('/#probe=not*a*probe');
  await expect(page.getByRole('alert')).toContainText(/characters a share link never has|not contain a valid probe/);
});
