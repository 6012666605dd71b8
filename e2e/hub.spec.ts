// The Hub path in the browser: the built app's model worker loads `workbench/tiny-gpt2` BY ID from a
// mock Hugging Face Hub on 127.0.0.1 (scripts/mock-hub.ts; another origin, so CORS + CORP headers
// matter under the page's COEP; weight files come through its 302 to a second, CDN origin, as on the
// real Hub), through transformers.js with env.remoteHost = the mock, and the
// log-probs it returns equal torch's (the export fixture) and the Node runtime's to 1e-3 — WebGPU
// through SwiftShader, or WASM with a stated fallback reason.
//
// Route into the app: the UI has no Hub picker yet, so the test talks to the app's real model worker
// (assets/model.worker-*.js of the served build, the one the page itself uses) over its real comlink API
// (`lmLoad`, `lmTokenLogProbs` — src/runtime/lm/service.ts), with comlink's UMD build injected into
// the page. No test-only code ships in the app. When the picker gains "Hub model id" + "Hub host",
// this test should drive those inputs instead.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startMockHub, type MockHub } from '../scripts/mock-hub';
import { loadLanguageModel } from '../src/runtime/lm/node';

const repo = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const modelsDir = path.resolve(process.env.LM_TEST_MODELS_DIR ?? path.join(repo, 'public', 'models'));
const GPT = 'workbench/tiny-gpt2';
// Known values: torch's log-probs of the first two fixture sentences with <|endoftext|> prepended
// (tests/fixtures/lm/tiny-gpt2.logprobs.json, written by scripts/lm/export_gpt.py).
const fixtureFile = path.join(process.env.LM_TEST_FIXTURES_DIR ?? path.join(repo, 'tests', 'fixtures', 'lm'), 'tiny-gpt2.logprobs.json');
const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as { sentences: { text: string; bos: { total: number } }[] };
const TEXTS = fixture.sentences.slice(0, 2).map((s) => s.text);
const TORCH_TOTALS = fixture.sentences.slice(0, 2).map((s) => s.bos.total);

// comlink goes in as an inline <script>, which the page's security policy refuses: the policy is
// e2e/egress.spec.ts's subject, not this file's.
test.use({ bypassCSP: true });

let hub: MockHub;
test.beforeAll(async () => {
  hub = await startMockHub({ root: modelsDir, chunkBytes: 128 * 1024, latencyMs: 1 });
});
test.afterAll(async () => {
  await hub?.close();
});

/**
 * The hashed URL of the app's model worker, found in the served build: breadth-first through the JS
 * chunks reachable from index.html (the client that creates the worker may sit in a lazy chunk).
 */
async function workerAsset(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/')).text();
  const queue = [...html.matchAll(/assets\/[\w.-]+\.js/g)].map((m) => m[0]);
  if (!queue.length) throw new Error('no JS chunk in index.html: run `npx vite build` first');
  const seen = new Set<string>();
  while (queue.length) {
    const chunk = queue.shift()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    const js = await (await request.get(`/${chunk}`)).text();
    const worker = /model\.worker-[\w-]+\.js/.exec(js)?.[0];
    if (worker) return `/assets/${worker}`;
    for (const m of js.matchAll(/[\w.-]+-[\w-]{8}\.js/g)) {
      const next = `assets/${m[0]}`;
      if (!seen.has(next) && !/worker|ort[.-]/.test(m[0])) queue.push(next);
    }
  }
  throw new Error(`no chunk reachable from index.html references model.worker-*.js (looked at ${seen.size})`);
}

interface PageResult {
  info?: {
    id: string;
    source: string;
    kind: string;
    backend: string;
    dtype: string;
    fallbackReason?: string;
    sha256: Record<string, string>;
    fileSha256?: Record<string, string>;
    revision?: string;
  };
  events: string[];
  totals: number[];
  error?: { name: string; message: string };
}

type SourceSpec =
  | { type: 'hub'; id: string }
  | { type: 'embedded'; id: string }
  /** A "picked folder": the page fetches these files of `id` from the mock hub and passes them as Blobs. */
  | { type: 'files'; id: string; name: string; files: string[] };

async function loadInPage(page: Page, spec: SourceSpec, device: 'auto' | 'wasm' | 'webgpu' = 'auto', host = hub.url, dtype = 'auto'): Promise<PageResult> {
  const workerUrl = await workerAsset(page.request);
  await page.goto('/');
  await page.addScriptTag({ path: path.join(repo, 'node_modules/comlink/dist/umd/comlink.js') });
  return page.evaluate(
    async ({ workerUrl, host, spec, device, dtype, texts }) => {
      type Api = {
        lmLoad(s: unknown, p: unknown, cb: unknown): Promise<PageResult['info']>;
        lmTokenLogProbs(id: string, t: string[]): Promise<{ total: number }[]>;
      };
      const C = (globalThis as unknown as { Comlink: { wrap<T>(w: Worker): T; proxy<T>(f: T): T } }).Comlink;
      const api = C.wrap<Api>(new Worker(workerUrl, { type: 'module' }));
      const events: string[] = [];
      try {
        let source: unknown = { type: spec.type, id: spec.id, remoteHost: host };
        if (spec.type === 'files') {
          const files = await Promise.all(
            spec.files.map(async (f) => ({ path: `${spec.name}/${f}`, file: await (await fetch(`${host}${spec.id}/resolve/main/${f}`)).blob() })),
          );
          source = { type: 'files', name: spec.name, files };
        }
        const info = await api.lmLoad(
          source,
          { device, dtype },
          C.proxy((p: { status: string; file?: string }) => events.push(`${p.status}:${p.file ?? ''}`)),
        );
        const res = await api.lmTokenLogProbs(info!.id, texts);
        return { info, events, totals: res.map((r) => r.total) };
      } catch (e) {
        return { events, totals: [], error: { name: (e as Error).name, message: (e as Error).message } };
      }
    },
    { workerUrl, host, spec, device, dtype, texts: TEXTS },
  );
}

let expectedTotals: number[] | undefined;
/** The same texts scored by the Node runtime (onnxruntime-node) on the embedded files. */
async function nodeTotals(): Promise<number[]> {
  if (!expectedTotals) {
    const node = await loadLanguageModel(GPT, { modelsDir });
    expectedTotals = (await node.tokenLogProbs(TEXTS)).map((r) => r.total);
    await node.dispose();
  }
  return expectedTotals;
}

/** Requests that left 127.0.0.1 (a CDN fetch of ORT's wasm would show up here). */
const offHost = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol.startsWith('http')) urls.push(r.url());
  });
  return urls;
};

test('loads the embedded GPT by Hub id from a mock hub and scores like Node', async ({ page }) => {
  const expected = await nodeTotals();
  const external = offHost(page);
  // WebGPU chosen explicitly: headless Chromium's adapter is SwiftShader, which "Auto" skips for LMs.
  const r = await loadInPage(page, { type: 'hub', id: GPT }, 'webgpu');
  expect(r.error).toBeUndefined();
  expect(r.info).toMatchObject({ id: GPT, source: 'hub', kind: 'causal-lm', dtype: 'fp32', backend: 'webgpu' });
  test.info().annotations.push({ type: 'backend', description: `${r.info!.backend}${r.info!.fallbackReason ? ` (${r.info!.fallbackReason})` : ''}` });
  console.log(`hub.spec: backend ${r.info!.backend}${r.info!.fallbackReason ? ` — ${r.info!.fallbackReason}` : ''}; totals ${r.totals.join(', ')}`);
  expect(r.info!.sha256['onnx/model.onnx']).toMatch(/^[0-9a-f]{64}$/);
  // The commit the files came from, and a hash for every file read (the same bytes as on disk).
  expect(r.info!.revision).toBe(await hub.commitOf(GPT));
  expect(r.info!.fileSha256?.['config.json']).toBe(createHash('sha256').update(readFileSync(path.join(modelsDir, GPT, 'config.json'))).digest('hex'));
  // Fetched from the mock hub, with download progress.
  expect(hub.requests).toContain(`GET /${GPT}/resolve/main/onnx/model.onnx 302`);
  expect(hub.cdn.requests.filter((r) => r.startsWith('GET /repos/') && r.endsWith(' 200'))).not.toEqual([]);
  expect(r.events).toContain('initiate:onnx/model.onnx');
  expect(r.events.filter((e) => e === 'progress:onnx/model.onnx').length).toBeGreaterThan(1);
  expect(r.events).toContain('done:onnx/model.onnx');
  expect(r.events.at(-1)).toBe('ready:');
  // The known numbers: torch's, and the Node runtime's.
  r.totals.forEach((t, i) => expect(Math.abs(t - TORCH_TOTALS[i]!)).toBeLessThan(1e-3));
  r.totals.forEach((t, i) => expect(Math.abs(t - expected[i]!)).toBeLessThan(1e-3));
  expect(external).toEqual([]);
});

test('an unknown Hub id fails with ModelNotFoundError (the Hub answers 401 RepoNotFound)', async ({ page }) => {
  const r = await loadInPage(page, { type: 'hub', id: 'nobody/no-such-model' });
  expect(r.error?.name).toBe('ModelNotFoundError');
  expect(r.error?.message).toMatch(/not found/);
  expect(hub.requests).toContain('GET /nobody/no-such-model/resolve/main/config.json 401');
});

test('a folder the user picked loads through the same path, on WASM with the bundled wasm files', async ({ page }) => {
  const expected = await nodeTotals();
  const external = offHost(page);
  const files = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
  const r = await loadInPage(page, { type: 'files', id: GPT, name: 'my tiny gpt', files }, 'wasm');
  expect(r.error).toBeUndefined();
  expect(r.info).toMatchObject({ id: 'local/my-tiny-gpt', source: 'files', kind: 'causal-lm', backend: 'wasm', dtype: 'fp32' });
  r.totals.forEach((t, i) => expect(Math.abs(t - expected[i]!)).toBeLessThan(1e-4));
  expect(external).toEqual([]);
});

test('the embedded GPT loads from the app’s own /models/ (offline settings, no CDN)', async ({ page }) => {
  const expected = await nodeTotals();
  const external = offHost(page);
  const r = await loadInPage(page, { type: 'embedded', id: GPT });
  expect(r.error).toBeUndefined();
  expect(r.info).toMatchObject({ id: GPT, source: 'embedded', kind: 'causal-lm', dtype: 'fp32' });
  // "Auto" on a software adapter (SwiftShader here) runs the LM on WASM and says why.
  expect(r.info).toMatchObject({ backend: 'wasm', fallbackReason: expect.stringContaining('software fallback (google swiftshader)') });
  expect(r.events).toContain('done:onnx/model.onnx');
  r.totals.forEach((t, i) => expect(Math.abs(t - expected[i]!)).toBeLessThan(1e-3));
  expect(external).toEqual([]);
});

test('a gated repo is refused with GatedModelError and fp32 too large for WASM with ModelTooLargeError, before download; auto picks the dtype that fits', async ({ page }) => {
  // A second mock Hub: a gated copy of the GPT, and a copy whose API reports a 5 GB model.onnx.
  const root = mkdtempSync(path.join(os.tmpdir(), 'hub-spec-'));
  cpSync(path.join(modelsDir, GPT), path.join(root, 'gated/tiny-gpt2'), { recursive: true, dereference: true });
  writeFileSync(path.join(root, 'gated/tiny-gpt2/.gated'), 'manual');
  cpSync(path.join(modelsDir, GPT), path.join(root, 'big/tiny-gpt2'), { recursive: true, dereference: true });
  const other = await startMockHub({ root, reportedSizes: { 'big/tiny-gpt2': { 'onnx/model.onnx': 5_000_000_000 } } });
  try {
    const gated = await loadInPage(page, { type: 'hub', id: 'gated/tiny-gpt2' }, 'wasm', other.url);
    expect(gated.error).toEqual({
      name: 'GatedModelError',
      message:
        `gated/tiny-gpt2 is gated on the Hugging Face Hub: sign in and request access on its page (${other.url}gated/tiny-gpt2), then download its files and load them as a local folder, ` +
        'because the workbench sends no access token and so cannot download gated files itself.',
    });
    const big = await loadInPage(page, { type: 'hub', id: 'big/tiny-gpt2' }, 'wasm', other.url, 'fp32');
    expect(big.error?.name).toBe('ModelTooLargeError');
    expect(big.error?.message).toMatch(/^big\/tiny-gpt2 \(fp32\) cannot load on WASM: onnx\/model\.onnx is 5,000 MB in one protobuf.*pick q4 or q4f16 weights or a smaller model\.$/);
    // 'auto' skips the dtype that cannot fit and loads q8; the 5 GB file is never requested.
    const auto = await loadInPage(page, { type: 'hub', id: 'big/tiny-gpt2' }, 'wasm', other.url);
    expect(auto.error).toBeUndefined();
    expect(auto.info).toMatchObject({ dtype: 'q8', backend: 'wasm', revision: await other.commitOf('big/tiny-gpt2') });
    expect(other.requests.filter((r) => r.includes('/onnx/model.onnx '))).toEqual([]);
    expect(other.requests).toContain('GET /big/tiny-gpt2/resolve/main/onnx/model_quantized.onnx 302');
  } finally {
    await other.close();
    rmSync(root, { recursive: true, force: true });
  }
});

