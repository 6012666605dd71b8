// Compare from history: WEAT 1 on the embedded GloVe run twice, with a different seed and SD
// convention; compare names both differences (highlighted) in its column headers and lists, and its
// per-word agreement is the known value — a word's association depends on neither the seed nor the
// SD convention, so the two runs' per-word numbers are identical: ρ = r = 1 over the words of all four sets
// (sizes from the CLI). At 1366×768 and 390×844 the page never scrolls sideways.
import { expect, test, type Page } from '@playwright/test';
import { cliRun, downloadText, openApp, openBuiltin, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

const SHOTS = '/tmp/e2e-shots';

async function runTwice(page: Page) {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Permutations', '1000');
  await setOption(page, 'Seed', '1');
  await waitForModel(page);
  await runAndReadD(page);
  await expect(page.getByRole('status').filter({ hasText: /^Finished “WEAT 1/ })).toBeVisible({ timeout: 60_000 });
  await setOption(page, 'Seed', '2');
  await page.getByRole('radio', { name: /Population \(n\)/ }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished “WEAT 1/ })).toBeVisible({ timeout: 60_000 });
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`compare two WEAT 1 runs from history at ${viewport.width}×${viewport.height}: differences highlighted, per-word ρ = 1`, async ({ page }) => {
    const sizes = cliRun('caliskan-weat-1', 1).results[0]!.sizes;
    await page.setViewportSize(viewport);
    await runTwice(page);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const boxes = page.getByRole('checkbox', { name: /^Compare run WEAT 1/ });
    await expect(boxes).toHaveCount(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const compare = page.getByRole('region', { name: 'Comparing 2 runs' });
    await expect(compare).toBeVisible();

    const differences = compare.getByRole('list', { name: 'What differs between the runs' });
    await expect(differences.getByRole('listitem')).toHaveText(['seed: 1 (Run 1) · 2 (Run 2)', 'SD convention: sample (Run 1) · population (Run 2)']);
    // highlighted: each differing field is a <mark>, in the list and in every run's column header
    await expect(differences.locator('mark.differs')).toHaveText(['seed', 'SD convention']);
    const headers = compare.getByRole('columnheader', { name: /^Run \d/ });
    await expect(headers.first().locator('mark.differs')).toHaveText(['seed 1', 'SD convention sample']);
    await expect(headers.nth(1).locator('mark.differs')).toHaveText(['seed 2', 'SD convention population']);

    const agreement = compare.getByRole('status', { name: 'Agreement of Run 2 with Run 1 on caliskan-weat-1' });
    await expect(agreement).toHaveText(`Spearman ρ = 1.000, Pearson r = 1.000, n = ${sizes.X + sizes.Y + sizes.A + sizes.B}`);
    const scatter = compare.getByRole('figure', { name: /^Per-item agreement: WEAT 1/ });
    await expect(scatter).toBeVisible();
    // the exported SVG says what it shows and where it came from: title, legend, both runs' captions
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), scatter.getByRole('button', { name: /as SVG$/ }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('caliskan-weat-1_glove-6b-100d_q13_seed1_vs_q13_seed2_agreement.svg');
    // lines of a wrapped title or caption joined back into one text
    const svg = (await downloadText(svgDownload)).replace(/<\/text><text class="export-(title|caption)"[^>]*>/g, ' ');
    expect(svg).toContain('>Per-item agreement: WEAT 1: Flowers vs insects');
    expect(svg).toContain('>one item (association)</text>');
    expect(svg).toMatch(/Run 1: glove-6b-100d · dtype q13 · seed 1 · \d{4}-\d\d-\d\d \d\d:\d\d UTC ·/);
    expect(svg).toMatch(/Run 2: glove-6b-100d · dtype q13 · seed 2 · .* bias-probe-workbench \d+\.\d+\.\d+/);

    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await compare.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/h7-compare-${viewport.width}x${viewport.height}.png`, fullPage: true });
  });
}
