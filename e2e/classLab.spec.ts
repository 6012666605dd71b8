// The class lab offline at the projector size (1024×768): the two lesson presets run with one click
// after the network is cut (they load no model), and the numbers on the result card and on the
// class-mode slide equal the CLI's JSON for the same seed (`bias-workbench run <preset> --seed 3`,
// no --model): LMS-k's three test accuracies as counts of correct test examples, inductive bias's
// bits and how many hypotheses reached the target, per model class.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, setOption, waitForModel } from './helpers';

const SEED = 3;
const SHOTS = '/tmp/e2e-shots';
const root = path.join(import.meta.dirname, '..');

const cliLesson = <R>(id: string): R =>
  (JSON.parse(execFileSync(process.execPath, [path.join(root, 'bin/bias-workbench.mjs'), 'run', id, '--seed', String(SEED), '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })) as { results: R[] }).results[0]!;

interface Lms {
  cleanAccuracy: number;
  linearRandomisedAccuracy: number;
  slabsRandomisedAccuracy: number;
  settings: { testSize: number };
}
interface Ib {
  classes: { estimate: { bits: number; samples: number; empirical: { reaching: number } } }[];
}

/** "494 of 1,000 (49.4%)", worked out from the CLI's accuracy. */
const count = (accuracy: number, n: number) => `${Math.round(accuracy * n).toLocaleString('en-US')} of ${n.toLocaleString('en-US')} (${(accuracy * 100).toFixed(1)}%)`;

async function expectLms(scope: ReturnType<Page['locator']>, cli: Lms) {
  await expect(scope.getByTestId('lms-clean')).toHaveText(count(cli.cleanAccuracy, cli.settings.testSize));
  await expect(scope.getByTestId('lms-linear')).toHaveText(count(cli.linearRandomisedAccuracy, cli.settings.testSize));
  await expect(scope.getByTestId('lms-slabs')).toHaveText(count(cli.slabsRandomisedAccuracy, cli.settings.testSize));
}

async function expectIb(scope: ReturnType<Page['locator']>, cli: Ib) {
  for (const [i, c] of cli.classes.entries()) {
    await expect(scope.getByTestId(`ib-bits-${i}`)).toHaveText(c.estimate.bits.toFixed(3));
    await expect(scope.getByTestId(`ib-reaching-${i}`)).toHaveText(`${c.estimate.empirical.reaching} of ${c.estimate.samples}`);
  }
}

async function runLessonAndPresent(page: Page, title: string, check: (scope: ReturnType<Page['locator']>) => Promise<void>, shot: string) {
  await page.getByRole('button', { name: `Run lesson ${title}`, exact: true }).click();
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.locator('.result-card h3')).toHaveText(title, { timeout: 60_000 });
  await check(results);
  await results.locator('.result-card').first().screenshot({ path: `${SHOTS}/hl-${shot}-card-1024.png` });
  await results.getByRole('button', { name: 'Present' }).click();
  const slide = page.locator('.class-mode');
  await expect(slide.getByRole('heading', { level: 2 })).toHaveText(title);
  await check(slide);
  await page.screenshot({ path: `${SHOTS}/hl-${shot}-slide-1024.png` });
  await page.keyboard.press('Escape');
}

test('the two lessons run offline with one click; card and slide show the CLI’s numbers (seed 3, 1024×768)', async ({ page, context }) => {
  const lms = cliLesson<Lms>('lesson-simplicity-lms');
  const ib = cliLesson<Ib>('lesson-inductive-bias');
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  await waitForModel(page);
  // Opened in the JSON editor while online (without the service worker, which e2e blocks, the editor's chunk is fetched on first use).
  await page.getByRole('button', { name: 'Open Lesson: simplicity bias on LMS-5 data', exact: true }).click();
  await expect(page.getByRole('note').filter({ hasText: 'This probe needs no model' })).toBeVisible();
  await context.setOffline(true);
  await setOption(page, 'Seed', String(SEED));
  await runLessonAndPresent(page, 'Lesson: simplicity bias on LMS-5 data', (s) => expectLms(s, lms), 'lms');
  await runLessonAndPresent(page, 'Lesson: inductive bias of random networks vs random features', (s) => expectIb(s, ib), 'ib');
  await page.screenshot({ path: `${SHOTS}/hl-workbench-1024.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/hl-workbench-390.png`, fullPage: true });
});
