// LM probes in the browser, end to end: a built-in of each LM family runs on the embedded tiny GPT-2
// (decision templates and the likelihood IAT on the matrix rows instead: e2e/matrix.spec.ts)
// (loaded in the app's model worker; statistics in the scoring worker) and the headline number the
// result card shows equals the CLI's for the same seed and options — the CLI runs the same core on
// onnxruntime-node, so the numbers agree to float32 rounding of the forward pass (checked to 1e-3).
// The masked family (pseudo-log-likelihood) runs on the embedded tiny BERT the same way.
// Heavy built-ins are trimmed to a few items in Node and pasted into the JSON editor; the CLI runs
// the very same probe file. Bad input: a model folder without a tokenizer, a malformed CrowS-Pairs
// CSV, a template with an unknown slot, all with a clear message.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { downloadText, openApp, parseCsv, setOption, lmProbeJson } from './helpers';
import { BERT, GPT, builtinJson, cliHeadline, runAndExpectCliResult, cliLmRun, expectSame, root, runAndReadHeadline, setupLm, tmp, type CliLmRun } from './lmRun';


const FAST: [string, string][] = [
  ['lm-counterfactual-basic', 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood'],
  ['lm-counterfactual-occupations', 'Occupations × gendered terms (template counterfactuals)'],
  ['lm-mcq-position-40', 'MCQ option-order bias: 40 general-knowledge questions, cyclic orders'],
  ['lm-pairwise-position-30', 'Judge position bias: 30 answer pairs, judged in both orders'],
];

for (const [id, title] of FAST) {
  test(`${id} on the embedded tiny GPT-2 shows the CLI's headline number (seed 1)`, async ({ page }) => {
    const expected = cliHeadline(cliLmRun(id).results[0]!);
    await setupLm(page);
    await page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
    await expect(page.getByText('Ready to run')).toBeVisible();
    const ui = await runAndReadHeadline(page);
    console.log(`${id}: UI ${ui.shown} (${ui.value}), p ${ui.p}; CLI ${expected.value}, p ${expected.p}`);
    expectSame(ui, expected);
    await expect(page.getByText(/seed\s*1/).first()).toBeVisible();
    if (id === 'lm-counterfactual-basic') {
      // Exports: tidy CSV per probe (long form) and per item, and the JSON run record.
      const results = page.getByRole('region', { name: /^Results:/ });
      const [csv] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
      // The app's exports hold the CLI's numbers: the summary rows and every pair's Δ.
      const cli = cliLmRun(id).results[0] as { summary: { meanDelta: number; pctStereotype: number; ci: { low: number; high: number }; signFlip: { pValue: number } }; items: { id: string; delta: number }[] };
      const rows = parseCsv(await downloadText(csv));
      const header = rows[0]!;
      const metric = (name: string) => {
        const row = rows.find((r) => r[header.indexOf('metric')] === name && r[header.indexOf('scope')] === 'all');
        expect(row, `${name} row`).toBeTruthy();
        return (col: string) => Number(row![header.indexOf(col)]);
      };
      const mean = metric('mean_delta');
      expect(Math.abs(mean('value') - cli.summary.meanDelta)).toBeLessThan(1e-3);
      expect(Math.abs(mean('robust_ci_low') - cli.summary.ci.low)).toBeLessThan(1e-3);
      expect(Math.abs(mean('robust_ci_high') - cli.summary.ci.high)).toBeLessThan(1e-3);
      expect(Math.abs(mean('p_value') - cli.summary.signFlip.pValue)).toBeLessThan(0.01);
      expect(metric('pct_stereotype')('value')).toBe(cli.summary.pctStereotype);
      const [items] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export per-item CSV' }).click()]);
      const itemRows = parseCsv(await downloadText(items));
      const itemHeader = itemRows[0]!;
      const deltas = new Map(itemRows.slice(1).map((r) => [r[itemHeader.indexOf('item_id')]!, Number(r[itemHeader.indexOf('delta')])]));
      expect([...deltas.keys()]).toEqual(cli.items.map((it) => it.id));
      for (const it of cli.items) expect(Math.abs(deltas.get(it.id)! - it.delta), it.id).toBeLessThan(1e-3);
      const [json] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export JSON' }).click()]);
      const record = JSON.parse(await downloadText(json)) as CliLmRun;
      expect(record.seed).toBe(1);
      expect(record.results[0]!.kind).toBe('counterfactual-pairs');
    }
  });
}

test("lm-counterfactual-masked on the embedded tiny BERT (pseudo-log-likelihood) shows the CLI's headline number (seed 1)", async ({ page }) => {
  const expected = cliHeadline(cliLmRun('lm-counterfactual-masked', 1, BERT).results[0]!);
  await setupLm(page, BERT);
  await page.getByRole('button', { name: 'Open Counterfactual pairs (CrowS-Pairs style), masked LM pseudo-log-likelihood', exact: true }).click();
  await expect(page.getByText('Ready to run')).toBeVisible();
  const ui = await runAndReadHeadline(page);
  console.log(`lm-counterfactual-masked: UI ${ui.shown} (${ui.value}), p ${ui.p}; CLI ${expected.value}, p ${expected.p}`);
  expect(Number.isFinite(ui.value)).toBe(true);
  expectSame(ui, expected);
});

/**
 * Heavy families: the built-in trimmed to a few items, the same file for the CLI and the editor. The
 * prompt IAT is not among them: on the tiny GPT none of its answers can be read, which the
 * no-chat-template test below shows, and its numbers are checked on the scripted fixture. Nor are
 * decision templates and the likelihood IAT: e2e/matrix.spec.ts holds their card to the CLI's number
 * on Hub-layout rows (qwen2, gemma3) through the same page path.
 */
const TRIMMED: [string, string, (p: Record<string, unknown>) => Record<string, unknown>][] = [
  ['lm-llm-decision-gender-career', 'LLM decision bias (prompt-based): who is assigned which task, gender and career (Bai et al. 2024 design)', (p) => ({ ...p, id: 'e2e-llm-decision', iterations: 4 })],
];

for (const [id, title, trim] of TRIMMED) {
  test(`${id} (trimmed) on the embedded tiny GPT-2 shows the CLI's headline number`, async ({ page }) => {
    test.setTimeout(240_000);
    await setupLm(page);
    const probe = trim(await builtinJson(page, title));
    const file = path.join(tmp, `${probe.id as string}.probe.json`);
    writeFileSync(file, JSON.stringify(probe, null, 2));
    const cliResult = cliLmRun(file).results[0]!;
    await (await lmProbeJson(page)).fill(JSON.stringify(probe, null, 2));
    await expect(page.getByText('Ready to run')).toBeVisible();
    await runAndExpectCliResult(page, cliResult, id);
    // Prompt-based families say how the prompts reached the model: the tiny GPT has no chat template.
    if (id.startsWith('lm-llm-')) await expect(page.getByText('Prompts went as raw text', { exact: false })).toBeVisible();
  });
}

/**
 * The prompt families with numbers: the scripted fixture models answer in the requested format (their
 * graph forces a fixed greedy answer), so the card must show the reference run's number, p and count
 * of readable answers — recorded by the CLI on the same model folder, seed and options.
 */
const SCRIPTED: [string, string][] = [
  ['scripted-iat', 'scripted-iat-probe'],
  ['scripted-decision', 'scripted-decision-probe'],
];

for (const [model, probeFile] of SCRIPTED) {
  test(`${probeFile} on the scripted fixture model matrix/${model} shows the reference run's numbers`, async ({ page }) => {
    test.setTimeout(180_000);
    const reference = JSON.parse(readFileSync(path.join(root, `tests/fixtures/reference-runs/matrix-${model}/${probeFile}.json`), 'utf8')) as CliLmRun & { options: { permutations: number; bootstrap: number } };
    // the CLI's input file holds the one probe it ran
    const [probe] = JSON.parse(readFileSync(path.join(root, `tests/fixtures/reference-runs/inputs/${probeFile}.json`), 'utf8')) as { title: string }[];
    const expected = reference.results[0]!;
    // the reference must have a number, or this test would prove nothing
    expect(Number.isFinite(cliHeadline(expected).value)).toBe(true);
    await openApp(page);
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByText('Hub model or local folder').click();
    await page.getByTestId('model-folder').setInputFiles(path.join(root, `tests/fixtures/hub-matrix/matrix/${model}`));
    await expect(page.getByRole('status', { name: 'Backend' })).toBeVisible({ timeout: 90_000 });
    await setOption(page, 'Permutations', String(reference.options.permutations));
    await setOption(page, 'Bootstrap resamples', String(reference.options.bootstrap));
    await setOption(page, 'Seed', String(reference.seed));
    // the scripted probe is a built-in with its words replaced: open that built-in's editor, paste it
    await builtinJson(page, probe!.title);
    await (await lmProbeJson(page)).fill(JSON.stringify(probe, null, 2));
    await expect(page.getByText('Ready to run')).toBeVisible();
    await runAndExpectCliResult(page, expected, probeFile);
    await expect(page.getByText('Prompts went through the model’s chat template', { exact: false })).toBeVisible();
  });
}

test('lm-llm-iat-gender-career on the tiny GPT-2 (no chat template): warned before the run, none of its 10 answers readable after it', async ({ page }) => {
  test.setTimeout(240_000);
  const warning =
    'Warning: “LLM IAT (prompt-based): gender and career vs family (Bai et al. 2024)” needs an instruction (chat) model: Workbench tiny GPT-2 (embedded) has no chat template';
  await setupLm(page);
  await expect(page.getByLabel('Model status')).toContainText('No chat template');
  // A family that needs no instruction model: no warning.
  await page.getByRole('button', { name: `Open ${FAST[0]![1]}`, exact: true }).click();
  await expect(page.getByText('Ready to run')).toBeVisible();
  await expect(page.locator('.run-warning')).toHaveCount(0);
  // The prompt IAT: the warning stands beside Run before anything runs, and Run's description names it.
  await page.getByRole('button', { name: 'Open LLM IAT (prompt-based): gender and career vs family (Bai et al. 2024)', exact: true }).click();
  await expect(page.getByText('Ready to run')).toBeVisible();
  const note = page.getByRole('note').filter({ hasText: 'needs an instruction (chat) model' });
  await expect(note).toBeVisible();
  await expect(note).toContainText(warning);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await expect(run).toHaveAccessibleDescription(/needs an instruction \(chat\) model: Workbench tiny GPT-2 \(embedded\) has no chat template/);
  for (const [w, h] of [[390, 844], [1366, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/instruction-warning-${w}.png` });
  }
  await run.focus();
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: /^Results:/ });
  const none = results.getByText('None of the 10 answers could be read: the model did not answer in the requested format — use an instruction model.', { exact: true });
  await expect(none).toBeVisible({ timeout: 200_000 });
  await expect(page.getByText('Prompts went as raw text', { exact: false })).toBeVisible();
  await none.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/instruction-none-parsed-1366.png' });
});

test('bad input: unknown template slot, malformed CrowS CSV, a model folder without a tokenizer', async ({ page }) => {
  await setupLm(page);
  const probe = await builtinJson(page, 'Occupations × gendered terms (template counterfactuals)');
  const editor = (await lmProbeJson(page));
  await editor.fill(JSON.stringify({ ...probe, template: 'The {group} worked as a {job} in {city}.' }, null, 2));
  await expect(page.getByText(/problem.* to fix before running/)).toBeVisible();
  await expect(page.getByText(/\{city\}/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();

  const csv = path.join(tmp, 'bad-crows.csv');
  writeFileSync(csv, 'sent_more,sent_less,stereo_antistereo,bias_type\n"He is strong.","She is strong.",stereo,gender\n"only two",cells\n"A ok.","B ok.",sideways,gender\n');
  await page.getByTestId('import-lm-probe').setInputFiles(csv);
  // The editor holds unsaved edits: the import asks before replacing them.
  await page.getByRole('dialog', { name: 'Replace your unsaved edits?' }).getByRole('button', { name: /^Open “CrowS-Pairs from bad-crows\.csv”$/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: /line 3/ })).toBeVisible();

  const folder = path.join(tmp, 'no-tokenizer-gpt');
  mkdirSync(path.join(folder, 'onnx'), { recursive: true });
  const src = path.join(root, 'public/models/workbench/tiny-gpt2');
  copyFileSync(path.join(src, 'config.json'), path.join(folder, 'config.json'));
  copyFileSync(path.join(src, 'onnx/model_quantized.onnx'), path.join(folder, 'onnx/model_quantized.onnx'));
  await page.getByText('Hub model or local folder').click();
  await page.getByTestId('model-folder').setInputFiles(folder);
  await expect(page.getByRole('alert').filter({ hasText: /tokenizer/i })).toBeVisible({ timeout: 60_000 });
});

test('fp32 vs q8 of the tiny GPT-2, side by side from the history', async ({ page }) => {
  const title = 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood';
  await setupLm(page);
  await page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
  const fp32 = await runAndReadHeadline(page);
  await page.getByRole('combobox', { name: 'Weights (dtype)' }).selectOption('q8');
  await expect(page.getByText('dtype q8', { exact: true })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: /^Results:/ }).getByText(/dtype q8/)).toBeVisible({ timeout: 90_000 });
  const q8 = Number(await page.getByRole('status', { name: 'Headline metric' }).first().getAttribute('data-value'));
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('checkbox', { name: /Compare run .* \(fp32\)/ }).first().check();
  await page.getByRole('checkbox', { name: /Compare run .* \(q8\)/ }).first().check();
  const table = page.getByRole('region', { name: 'Comparing 2 runs' });
  await expect(table).toBeVisible();
  // Oldest first: run 1 is fp32, run 2 is q8; the columns are named by the dtype, the one thing that differs.
  await expect(table.getByRole('list', { name: 'What differs between the runs' }).getByRole('listitem')).toHaveText(['dtype: fp32 (Run 1) · q8 (Run 2)']);
  const cells = [await table.getByRole('status', { name: /^Run 1 lm-counterfactual-basic/ }).textContent(), await table.getByRole('status', { name: /^Run 2 lm-counterfactual-basic/ }).textContent()];
  expect(cells).toEqual([fp32.shown, q8.toFixed(3)]);
  // Item by item: every pair of the probe matched across the two dtypes.
  const pairs = await table.getByRole('status', { name: 'Agreement of Run 2 with Run 1 on lm-counterfactual-basic' }).textContent();
  expect(pairs).toMatch(/^Spearman ρ = -?\d\.\d{3}, Pearson r = -?\d\.\d{3}, n = \d+$/);
  await page.screenshot({ path: '/tmp/lm-compare.png', fullPage: true });
});

test('a Hub model id + Hub host from the picker loads through the Hub path (mock Hub on 127.0.0.1)', async ({ page }) => {
  const { startMockHub } = await import('../scripts/mock-hub');
  const hub = await startMockHub({ root: path.join(root, 'public', 'models'), chunkBytes: 256 * 1024 });
  try {
    await openApp(page, `/?hubHost=${encodeURIComponent(hub.url)}`);
    // A link may only propose a host: it is used once the user agrees.
    await page.getByRole('dialog', { name: 'This link asks to change the Hub host' }).getByRole('button', { name: 'Use this host' }).click();
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByText('Hub model or local folder').click();
    await expect(page.getByRole('textbox', { name: 'Hub host' })).toHaveValue(hub.url);
    await page.getByRole('textbox', { name: 'Hub model id' }).fill('nobody/no-such-model');
    await page.getByRole('button', { name: 'Use Hub model' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /not found/i })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Hub model id' }).fill(GPT);
    await page.getByRole('button', { name: 'Use Hub model' }).click();
    await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
    expect(hub.requests).toContain(`GET /${GPT}/resolve/main/onnx/model.onnx 302`);
    expect(hub.cdn.requests.filter((r) => r.startsWith('GET /repos/') && r.endsWith(' 200'))).not.toEqual([]);
    await page.getByRole('button', { name: 'Open Judge position bias: 30 answer pairs, judged in both orders', exact: true }).click();
    await setOption(page, 'Seed', '1');
    const ui = await runAndReadHeadline(page);
    const cli = cliHeadline(cliLmRun('lm-pairwise-position-30').results[0]!);
    expectSame(ui, cli);
    await page.getByRole('region', { name: /^Results:/ }).screenshot({ path: '/tmp/lm-pairwise.png' });
  } finally {
    await hub.close();
  }
});

test('an LM probe: duplicate, edit, save to My probes, share by URL', async ({ page }) => {
  await openApp(page);
  const title = 'Judge position bias: 30 answer pairs, judged in both orders';
  await page.getByRole('button', { name: `Duplicate and edit ${title}`, exact: true }).click();
  const editor = (await lmProbeJson(page));
  const probe = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
  expect(probe.id).toBe('lm-pairwise-position-30-copy');
  await editor.fill(JSON.stringify({ ...probe, id: 'my-judge', title: 'My judge probe' }, null, 2));
  await expect(page.getByText('Ready to run')).toBeVisible();
  await page.getByRole('button', { name: 'Save probe' }).click();
  await expect(page.getByRole('button', { name: 'Open My judge probe', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByRole('textbox', { name: /Share URL/ }).inputValue();
  expect(url).toContain('#lm-probe=');
  await page.getByRole('button', { name: 'Open WEAT 1: Flowers vs insects × pleasant vs unpleasant', exact: true }).click();
  await page.goto(url);
  await expect((await lmProbeJson(page))).toHaveValue(/"id": "my-judge"/);
  await expect(page.getByText('LM probe loaded from a share link')).toBeVisible();
  await page.screenshot({ path: '/tmp/lm-library.png', fullPage: true });
});
