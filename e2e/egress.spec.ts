// Where the page's requests go. Every request of the browser context is recorded — the page's and
// its workers' (Playwright reports a dedicated worker's fetches with the page; the test proves it sees
// them by finding the model worker's own downloads in the record) — together with every Content-
// Security-Policy violation (the page's `securitypolicyviolation` events and console, and through CDP
// the console and issues of each worker, where Playwright does not look).
//  1. Embedded models: WEAT and SEAT on GloVe, every LM family on the tiny GPT-2 (each built-in cut to a
//     few items) and the masked-LM scoring on the tiny BERT: no request leaves the page's origin.
//  2. A Hub model from a mock Hub the user confirmed: only that host and the host its downloads
//     redirect to (the mock answers weight files with a 302 to a second origin, as the real Hub does)
//     are contacted besides the page's own, and the mock servers' logs hold nothing the page's record
//     lacks.
//  3. A Hub host the served policy does not admit (localhost is not 127.0.0.1 to a policy): nothing
//     reaches it, and the user reads that the security policy blocked it and which setting admits it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startMockHub } from '../scripts/mock-hub';
import { HUB_HOSTS_SETTING } from '../src/core/hubHostsSetting';
import { lmProbeJson, openApp, openBuiltin, runAndReadD, setOption, waitForModel, WEAT1 } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GPT = 'workbench/tiny-gpt2';
const BERT = 'workbench/tiny-bert';
const SEAT1 = 'SEAT 1: Flowers vs insects × pleasant vs unpleasant';
const MASKED = 'Counterfactual pairs (CrowS-Pairs style), masked LM pseudo-log-likelihood';

interface Traffic {
  /** Every http(s)/ws(s) URL the context requested, page and workers. */
  urls: string[];
  /** CSP refusals: page events and console lines (workers included). */
  violations: string[];
}

async function recordTraffic(context: BrowserContext, page: Page): Promise<Traffic> {
  const traffic: Traffic = { urls: [], violations: [] };
  const keep = (url: string) => {
    if (/^(https?|wss?):/.test(url)) traffic.urls.push(url);
  };
  context.on('request', (r) => keep(r.url()));
  page.on('websocket', (ws) => keep(ws.url()));
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) traffic.violations.push(m.text());
  });
  await watchWorkerViolations(context, page, traffic.violations);
  await page.exposeFunction('__reportCspViolation', (v: string) => traffic.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  return traffic;
}

/**
 * CSP refusals inside the page's workers: a worker served with the policy header enforces it itself,
 * and Chromium reports its refusals only to that worker's console and issues, which Playwright does not
 * forward. A CDP session of the page auto-attaches to each worker (non-flat mode, so its messages come
 * through this session) and reads both.
 */
async function watchWorkerViolations(context: BrowserContext, page: Page, out: string[]) {
  const cdp = await context.newCDPSession(page);
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    ['Log.enable', 'Audits.enable'].forEach((method, i) =>
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i + 1, method }) }).catch(() => undefined),
    );
  });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message) as { method?: string; params?: { entry?: { text: string }; issue?: { code: string; details: unknown } } };
    if (m.method === 'Log.entryAdded' && /Content.Security.Policy/i.test(m.params!.entry!.text)) out.push(`worker: ${m.params!.entry!.text}`);
    if (m.method === 'Audits.issueAdded' && m.params!.issue!.code === 'ContentSecurityPolicyIssue') out.push(`worker issue: ${JSON.stringify(m.params!.issue!.details)}`);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
}

const originsOf = (urls: string[]) => [...new Set(urls.map((u) => new URL(u).origin))].sort();

/** One built-in per LM family, cut to a few items so that each runs in seconds (the requests are what is tested). */
const LM_FAMILIES: [string, (p: Probe) => Probe][] = [
  ['Counterfactual pairs (CrowS-Pairs style), causal LM full-sentence log-likelihood', (p) => ({ ...p, pairs: (p.pairs as unknown[]).slice(0, 4) })],
  ['Occupations × gendered terms (template counterfactuals)', (p) => ({ ...p, slots: { occupation: (p.slots as { occupation: unknown[] }).occupation.slice(0, 3) } })],
  [
    'Decision questions × age, gender and race (discrim-eval style)',
    // one question, two levels of each attribute (the reference level among them): 8 prompts instead of 288
    (p) => ({ ...p, questions: (p.questions as unknown[]).slice(0, 1), attributes: (p.attributes as { values: string[] }[]).map((a) => ({ ...a, values: a.values.slice(0, 2) })) }),
  ],
  ['MCQ option-order bias: 40 general-knowledge questions, cyclic orders', (p) => ({ ...p, questions: (p.questions as unknown[]).slice(0, 3) })],
  ['Judge position bias: 30 answer pairs, judged in both orders', (p) => ({ ...p, items: (p.items as unknown[]).slice(0, 3) })],
  [
    'Likelihood IAT: flowers vs insects × pleasant vs unpleasant (WEAT 1 stimuli)',
    (p) => {
      const first4 = (sets: Record<string, { words: string[] }>) => Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, { ...v, words: v.words.slice(0, 4) }]));
      return { ...p, templates: (p.templates as unknown[]).slice(0, 1), targets: first4(p.targets as never), attributes: first4(p.attributes as never) };
    },
  ],
  ['LLM IAT (prompt-based): gender and career vs family (Bai et al. 2024)', (p) => ({ ...p, iterations: 1, generation: { ...(p.generation as object), maxNewTokens: 8 } })],
  [
    'LLM decision bias (prompt-based): who is assigned which task, gender and career (Bai et al. 2024 design)',
    (p) => ({ ...p, iterations: 1, scenarios: (p.scenarios as unknown[]).slice(0, 1), generation: { ...(p.generation as object), maxNewTokens: 8 } }),
  ],
];
type Probe = Record<string, unknown>;

/**
 * Open a built-in LM probe, replace it with its cut-down JSON, run it and wait for the card.
 * `overEdits`: the editor holds an earlier cut-down, so the app first asks before replacing it.
 */
async function runCutDown(page: Page, title: string, cut: (p: Probe) => Probe, overEdits: boolean) {
  await page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
  if (overEdits) await page.getByRole('dialog', { name: 'Replace your unsaved edits?' }).getByRole('button', { name: `Open “${title}”` }).click();
  const json = await lmProbeJson(page);
  await json.fill(JSON.stringify(cut(JSON.parse(await json.inputValue()) as Probe)));
  await expect(page.getByText('Ready to run')).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const card = page.getByRole('region', { name: `Results: ${title}` });
  // A card with a number, or (prompt families on a model that is not instruction-tuned) the sentence saying none could be read.
  await expect(card.getByRole('status', { name: 'Headline metric' }).or(card.getByText(/could (not )?be read/)).first()).toBeVisible({ timeout: 110_000 });
}

test('embedded models only: every family runs and no request leaves the page’s origin', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  const traffic = await recordTraffic(context, page);
  const t0 = Date.now();
  const lap = (what: string) => console.log(`egress: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await openApp(page);
  await waitForModel(page);
  await setOption(page, 'Permutations', '200');
  await setOption(page, 'Bootstrap resamples', '50');
  // Word vectors (GloVe): WEAT and SEAT.
  await openBuiltin(page, WEAT1);
  expect(Number(await runAndReadD(page))).toBeGreaterThan(1);
  // A chart's PNG export draws its SVG from a data: URL (img-src), then downloads a blob.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download .* as PNG$/ }).first().click()]);
  expect(readFileSync((await png.path())!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await openBuiltin(page, SEAT1);
  expect(Number(await runAndReadD(page))).toBeGreaterThan(0);
  lap('WEAT, SEAT on GloVe');
  // Every LM family on the tiny GPT-2.
  await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(GPT);
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
  for (const [i, [title, cut]] of LM_FAMILIES.entries()) {
    await runCutDown(page, title, cut, i > 0);
    lap(title);
  }
  lap(`${LM_FAMILIES.length} LM families on the tiny GPT-2`);
  // The masked-LM scoring on the tiny BERT.
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(BERT);
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
  await runCutDown(page, MASKED, (p) => ({ ...p, pairs: (p.pairs as unknown[]).slice(0, 4) }), true);
  lap(`masked scoring on the tiny BERT; ${traffic.urls.length} requests`);

  const own = new URL(baseURL!).origin;
  // The record holds the workers' requests: the model worker fetched both LMs' weights.
  expect(traffic.urls.some((u) => u.startsWith(`${own}/models/${GPT}/onnx/model`))).toBe(true);
  expect(traffic.urls.some((u) => u.startsWith(`${own}/models/${BERT}/onnx/model`))).toBe(true);
  expect(traffic.urls.some((u) => /\/assets\/ort-wasm-simd-threaded[\w.-]*\.wasm$/.test(u))).toBe(true);
  expect(originsOf(traffic.urls)).toEqual([own]);
  expect(traffic.violations).toEqual([]);
});

test('a confirmed Hub model: only that host and its download host are contacted', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const hub = await startMockHub({ root: path.join(root, 'public', 'models'), chunkBytes: 256 * 1024 });
  try {
    const traffic = await recordTraffic(context, page);
    const host = hub.url.endsWith('/') ? hub.url : `${hub.url}/`;
    await openApp(page, `/?hubHost=${encodeURIComponent(hub.url)}&hubModel=${GPT}`);
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByRole('dialog', { name: 'This link asks to load a model' }).getByRole('button', { name: `Load from ${host}` }).click();
    await expect(page.getByRole('status', { name: 'Backend' })).toHaveText('WASM', { timeout: 90_000 });
    await runCutDown(page, LM_FAMILIES[0]![0], LM_FAMILIES[0]![1], false);

    const own = new URL(baseURL!).origin;
    const hubOrigin = new URL(hub.url).origin;
    const cdnOrigin = new URL(hub.cdn.url).origin;
    expect(originsOf(traffic.urls)).toEqual([own, hubOrigin, cdnOrigin].sort());
    // Both mock servers were used (weights through the redirect), and each request they answered is
    // in the page's record: nothing reached them unseen.
    expect(hub.requests).toContain(`GET /${GPT}/resolve/main/onnx/model.onnx 302`);
    expect(hub.cdn.requests.some((r) => r.startsWith('GET /repos/') && r.endsWith(' 200'))).toBe(true);
    const seen = (origin: string) => traffic.urls.filter((u) => u.startsWith(origin)).length;
    expect(seen(hubOrigin)).toBeGreaterThanOrEqual(hub.requests.length);
    expect(seen(cdnOrigin)).toBeGreaterThanOrEqual(hub.cdn.requests.length);
    expect(traffic.violations).toEqual([]);
  } finally {
    await hub.close();
  }
});

test('a Hub host the policy does not admit: nothing reaches it, and the message names the setting', async ({ page, context }) => {
  const hub = await startMockHub({ root: path.join(root, 'public', 'models') });
  try {
    const traffic = await recordTraffic(context, page);
    // The same server under another name: the served policy admits http://127.0.0.1:*, not localhost.
    const other = hub.url.replace('127.0.0.1', 'localhost');
    const host = other.endsWith('/') ? other : `${other}/`;
    await openApp(page, `/?hubHost=${encodeURIComponent(other)}&hubModel=${GPT}`);
    await page.getByRole('combobox', { name: 'Device' }).selectOption('wasm');
    await page.getByRole('dialog', { name: 'This link asks to load a model' }).getByRole('button', { name: `Load from ${host}` }).click();
    const origin = new URL(other).origin;
    const alert = page.getByRole('alert').filter({ hasText: 'security policy' });
    await expect(alert).toContainText(`blocked the download from ${origin}`, { timeout: 60_000 });
    await expect(alert).toContainText(`set ${HUB_HOSTS_SETTING}=${origin}`);
    expect(hub.requests).toEqual([]);
    // The refusal happened in the model worker, and the worker watch saw it (so its silence elsewhere means something).
    expect(traffic.violations.some((v) => v.startsWith('worker') && v.includes(`${origin}/`) && v.includes('connect-src'))).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/e2e-shots/he-blocked-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/e2e-shots/he-blocked-390.png' });
  } finally {
    await hub.close();
  }
});
