// Shared steps for the browser tests. Expected numbers come from the headless CLI — the same core
// and the same embedded GloVe asset in Node — so a browser test asserts a known number, never a
// bare "it rendered".
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface CliResult {
  probeId: string;
  effectSize: number;
  pValue: number;
  pMethod: string;
  permutations: number;
  ci: { low: number; high: number; level: number } | null;
  sizes: Record<'X' | 'Y' | 'A' | 'B', number>;
  oov: Record<'X' | 'Y' | 'A' | 'B', string[]>;
}
interface CliRun {
  model: { id: string; assetSha256: string | null };
  seed: number;
  results: CliResult[];
}

const textCache = new Map<string, string>();
/** The CLI's JSON output as text (a run record). */
export function cliRunText(probeId: string, seed = 1, extra: string[] = []): string {
  const key = [probeId, seed, ...extra].join(' ');
  if (!textCache.has(key)) {
    textCache.set(
      key,
      execFileSync(process.execPath, [path.join(root, 'bin/bias-workbench.mjs'), 'run', probeId, '--model', 'glove-6b-100d', '--seed', String(seed), '--format', 'json', ...extra], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
  }
  return textCache.get(key)!;
}

const cache = new Map<string, CliRun>();
/** `bias-workbench run <id> --model glove-6b-100d --seed N --format json`, parsed (cached per args). */
export function cliRun(probeId: string, seed = 1, extra: string[] = []): CliRun {
  const key = [probeId, seed, ...extra].join(' ');
  if (!cache.has(key)) cache.set(key, JSON.parse(cliRunText(probeId, seed, extra)) as CliRun);
  return cache.get(key)!;
}

/** Open the app fresh and wait until the embedded model is ready (backend shown). */
export async function openApp(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Bias Probe Workbench' })).toBeVisible();
}

export async function waitForModel(page: Page) {
  await expect(page.getByRole('status', { name: 'Backend' })).toBeVisible({ timeout: 60_000 });
}

export async function openBuiltin(page: Page, title: string) {
  await page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
}

export const WEAT1 = 'WEAT 1: Flowers vs insects × pleasant vs unpleasant';

/** Press Run and wait for the result card of the (first) test. Returns its headline number as shown (d for WEAT). */
export async function runAndReadD(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const d = page.getByRole('region', { name: /^Results:/ }).getByRole('status', { name: 'Headline metric' }).first();
  await expect(d).toBeVisible({ timeout: 90_000 });
  return (await d.textContent())!.trim();
}

export async function setOption(page: Page, label: string, value: string) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await expect(input).toHaveValue(value);
}

export const downloadText = async (download: Download) => readFileSync((await download.path())!, 'utf8');

/** Rows of an exported CSV (papaparse, as the app writes them), blank lines skipped. */
export const parseCsv = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

/**
 * The open LM probe's JSON text box: LM probes open in the form, and the JSON is the "Advanced: edit
 * as JSON" tab, selected here first.
 */
export async function lmProbeJson(page: Page) {
  await page.getByRole('tab', { name: 'Advanced: edit as JSON' }).click();
  return page.getByRole('textbox', { name: 'Probe JSON' });
}
