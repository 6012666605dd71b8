// A scripted participant takes the human IAT in the page, offline once the page has loaded: a Caliskan preset with its blocks shortened
// (4/4/6/8/4/6/8 trials) in the probe's own JSON, run on the embedded GloVe for the model's d, then
// the seven blocks with the keyboard (E / I, two deliberate errors corrected after the red ✗, slower
// answers in the XB blocks), the debrief and the result. The trials CSV the page exports is scored by
// the independent reference (scripts/reference/iat_reference.py, numpy) and the D on the screen must
// equal it to 1e-9. A second participant answers by tapping the halves of a 390×844 touch screen, and
// their result is still there after a reload. Screenshots: /tmp/e2e-shots/hu1-*.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeParticipantCode } from '../src/core/iat/participantCode';
import { downloadText, openApp, waitForModel } from './helpers';
import { root } from './lmRun';

const PRESET = 'IAT: WEAT 1: Flowers vs insects × pleasant vs unpleasant';
const SHOTS = '/tmp/e2e-shots';
type Key = 'X' | 'Y' | 'A' | 'B';
type Sets = Record<Key, { label: string; words: string[] }>;

/** Opens the preset, shortens its blocks in the JSON editor, runs it, and returns its four sets. */
async function openShortIat(page: Page, blockLengths: number[]): Promise<Sets> {
  await openApp(page);
  await waitForModel(page);
  await page.getByRole('button', { name: `Open ${PRESET}`, exact: true }).click();
  const tab = page.getByRole('tab', { name: 'Advanced: edit as JSON' });
  if (await tab.isVisible()) await tab.click();
  const box = page.getByRole('textbox', { name: 'Probe JSON' });
  const probe = JSON.parse(await box.inputValue()) as { id: string; title: string; targets: Sets; attributes: Sets; design: { blockLengths: number[] } };
  probe.id = 'iat-e2e-short';
  probe.title = 'IAT e2e: flowers and insects';
  probe.design.blockLengths = blockLengths;
  await box.fill(JSON.stringify(probe, null, 2));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Take (this IAT|the IAT again)$/ })).toBeVisible({ timeout: 90_000 });
  return { ...probe.targets, ...probe.attributes } as Sets;
}

/** Which side the current stimulus belongs to, from the labels on screen and the probe's word lists. */
async function sideOf(page: Page, sets: Sets, stimulus: string): Promise<'left' | 'right'> {
  const key = (Object.keys(sets) as Key[]).find((k) => sets[k].words.includes(stimulus))!;
  const left = await page.locator('.iat-labels-left .iat-target, .iat-labels-left .iat-attribute').allTextContents();
  return left.includes(sets[key].label) ? 'left' : 'right';
}

/** Answers every trial of the open block; `answer` presses or taps a side. */
async function answerBlock(page: Page, sets: Sets, answer: (side: 'left' | 'right') => Promise<void>, opts: { errorOn?: number; waitMs?: (left: string[]) => number } = {}) {
  const progress = page.locator('.iat-progress');
  await expect(progress).toBeVisible();
  const n = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  const stimulus = page.getByTestId('iat-stimulus');
  for (let i = 1; i <= n; i++) {
    await expect(progress).toHaveText(`Trial ${i} of ${n}`);
    await expect(stimulus).not.toHaveText('');
    const word = (await stimulus.textContent())!;
    const side = await sideOf(page, sets, word);
    const wait = opts.waitMs?.(await page.locator('.iat-labels-left span').allTextContents()) ?? 0;
    if (wait > 0) await page.waitForTimeout(wait);
    if (opts.errorOn === i) {
      await answer(side === 'left' ? 'right' : 'left');
      await expect(page.getByRole('img', { name: 'Wrong key: press the other one' })).toBeVisible();
    }
    await answer(side);
  }
}

test('a keyboard participant’s D on screen equals the reference scoring of the exported trials', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const sets = await openShortIat(page, [4, 4, 6, 8, 4, 6, 8]);
  // From here on there is no network, as in a classroom whose Wi-Fi dropped after the page loaded:
  // the test, its result, the exports and the class-mode slide need nothing from the server.
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Take this IAT' }).click();
  await expect(page.getByRole('dialog', { name: /Implicit Association Test/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/hu1-consent-1366.png` });
  await page.getByRole('button', { name: 'I agree, start' }).click();
  const press = (side: 'left' | 'right') => page.keyboard.press(side === 'left' ? 'e' : 'i');
  // X (flowers) with B (unpleasant) on one key: answer more slowly, as a participant with the usual association would.
  const slowWhenXWithB = (left: string[]) => {
    const xLeft = left.includes(sets.X.label);
    const bLeft = left.includes(sets.B.label);
    const combined = left.includes(sets.A.label) || bLeft;
    return !combined ? 0 : xLeft === bLeft ? 420 : 300;
  };
  for (let block = 1; block <= 7; block++) {
    await page.getByRole('button', { name: `Start part ${block}` }).press('Enter');
    if (block === 3) await page.screenshot({ path: `${SHOTS}/hu1-trial-1366.png` });
    await answerBlock(page, sets, press, { errorOn: block === 3 || block === 6 ? 2 : undefined, waitMs: slowWhenXWithB });
    if (block === 3) await page.screenshot({ path: `${SHOTS}/hu1-block3-done-1366.png` });
  }
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.screenshot({ path: `${SHOTS}/hu1-result-top-1366.png` });
  await page.getByText('How this D was computed').click();
  const exact = Number(await page.getByRole('status', { name: 'Exact D' }).textContent());
  await page.screenshot({ path: `${SHOTS}/hu1-result-1366.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SHOTS}/hu1-result-1024.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my trials (CSV)' }).click()]);
  const csv = await downloadText(download);
  expect(csv.split('\r\n')[0]).toBe('participant,block,trial,category,stimulus,pairing,correct,latency_ms');
  const dir = path.join(os.tmpdir(), `hu1-iat-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'trials.csv');
  writeFileSync(file, csv);
  const script = [
    'import csv, json, sys',
    `sys.path.insert(0, ${JSON.stringify(path.join(root, 'scripts', 'reference'))})`,
    'import iat_reference as R',
    'rows = [[r["participant"], int(r["block"]), int(r["trial"]), r["category"], r["stimulus"], r["pairing"], int(r["correct"]), float(r["latency_ms"])] for r in csv.DictReader(open(sys.argv[1]))]',
    'print(json.dumps(R.score(rows, {})["participants"][0]))',
  ].join('\n');
  const reference = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as { d: number; trials: { recorded: number; errors: number } };
  expect(reference.trials.recorded).toBe(28);
  expect(reference.trials.errors).toBe(2);
  expect(Math.abs(exact - reference.d)).toBeLessThan(1e-9);
  // The code for the instructor carries that D to 0.001 (core's decoder, as the class view reads it).
  const code = decodeParticipantCode((await page.getByRole('status', { name: 'Participant code' }).textContent())!);
  expect(code.ok && Math.abs(code.value.d! - Math.round(reference.d * 1000) / 1000)).toBeLessThan(1e-12);
  // The D shown in large type is that D to two decimals.
  await expect(page.locator('.iat-axis output').first()).toHaveText(reference.d.toFixed(2));

  // Closed, the card keeps the result; class mode shows the participant's D and the model's d side by side.
  await page.getByRole('button', { name: 'Close' }).press('Enter');
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByRole('button', { name: 'Take the IAT again' })).toBeVisible();
  await page.getByRole('button', { name: 'Take the IAT again' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/hu1-card-1366.png` });
  await page.getByRole('region', { name: /^Results:/ }).getByRole('button', { name: 'Present' }).press('Enter');
  await expect(page.locator('.iat-slide .iat-axis output').first()).toHaveText(reference.d.toFixed(2));
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SHOTS}/hu1-slide-1024.png` });
});

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a participant taps the two halves at 390×844, and the result is still there after a reload', async ({ page }) => {
    const sets = await openShortIat(page, [2, 2, 4, 4, 2, 4, 4]);
    await page.getByRole('button', { name: 'Take this IAT' }).tap();
    await page.getByRole('button', { name: 'I agree, start' }).tap();
    const tap = (side: 'left' | 'right') => page.touchscreen.tap(side === 'left' ? 60 : 330, 600);
    for (let block = 1; block <= 7; block++) {
      await page.getByRole('button', { name: `Start part ${block}` }).tap();
      if (block === 4) await page.screenshot({ path: `${SHOTS}/hu1-trial-390.png` });
      await answerBlock(page, sets, tap, { errorOn: block === 4 ? 1 : undefined, waitMs: () => 120 });
    }
    await page.getByRole('button', { name: 'See my result' }).tap();
    await page.screenshot({ path: `${SHOTS}/hu1-result-top-390.png` });
    await page.getByText('How this D was computed').tap();
    const exact = (await page.getByRole('status', { name: 'Exact D' }).textContent())!;
    await page.screenshot({ path: `${SHOTS}/hu1-result-390.png` });
    await page.getByRole('button', { name: 'Download my trials (CSV)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/hu1-result-390-lower.png` });
    await page.getByRole('button', { name: 'Close' }).tap();
    // A fresh load: the editor keeps the draft; running it again shows the kept result on its card.
    await openApp(page);
    await waitForModel(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Take the IAT again' })).toBeVisible({ timeout: 90_000 });
    await page.getByText('How this D was computed').tap();
    await expect(page.getByRole('status', { name: 'Exact D' })).toHaveText(exact);
  });
});
