// The main path: run a built-in Caliskan test on the embedded GloVe in the browser, check the d
// against the CLI (same core, same asset, same seed), export CSV and JSON, reload and find the run
// in history, re-run from the seed, and cancel a long run.
import { expect, test } from '@playwright/test';
import { cliRun, downloadText, openApp, openBuiltin, parseCsv, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

test('caliskan-weat-1, seed 1: the d shown equals the CLI d; CSV/JSON exports; history after reload; re-run reproduces', async ({ page }) => {
  const expected = cliRun('caliskan-weat-1', 1).results[0]!;
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Seed', '1');
  await waitForModel(page);
  // Device 'auto' runs the word-vector lookup on WASM even with an adapter, and says why.
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM');
  await expect(page.getByRole('note').filter({ hasText: 'table lookup runs faster on WASM' })).toBeVisible();
  // Choosing WebGPU reloads the model there: --enable-unsafe-webgpu (SwiftShader).
  await page.getByRole('combobox', { name: 'Device' }).selectOption('webgpu');
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WebGPU', { timeout: 60_000 });

  const d = await runAndReadD(page);
  expect(d).toBe(expected.effectSize.toFixed(3));
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByRole('status', { name: 'p-value' })).toBeVisible();
  await expect(results.getByText('Flowers are more associated with pleasant words than insects are, a large effect;')).toBeVisible();
  await expect(results.getByText(/Monte Carlo, 100,000 permutations/).first()).toBeVisible();
  // OOV listed (GloVe 6B lacks one of the flowers)
  for (const w of expected.oov.X) await expect(results.getByText(`X: ${w}`)).toBeVisible();

  // CSV per test
  const [csvDl] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
  expect(csvDl.suggestedFilename()).toMatch(/caliskan-weat-1_glove-6b-100d_q13_seed1_results\.csv$/);
  const rows = parseCsv(await downloadText(csvDl));
  const header = rows[0]!;
  for (const col of ['run_id', 'probe_id', 'model_id', 'seed', 'n_X', 'effect_size', 'sd', 'test_ci_low', 'test_ci_sides', 'robust_ci_low', 'robust_ci_high', 'p_value', 'p_method', 'permutations', 'oov_X'])
    expect(header).toContain(col);
  const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]!]));
  expect(row.probe_id).toBe('caliskan-weat-1');
  expect(row.model_id).toBe('glove-6b-100d');
  expect(row.seed).toBe('1');
  expect(Number(row.effect_size)).toBeCloseTo(expected.effectSize, 6);
  expect(Number(row.p_value)).toBeCloseTo(expected.pValue, 9);
  expect(row.p_method).toBe(expected.pMethod);
  expect(Number(row.n_X)).toBe(expected.sizes.X);

  // CSV per word
  const [itemsDl] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export per-item CSV' }).click()]);
  const items = parseCsv(await downloadText(itemsDl));
  expect(items[0]).toEqual(['run_id', 'probe_id', 'model_id', 'set', 'label', 'word', 'quantity', 'association', 'model_dtype', 'precision']);
  expect(new Set(items.slice(1).map((r) => r[8]))).toEqual(new Set(['q13']));
  expect(items.length - 1).toBe(expected.sizes.X + expected.sizes.Y + expected.sizes.A + expected.sizes.B);

  // JSON run record
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export JSON' }).click()]);
  const record = JSON.parse(await downloadText(jsonDl));
  expect(record.format).toBe('bias-workbench-run@2');
  expect(record.model.id).toBe('glove-6b-100d');
  expect(record.model.assetSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(record.model.backend).toBe('webgpu');
  expect(record.seed).toBe(1);
  expect(record.app.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(record.options.permutations).toBe(100000);
  expect(record.probes[0].id).toBe('caliskan-weat-1');
  // same core, same 13-bit table: WebGPU gives the CLI's numbers to full double precision
  expect(record.results[0].effectSize).toBeCloseTo(expected.effectSize, 12);
  expect(record.results[0].pValue).toBe(expected.pValue);
  expect(record.results[0].ci.low).toBeCloseTo(expected.ci!.low, 12);
  expect(Date.parse(record.finishedAt)).toBeGreaterThanOrEqual(Date.parse(record.startedAt));

  // Reload: the run is in history and opens with the same d
  await page.reload();
  await page.getByRole('button', { name: 'History' }).click();
  const row1 = page.getByRole('row', { name: new RegExp(WEAT1.replace(/[()×]/g, '.')) });
  await expect(row1).toContainText(`d = ${d}`);
  await row1.getByRole('button', { name: /^Open run/ }).click();
  await expect(page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Headline metric' })).toHaveText(d);
  // re-export from the re-opened run: same record
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const record2 = JSON.parse(await downloadText(again));
  expect(record2.runId).toBe(record.runId);
  expect(record2.results).toEqual(record.results);

  // Re-run from the stored seed reproduces the numbers
  await page.getByRole('button', { name: 'Re-run' }).click();
  await expect(page.getByText(/Reproduced: every number identical to the original run/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('row')).toHaveCount(3); // header + 2 runs
});

test('Cancel really stops a long run and the app keeps working', async ({ page }) => {
  await openApp(page);
  await openBuiltin(page, WEAT1);
  await setOption(page, 'Permutations', '10000000');
  await setOption(page, 'Bootstrap resamples', '0');
  await waitForModel(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /permutations [\d,]+ \/ 10,000,000/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Run cancelled')).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  // the page is responsive and a new run works (a fresh scoring worker)
  await setOption(page, 'Permutations', '1000');
  const d = await runAndReadD(page);
  expect(Number(d)).toBeGreaterThan(0.5);
});
