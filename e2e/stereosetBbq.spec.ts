// A StereoSet dev.json and a BBQ JSONL (the test fixtures: real excerpts) imported in the LM editor
// run on the embedded GPT and show the CLI's headline (same core, same model; the page on WASM, the
// CLI on onnxruntime-node): SS, and BBQ's s_AMB ×100. Screenshots of the result at the widths.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cliLmRun, root, runAndReadHeadline, setupLm } from './lmRun';

const LM_BUILTIN = 'Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood';
const stereoSet = path.join(root, 'tests/fixtures/stereoset/dev-excerpt.json');
const bbq = path.join(root, 'tests/fixtures/bbq/bbq-excerpt.jsonl');

test('StereoSet and BBQ files imported on the page give the CLI’s SS and s_AMB on workbench/tiny-gpt2', async ({ page }) => {
  // two imports and two LM runs: ~2 min on this shared 2-core machine at load 18, far less on a quiet one
  test.setTimeout(300_000);
  const ss = (cliLmRun(stereoSet).results[0] as { overall: { ss: number } }).overall.ss;
  const sAmb = (cliLmRun(bbq).results[0] as { overall: { biasAmbiguous: number } }).overall.biasAmbiguous;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupLm(page);
  await page.getByRole('button', { name: `Open ${LM_BUILTIN}`, exact: true }).click();

  await page.getByTestId('import-lm-probe').setInputFiles(stereoSet);
  await expect(page.getByRole('status').filter({ hasText: 'Probe imported' })).toContainText('StereoSet from dev-excerpt.json');
  const s = await runAndReadHeadline(page);
  expect(s.value).toBe(ss);
  expect(s.p).toBe('—');
  const results = page.getByRole('region', { name: /^Results:/ });
  await results.screenshot({ path: '/tmp/e2e-shots/hi1-stereoset-1366.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await results.screenshot({ path: '/tmp/e2e-shots/hi1-stereoset-1024.png' });

  await page.getByTestId('import-lm-probe').setInputFiles(bbq);
  await expect(page.getByRole('status').filter({ hasText: 'Probe imported' })).toContainText('BBQ: Age, Nationality, Religion');
  const b = await runAndReadHeadline(page);
  expect(Math.abs(b.value - 100 * sAmb)).toBeLessThan(1e-9);
  await results.screenshot({ path: '/tmp/e2e-shots/hi1-bbq-1024.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await results.screenshot({ path: '/tmp/e2e-shots/hi1-bbq-390.png' });
});
