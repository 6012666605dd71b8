// The fixture matrix in the browser: each architecture row (tiny random-weight models in the Hub
// layout and I/O naming of real repos, tests/fixtures/hub-matrix) is loaded BY HUB ID from the mock
// Hub on 127.0.0.1, through the picker, as a user would load the real repo — weights answered with a
// redirect to another origin, as the real Hub does — and one LM family runs on it in the app. The
// headline the result card shows equals the CLI's for the same probe, seed and options on the same
// files (Node, on ONNX Runtime Web's WASM build, the page's engine) to 1e-3. Families rotate over the
// rows so each family runs in the browser at least once; every family on every row runs in Node
// (tests/runtime/lm/matrixFamilies). Most rows run on WASM; two run on WebGPU (SwiftShader here,
// which has no shader-f16, so fp32/q4 weights only). The scripted rows answer the prompt families in
// the requested format, so their headline is a real D / proportion rather than "none parsed".
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startMockHub, type MockHub } from '../scripts/mock-hub';
import { askScriptedDecision, askScriptedIat } from '../tests/fixtures/hub-matrix/scriptedProbes';
import { openApp, setOption, lmProbeJson } from './helpers';
import { BOOT, PERMS, builtinJson, cliAnswers, cliLmRun, root, runAndExpectCliResult, tmp } from './lmRun';

const MATRIX_ROOT = path.join(root, 'tests', 'fixtures', 'hub-matrix');
const TITLES = {
  basic: 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood',
  occupations: 'Occupations × gendered terms (template counterfactuals)',
  decision: 'Decision questions × age, gender and race (discrim-eval style)',
  mcq: 'MCQ option-order bias: 40 general-knowledge questions, cyclic orders',
  pairwise: 'Judge position bias: 30 answer pairs, judged in both orders',
  iat: 'Likelihood IAT: flowers vs insects × pleasant vs unpleasant (WEAT 1 stimuli)',
  llmIat: 'LLM IAT (prompt-based): gender and career vs family (Bai et al. 2024)',
  llmDecision: 'LLM decision bias (prompt-based): who is assigned which task, gender and career (Bai et al. 2024 design)',
  masked: 'Counterfactual pairs (CrowS-Pairs style), masked LM pseudo-log-likelihood',
} as const;

type Edit = (p: Record<string, unknown>) => Record<string, unknown>;
interface RowCase {
  row: string;
  device: 'wasm' | 'webgpu';
  dtype?: 'q8' | 'q4';
  title: string;
  /** Applied to the built-in's JSON before it is pasted into the editor (and given to the CLI). */
  edit?: Edit;
}

const CASES: RowCase[] = [
  { row: 'gpt2', device: 'wasm', title: TITLES.basic },
  { row: 'llama', device: 'wasm', title: TITLES.occupations },
  { row: 'llama', device: 'webgpu', dtype: 'q4', title: TITLES.basic },
  { row: 'qwen2', device: 'wasm', dtype: 'q8', title: TITLES.decision, edit: (p) => ({ ...p, id: 'e2e-decision', questions: (p.questions as unknown[]).slice(0, 1) }) },
  { row: 'qwen3', device: 'wasm', title: TITLES.mcq },
  { row: 'phi3', device: 'wasm', title: TITLES.pairwise },
  { row: 'gemma3', device: 'wasm', title: TITLES.iat, edit: (p) => ({ ...p, id: 'e2e-iat', templates: (p.templates as unknown[] | undefined)?.slice(0, 1) ?? p.templates }) },
  { row: 'mistral', device: 'wasm', title: TITLES.basic },
  { row: 'gpt-neox', device: 'wasm', title: TITLES.llmDecision, edit: (p) => ({ ...p, id: 'e2e-llm-decision', iterations: 2 }) },
  {
    row: 'scripted-iat',
    device: 'wasm',
    title: TITLES.llmIat,
    edit: (p) => askScriptedIat(p, 'e2e-scripted-iat', 3),
  },
  {
    row: 'scripted-decision',
    device: 'wasm',
    title: TITLES.llmDecision,
    edit: (p) => askScriptedDecision(p, 'e2e-scripted-decision', 3),
  },
  { row: 'bert', device: 'wasm', title: TITLES.masked },
  // SwiftShader runs a masked pass slowly and PLL needs one per token: four pairs stand for the probe.
  { row: 'bert', device: 'webgpu', title: TITLES.masked, edit: (p) => ({ ...p, id: 'e2e-masked-webgpu', pairs: (p.pairs as unknown[]).slice(0, 4) }) },
  { row: 'distilbert', device: 'wasm', title: TITLES.masked },
  { row: 'roberta', device: 'wasm', title: TITLES.masked },
  { row: 'xlm-roberta', device: 'wasm', title: TITLES.masked },
];

let hub: MockHub;
test.beforeAll(async () => {
  hub = await startMockHub({ root: MATRIX_ROOT, chunkBytes: 256 * 1024 });
});
test.afterAll(async () => {
  await hub?.close();
});

/** Load `matrix/<row>` from the mock Hub through the picker, on `device`, with `dtype` when given. */
async function loadRow(page: Page, c: RowCase) {
  await openApp(page, `/?hubHost=${encodeURIComponent(hub.url)}`);
  await page.getByRole('dialog', { name: 'This link asks to change the Hub host' }).getByRole('button', { name: 'Use this host' }).click();
  await page.getByRole('combobox', { name: 'Device' }).selectOption(c.device);
  await page.getByText('Hub model or local folder').click();
  await page.getByRole('textbox', { name: 'Hub model id' }).fill(`matrix/${c.row}`);
  await page.getByRole('button', { name: 'Use Hub model' }).click();
  const backend = page.getByRole('status', { name: 'Backend' });
  await expect(backend).toHaveText(c.device === 'webgpu' ? 'WebGPU' : 'WASM', { timeout: 90_000 });
  if (c.dtype) {
    await page.getByRole('combobox', { name: 'Weights (dtype)' }).selectOption(c.dtype);
    await expect(page.getByText(`dtype ${c.dtype}`, { exact: true })).toBeVisible({ timeout: 90_000 });
  }
  await setOption(page, 'Permutations', PERMS);
  await setOption(page, 'Bootstrap resamples', BOOT);
  await setOption(page, 'Seed', '1');
}

for (const c of CASES) {
  test(`matrix/${c.row} from the mock Hub on ${c.device}${c.dtype ? ` (${c.dtype})` : ''}: “${c.title}” shows the CLI's headline`, async ({ page }) => {
    test.setTimeout(300_000);
    await loadRow(page, c);
    // The weights came through the Hub's redirect to its file host.
    expect(hub.requests.some((r) => r.startsWith(`GET /matrix/${c.row}/resolve/main/onnx/`) && r.endsWith(' 302'))).toBe(true);
    const probe = await builtinJson(page, c.title);
    const edited = c.edit ? c.edit(probe) : probe;
    const file = path.join(tmp, `matrix-${c.row}-${c.device}.probe.json`);
    writeFileSync(file, JSON.stringify(edited, null, 2));
    if (c.edit) await (await lmProbeJson(page)).fill(JSON.stringify(edited, null, 2));
    await expect(page.getByText('Ready to run')).toBeVisible();
    // The CLI on ONNX Runtime Web's WASM, the page's engine: quantized kernels differ between engines
    // (onnxruntime-node vs WASM: a few 1e-3 on q8 here), each exact on its own.
    const cli = cliLmRun(file, 1, path.join(MATRIX_ROOT, 'matrix', c.row), ['--device', 'wasm', ...(c.dtype ? ['--dtype', c.dtype] : [])]).results[0]!;
    if (c.row.startsWith('scripted-')) expect(cliAnswers(cli)).toMatchObject({ parsed: cliAnswers(cli)!.total });
    await runAndExpectCliResult(page, cli, `matrix/${c.row} ${c.device}`);
  });
}

test('a broken folder or a missing Hub id after a row: a sentence naming what is wrong, the row kept or one click back to it, nothing downloaded again', async ({ page }) => {
  test.setTimeout(300_000);
  const row: RowCase = { row: 'llama', device: 'wasm', title: TITLES.basic };
  await loadRow(page, row);
  const weightRequests = () => hub.requests.filter((r) => r.startsWith('GET /matrix/llama/resolve/main/onnx/')).length;
  const before = weightRequests();
  // The same row as a picked folder, its ONNX file cut in half (an interrupted copy).
  const folder = path.join(tmp, 'truncated-llama');
  cpSync(path.join(MATRIX_ROOT, 'matrix', 'llama'), folder, { recursive: true });
  const onnx = path.join(folder, 'onnx', 'model.onnx');
  const bytes = readFileSync(onnx);
  writeFileSync(onnx, bytes.subarray(0, bytes.length >> 1));
  await page.getByTestId('model-folder').setInputFiles(folder);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load the model folder' })).toContainText(
    /"truncated-llama": onnx\/model\.onnx is corrupt or not a valid ONNX file \(truncated download\?\)/,
    { timeout: 90_000 },
  );
  // The folder never replaced the row: it is still the model, loaded.
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM');
  await expect(page.getByLabel('Model status')).toContainText('matrix/llama');
  // A Hub id that does not exist does replace the selection; its error offers the way back.
  await page.getByRole('textbox', { name: 'Hub model id' }).fill('matrix/no-such-row');
  await page.getByRole('button', { name: 'Use Hub model' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Model failed to load' });
  await expect(alert).toContainText('matrix/no-such-row', { timeout: 60_000 });
  await alert.getByRole('button', { name: /^Back to matrix\/llama/ }).click();
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 30_000 });
  await page.getByRole('button', { name: `Open ${TITLES.basic}`, exact: true }).click();
  await expect(page.getByText('Ready to run')).toBeVisible();
  const file = path.join(tmp, 'matrix-llama-after-broken.probe.json');
  writeFileSync(file, JSON.stringify(await builtinJson(page, TITLES.basic), null, 2));
  await runAndExpectCliResult(page, cliLmRun(file, 1, path.join(MATRIX_ROOT, 'matrix', 'llama'), ['--device', 'wasm']).results[0]!, 'matrix/llama after a broken folder');
  expect(weightRequests()).toBe(before);
});
