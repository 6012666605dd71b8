// Bad input, in the browser (fault suite cases, named as tests/faults/README.md says): every case
// gives a clear message, and the app keeps working afterwards (each test ends by checking the editor
// still accepts a valid probe or run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openBuiltin, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vocab = readFileSync(path.join(root, 'public/models/glove-6b-100d/vocab.txt'), 'utf8')
  .split('\n')
  .filter((w) => /^[a-z]+$/.test(w));
// words used by WEAT 1's other sets, kept out of the big X set (a word may be in only one set)
const weat1Others = new Set('ant caterpillar flea locust spider bedbug centipede fly maggot tarantula bee cockroach gnat mosquito termite beetle cricket hornet moth wasp blackfly dragonfly horsefly roach weevil caress freedom health love peace cheer friend heaven loyal pleasure diamond gentle honest lucky rainbow diploma gift honor miracle sunrise family happy laughter paradise vacation abuse crash filth murder sickness accident death grief poison stink assault disaster hatred pollute tragedy divorce jail poverty ugly cancer kill rotten vomit agony prison'.split(' '));
const pool = vocab.filter((w) => !weat1Others.has(w));

async function chooseFile(page: Page, button: string, name: string, content: string, mimeType = 'text/plain') {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
}

const words = (page: Page, k: string) => page.getByRole('textbox', { name: `Words in ${k}`, exact: true });
/** Paste a long list at once (Playwright's fill types it through the input pipeline, slowly). */
async function paste(page: Page, k: string, text: string) {
  await words(page, k).evaluate((el, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
const checks = (page: Page) => page.getByRole('region', { name: 'Checks' });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

async function stillWorks(page: Page) {
  // After a paste the editor holds unsaved edits and the app asks before replacing them.
  await page.getByRole('button', { name: `Open ${WEAT1}`, exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Replace your unsaved edits?' });
  if (await ask.waitFor({ timeout: 1500 }).then(() => true, () => false)) await ask.getByRole('button', { name: `Open “${WEAT1}”` }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(WEAT1);
  await expect(checks(page)).toContainText(/Ready to run|No problems so far/);
  await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
});

test.describe('fault suite', () => {
  test('imports · malformed · a cut probe JSON, an unknown family and a broken WEFE file chosen in the page → “Could not import …” naming each; the editor untouched', async ({ page }) => {
    await chooseFile(page, 'Import probe or word sets…', 'broken.json', '{ "family": "weat", "id": ', 'application/json');
    await expect(page.getByRole('alert')).toContainText('Could not import broken.json');
    await expect(page.getByRole('alert')).toContainText(/not valid JSON/);

    await chooseFile(page, 'Import probe or word sets…', 'alien.json', JSON.stringify({ family: 'xyz', id: 'a', title: 't', targets: {}, attributes: {} }), 'application/json');
    await expect(page.getByRole('alert')).toContainText('Could not import alien.json');
    await expect(page.getByRole('alert')).toContainText(/unknown family "xyz"/);

    await chooseFile(page, 'Import probe or word sets…', 'wefe.json', JSON.stringify({ flowers: ['rose', 'tulip'], insects: 'ant' }), 'application/json');
    await expect(page.getByRole('alert')).toContainText(/"insects" must be a list of words/);
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(WEAT1); // editor untouched
    await stillWorks(page);
  });

  test('imports · malformed · a WEFE file with five lists → asks which list fills each set, then fills them', async ({ page }) => {
    const wefe = { flowers: ['rose', 'tulip', 'lily'], insects: ['ant', 'flea', 'wasp'], pleasant: ['love', 'peace', 'joy'], unpleasant: ['hatred', 'war', 'agony'], extra: ['a', 'b'] };
    await chooseFile(page, 'Import probe or word sets…', 'weat.json', JSON.stringify(wefe), 'application/json');
    const mapper = page.getByRole('group', { name: 'Map WEFE word lists to sets' });
    await expect(mapper).toBeVisible();
    await mapper.getByRole('button', { name: 'Use these lists' }).click();
    await expect(words(page, 'Y')).toHaveValue('ant\nflea\nwasp');
    await expect(checks(page)).toContainText(/Ready to run|No problems so far/);
  });

  test('word lists · malformed · a CSV with an unclosed quote and a TXT of only comments → “CSV line N”, “holds no words”; a good CSV then imports', async ({ page }) => {
    await chooseFile(page, 'Import list into X', 'bad.csv', 'word\nrose\n"tulip\nlily\n', 'text/csv');
    await expect(page.getByRole('alert')).toContainText(/CSV line \d+: a quoted field is never closed/);
    await chooseFile(page, 'Import list into X', 'empty.txt', '# nothing here\n# really\n');
    await expect(page.getByRole('alert')).toContainText(/holds no words/);
    // a good CSV works
    await chooseFile(page, 'Import list into X', 'good.csv', 'word\nrose\ntulip\nlily\n', 'text/csv');
    await expect(words(page, 'X')).toHaveValue('rose\ntulip\nlily');
  });

  test('word lists · malformed · an empty set, a one-word set, a word in two sets → Run blocked with messages; a repeated word named and counted once', async ({ page }) => {
    const A = words(page, 'A');
    await A.fill('');
    await expect(checks(page)).toContainText('problem');
    await expect(page.getByText(/A \(Pleasant\) is empty: add at least two words/)).toBeVisible();
    await expect(runButton(page)).toBeDisabled();

    await A.fill('love');
    await expect(page.getByText(/A \(Pleasant\) has only one word \(“love”\)/)).toBeVisible();
    await expect(runButton(page)).toBeDisabled();

    await A.fill('love\npeace\nlove');
    await expect(page.getByText('A (Pleasant) lists “love” twice: each counts once when the test runs.')).toBeVisible();
    await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });

    await A.fill('love\npeace\nhatred');
    await expect(page.getByText(/"hatred" is in both A and B/)).toBeVisible();
    await expect(runButton(page)).toBeDisabled();

    await A.fill('love\npeace\nfreedom');
    await expect(checks(page)).toContainText(/Ready to run|No problems so far/);
    await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
  });

  test('word lists · malformed · a set none of whose words the model has → caught before running; a partly OOV set warns and lists the words', async ({ page }) => {
    await waitForModel(page);
    await words(page, 'Y').fill('qzxvbnmw\nplorptastic\nxyzzyqq');
    await expect(page.getByText(/Every word of Y \(Insects\) is out of vocabulary/)).toBeVisible();
    await expect(runButton(page)).toBeDisabled();
    await words(page, 'Y').fill('ant\nflea\nplorptastic');
    await expect(page.getByText(/“plorptastic” is not in .* vocabulary and will be dropped/)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Not in the model (Y)' })).toContainText('plorptastic');
    await setOption(page, 'Permutations', '2000');
    await setOption(page, 'Bootstrap resamples', '100');
    await runAndReadD(page);
    await expect(page.getByRole('region', { name: /^Results:/ })).toContainText('Y: plorptastic');
  });

  test('word lists · oversized · a 5,000-word set runs with a warning; 5,001 words → “the limit is 5,000”, Run blocked', async ({ page }) => {
    await waitForModel(page);
    const big = pool.slice(500, 5500);
    expect(big.length).toBe(5000);
    await paste(page, 'X', big.join('\n'));
    await expect(page.getByText(/X \(Flowers\) has 5,000 words: the run will take longer/)).toBeVisible();
    await setOption(page, 'Permutations', '200');
    await setOption(page, 'Bootstrap resamples', '20');
    const d = await runAndReadD(page);
    expect(Number.isFinite(Number(d))).toBe(true);
    await paste(page, 'X', pool.slice(500, 5501).join('\n'));
    await expect(page.getByText(/X \(Flowers\) has 5,001 words; the limit is 5,000/)).toBeVisible();
    await expect(runButton(page)).toBeDisabled();
    await stillWorks(page);
  });

  test('vectors · malformed · a vectors file with a bad value on line 3 chosen in the page → names the line, the model stays; a good file loads and runs on JS', async ({ page }) => {
    await chooseFile(page, 'Load word vectors file…', 'bad.vec', 'rose 0.1 0.2 0.3\ntulip 0.2 0.1 0.4\nant 0.5 oops 0.1\n');
    await expect(page.getByRole('alert')).toContainText(/Could not read the vectors file: .*line 3/);
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('glove-6b-100d');

    const rows = [
      'rose 0.9 0.1 0.0', 'tulip 0.8 0.2 0.1', 'lily 0.85 0.15 0.05',
      'ant 0.1 0.9 0.0', 'flea 0.2 0.8 0.1', 'wasp 0.15 0.85 0.05',
      'love 0.9 0.05 0.1', 'peace 0.8 0.1 0.2', 'joy 0.85 0.1 0.1',
      'hatred 0.1 0.9 0.1', 'war 0.2 0.85 0.0', 'agony 0.1 0.8 0.2',
    ];
    await chooseFile(page, 'Load word vectors file…', 'tiny.vec', rows.join('\n') + '\n');
    await expect(page.getByText('Loaded 12 words × 3 dimensions')).toBeVisible();
    await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('JavaScript');
    await words(page, 'X').fill('rose\ntulip\nlily');
    await words(page, 'Y').fill('ant\nflea\nwasp');
    await words(page, 'A').fill('love\npeace\njoy');
    await words(page, 'B').fill('hatred\nwar\nagony');
    await setOption(page, 'Bootstrap resamples', '200');
    const d = await runAndReadD(page);
    expect(Number(d)).toBeGreaterThan(1);
    await expect(page.getByRole('region', { name: /^Results:/ })).toContainText('exact, all 20 partitions');
  });

  test('probe files · malformed · option values abc, 0 and -5 typed in the form → flagged, Run disabled; fixed values reach the run', async ({ page }) => {
    const perms = page.getByRole('textbox', { name: 'Permutations', exact: true });
    await perms.fill('0x10');
    await expect(page.getByText('Permutations must be a whole number from 1 to 10,000,000, written in plain digits (no sign, separators, decimals, exponent or hex); got “0x10”.')).toBeVisible();
    await perms.fill('0');
    await expect(page.getByText('Permutations must be a whole number from 1 to 10,000,000; got “0”.')).toBeVisible();
    const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
    await seed.fill('-5');
    await expect(page.getByText('Seed must be a whole number from 0 to 2,147,483,647; got “-5”.')).toBeVisible();
    await expect(runButton(page)).toBeDisabled();
    await expect(page.getByText('Fix permutations, seed in the options to enable Run.')).toBeVisible();
    await seed.fill('7');
    await perms.fill('500');
    await setOption(page, 'Bootstrap resamples', '0');
    await runAndReadD(page);
    await expect(page.getByRole('region', { name: /^Results:/ })).toContainText('seed 7');
    await expect(page.getByRole('region', { name: /^Results:/ })).toContainText('none (bootstrap off)');
  });
});
