// What the LM browser tests share: the CLI run of the same probe and options (the reference the
// page's numbers are held to), the headline each family's result shows, and the page steps that
// load a model, set the run options and read the headline back. The CLI runs the same core on
// onnxruntime-node, so page and CLI agree to float32 rounding of the forward pass.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { openApp, setOption, lmProbeJson } from './helpers';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GPT = 'workbench/tiny-gpt2';
export const BERT = 'workbench/tiny-bert';
export const PERMS = '2000';
export const BOOT = '200';
export const tmp = path.join(os.tmpdir(), `lm-e2e-${process.pid}`);
mkdirSync(tmp, { recursive: true });

export interface CliLmRun {
  seed: number;
  model: { id: string; dtype: string };
  results: Record<string, unknown>[];
}

/** `bias-workbench run <id | probe.json> --model workbench/tiny-gpt2 --seed 1 --permutations … --format json`. */
export function cliLmRun(probe: string, seed = 1, model = GPT, extra: readonly string[] = []): CliLmRun {
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'bin/bias-workbench.mjs'), 'run', probe, '--model', model, '--seed', String(seed), '--permutations', PERMS, '--bootstrap', BOOT, '--format', 'json', ...extra],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out) as CliLmRun;
}

/** The built-in's JSON (from the CLI's `probes --json`-free path: the registry file via tsx is not needed — export it from the app). */
export async function builtinJson(page: Page, title: string): Promise<Record<string, unknown>> {
  await page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
  const text = await (await lmProbeJson(page)).inputValue();
  return JSON.parse(text) as Record<string, unknown>;
}

/** The headline value the CLI result has, by family, read from the JSON independently of the app (its choice: src/probes/families/<id>/summary.ts). */
export function cliHeadline(r: Record<string, unknown>): { value: number | null; p: number | null } {
  const g = (o: unknown, ...keys: string[]) => keys.reduce<unknown>((x, k) => (x as Record<string, unknown> | null)?.[k], o);
  switch (r.kind) {
    case 'counterfactual-pairs':
    case 'counterfactual-template':
      return { value: g(r, 'summary', 'meanDelta') as number, p: g(r, 'summary', 'signFlip', 'pValue') as number };
    case 'decision-template': {
      // the contrast with the largest |Δ logit| (the first of equals)
      const cs = (r.comparisons as { difference: number; pValue: number }[]) ?? [];
      const c = cs.reduce<(typeof cs)[number] | undefined>((best, x) => (best === undefined || Math.abs(x.difference) > Math.abs(best.difference) ? x : best), undefined);
      return { value: c?.difference ?? null, p: c?.pValue ?? null };
    }
    case 'mcq-position':
      return { value: r.contentChangeRate as number, p: null };
    case 'pairwise-position': {
      // where order decided some verdicts, the share of those the second position won, with its test; else the consistency
      const primacy = g(r, 'summary', 'primacy') as number;
      const recency = g(r, 'summary', 'recency') as number;
      const side = g(r, 'summary', 'sideTest') as { pValue: number } | null | undefined;
      return side ? { value: recency / (primacy + recency), p: side.pValue } : { value: g(r, 'summary', 'positionalConsistency') as number, p: null };
    }
    case 'lm-iat':
      return { value: r.effectSize as number, p: r.pValue as number };
    case 'llm-iat-prompt':
      return { value: r.meanD as number, p: (g(r, 'test', 'pValue') as number | undefined) ?? null };
    case 'llm-decision-prompt':
      return { value: g(r, 'summary', 'proportion') as number, p: (g(r, 'summary', 'pValue') as number | null) ?? null };
  }
  throw new Error(`unknown kind ${String(r.kind)}`);
}

/**
 * WASM: headless Chromium's WebGPU is SwiftShader (a CPU emulation), far slower for a forward pass.
 * No request for the app's own model files may fail: a failed one (net::ERR_CACHE_WRITE_FAILURE) was
 * the sign of the abandoned-GET stall that src/runtime/net/lazyBodyFetch.ts removes.
 */
export async function setupLm(page: Page, model = GPT) {
  const failed: string[] = [];
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname.startsWith('/models/')) failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(model);
  await expect(page.getByRole('status', { name: 'Backend' })).toBeVisible({ timeout: 90_000 });
  expect(failed).toEqual([]);
  await setOption(page, 'Permutations', PERMS);
  await setOption(page, 'Bootstrap resamples', BOOT);
  await setOption(page, 'Seed', '1');
}

/** Run what is in the editor; returns the headline value (data-value) and the p shown. */
export async function runAndReadHeadline(page: Page): Promise<{ value: number; shown: string; p: string }> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = page.getByRole('region', { name: /^Results:/ });
  const h = results.getByRole('status', { name: 'Headline metric' }).first();
  await expect(h).toBeVisible({ timeout: 110_000 });
  return { value: Number(await h.getAttribute('data-value')), shown: (await h.textContent())!.trim(), p: (await results.getByRole('status', { name: 'p-value' }).first().textContent())!.trim() };
}

/** Prompt families: readable answers of the CLI's result (IAT: iterations used; decision: parsed choices). */
export function cliAnswers(r: Record<string, unknown>): { parsed: number; total: number } | null {
  if (r.kind === 'llm-iat-prompt') return { parsed: r.used as number, total: r.iterations as number };
  if (r.kind === 'llm-decision-prompt') return { parsed: (r.summary as { parsed: number }).parsed, total: (r.items as unknown[]).length };
  return null;
}

export const expectSame = (ui: { value: number; shown: string; p: string }, cli: { value: number | null; p: number | null }) => {
  // A result without a number has its own sentence (runAndExpectCliResult checks it word for word);
  // a comparison of numbers needs the CLI to have one, or "—" on both sides would pass.
  expect(cli.value !== null && Number.isFinite(cli.value), 'the CLI result has a headline number').toBe(true);
  expect(Math.abs(ui.value - cli.value!)).toBeLessThan(1e-3);
  // a descriptive headline (e.g. the share of answers changed by order) has no p: the card says "—"
  if (cli.p === null || !Number.isFinite(cli.p)) expect(ui.p).toBe('—');
  else expect(Math.abs(Number(ui.p) - cli.p)).toBeLessThan(0.01);
};

/**
 * Run what is in the editor and hold the card to the CLI's result of the same probe: its headline
 * number and p, and for the prompt families the count of readable answers — or, when the CLI read
 * none, the card's sentence saying so in place of a number.
 */
export async function runAndExpectCliResult(page: Page, cliResult: Record<string, unknown>, label: string): Promise<void> {
  const expected = cliHeadline(cliResult);
  const answers = cliAnswers(cliResult);
  if (answers && answers.parsed === 0) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByRole('region', { name: /^Results:/ });
    await expect(results.getByText(`None of the ${answers.total} answers could be read: the model did not answer in the requested format — use an instruction model.`, { exact: true })).toBeVisible({ timeout: 110_000 });
    await expect(results.getByRole('status', { name: 'Headline metric' })).toHaveCount(0);
    console.log(`${label}: none of ${answers.total} answers readable, as in the CLI`);
    return;
  }
  const ui = await runAndReadHeadline(page);
  console.log(`${label}: UI ${ui.shown} (${ui.value}), p ${ui.p}; CLI ${expected.value}, p ${expected.p}`);
  expectSame(ui, expected);
  if (answers) await expect(page.getByRole('status', { name: 'Answers parsed' })).toHaveText(`${answers.parsed} of ${answers.total} answers parsed`);
}
