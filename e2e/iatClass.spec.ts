// The instructor's class IAT view: five codes pasted (one a duplicate, one misheard), the misheard
// one corrected, and the class mean and n on screen equal to core's summarizeClass of the four
// participants the codes were made from (their D's have three decimals, so a code carries them
// exactly). The collection survives a reload; a fast responder is shown but not counted; a trials CSV
// added as a file is scored in the page; the class is presented full screen at 1024×768. The codes
// are made for the built-in IAT on WEAT 1's words, which the instructor ran on GloVe first: the
// class view shows that run's WEAT d on its own axis beside the class, equal to the card's d.
import { expect, test } from '@playwright/test';
import { summarizeClass, type IatParticipantScore } from '../src/core/iat';
import { encodeParticipantCode } from '../src/core/iat/participantCode';
import { openApp, waitForModel } from './helpers';

function score(d: number, fast = 0): IatParticipantScore {
  const pair = { blocks: [3, 6] as const, meanXA: null, meanXB: null, inclusiveSd: null, d: null, trialsXA: 0, trialsXB: 0 };
  const fastResponder = fast * 10 > 120;
  return {
    participant: 'p',
    d,
    practice: pair,
    test: { ...pair, blocks: [4, 7] },
    firstPairing: 'XA',
    errorTreatment: 'built-in',
    trials: { recorded: 120, scored: 120, droppedSlow: 0, fast, errors: 5 },
    fastShare: fast / 120,
    flags: { fastResponder, tooFewTrials: false },
    included: !fastResponder,
  };
}

const PROBE = 'iat-caliskan-weat-1';
const SCORES = [score(0.512), score(-0.134), score(0.877), score(0.305)];
const CODES = SCORES.map((s, i) => encodeParticipantCode(s, PROBE, `student-${i}`));
/** One character of the fourth code heard wrong: the check character catches it. */
const MISHEARD = CODES[3]!.replace(/^(.)/, (c) => (c === 'B' ? 'D' : 'B'));

test('class IAT: pasted codes give n = 4 and the mean D of summarizeClass, kept over a reload', async ({ page }) => {
  const expected = summarizeClass(SCORES);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await waitForModel(page);
  await page.getByRole('button', { name: 'Open IAT: WEAT 1: Flowers vs insects × pleasant vs unpleasant', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const headline = page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Headline metric' }).first();
  await expect(headline).toBeVisible({ timeout: 90_000 });
  const modelD = Number(await headline.getAttribute('data-value'));
  expect(modelD).toBeGreaterThan(0.5);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Class IAT' }).click();
  await expect(page.getByTestId('iat-class-privacy')).toHaveText(/Nothing leaves a device unless the person exports it/);
  const codes = page.getByLabel('Participant codes, one per line');
  await codes.fill([CODES[0], CODES[1], CODES[2], CODES[0]!.toLowerCase(), MISHEARD].join('\n'));
  await page.getByRole('button', { name: 'Add codes' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Added' });
  await expect(report).toContainText('Added 3 results. 1 duplicate not counted twice. 1 could not be added.');
  await expect(report.getByRole('list', { name: 'Duplicates' })).toHaveText(`line 4: the same participant as ${CODES[0]}`);
  await expect(report.getByRole('list', { name: 'Not added' })).toContainText('line 5: The code does not check');
  await page.screenshot({ path: '/tmp/e2e-shots/hu2-class-report-1366.png', fullPage: true });

  await codes.fill(CODES[3]!);
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(page.getByTestId('iat-class-n')).toHaveText('4');
  await expect(page.getByTestId('iat-class-mean')).toHaveText(expected.meanD!.toFixed(3));
  await expect(page.getByTestId('iat-class-headline')).toContainText(`95% CI [${expected.ci!.low!.toFixed(2)}, ${expected.ci!.high!.toFixed(2)}]`);
  // Beside the class: the word vectors' d from the run above, on its own axis, naming the model.
  const model = page.getByTestId('iat-class-model');
  await expect(model.locator('figcaption')).toHaveText(`The model’s WEAT d: ${modelD.toFixed(2)}`);
  await expect(model).toContainText('glove-6b-100d, your run of “IAT: WEAT 1: Flowers vs insects × pleasant vs unpleasant”');
  await page.screenshot({ path: '/tmp/e2e-shots/hu2-class-1366.png', fullPage: true });

  await page.reload();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Class IAT' }).click();
  await expect(page.getByTestId('iat-class-n')).toHaveText('4');
  await expect(page.getByTestId('iat-class-mean')).toHaveText(expected.meanD!.toFixed(3));

  // A fast responder is shown but not counted: n and the mean stay, the reason is given.
  await codes.fill(encodeParticipantCode(score(1.2, 20), PROBE, 'student-fast'));
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(page.getByText('5 participants collected; 1 left out: 1 fast responder (more than 10% of responses under 300 ms).')).toBeVisible();
  await expect(page.getByTestId('iat-class-n')).toHaveText('4');
  await expect(page.getByTestId('iat-class-mean')).toHaveText(expected.meanD!.toFixed(3));

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Present to the class' }).click();
  const slide = page.getByRole('dialog', { name: 'Class IAT, presented' });
  await expect(slide.getByTestId('iat-class-mean')).toHaveText(expected.meanD!.toFixed(3));
  await expect(slide.getByRole('button', { name: 'Leave (Esc)' })).toBeFocused();
  await page.screenshot({ path: '/tmp/e2e-shots/hu2-present-1024.png' });
  await page.keyboard.press('Escape');
  await expect(slide).toBeHidden();

  // A trials CSV is scored in the page: the hand-worked participant of tests/core/iat/participantScore.test.ts,
  // D = (√(27/13) + √2)/2, joins the four.
  const rows = [[3, 1, 600], [3, 2, 800], [6, 1, 900], [6, 2, 1100], [4, 1, 500], [4, 2, 700], [4, 3, 600], [7, 1, 700], [7, 2, 900], [7, 3, 800]];
  const csv = ['participant,block,trial,category,stimulus,pairing,correct,latency_ms', ...rows.map(([b, t, ms]) => `p1,${b},${t},Flowers,rose,${b! <= 4 ? 'XA' : 'XB'},1,${ms}`)].join('\n');
  await page.getByLabel(/^Result files/).setInputFiles({ name: 'worked.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const withFile = summarizeClass([...SCORES, score((Math.sqrt(27 / 13) + Math.SQRT2) / 2)]);
  await expect(page.getByTestId('iat-class-n')).toHaveText('5');
  await expect(page.getByTestId('iat-class-mean')).toHaveText(withFile.meanD!.toFixed(3));
  await expect(page.getByRole('cell', { name: 'worked.csv, participant p1', exact: true })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/e2e-shots/hu2-class-390.png', fullPage: true });
});
