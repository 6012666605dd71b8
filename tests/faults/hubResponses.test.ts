// Fault suite, Hub responses: `workbench/tiny-gpt2` (q8 weights, 3.5 MB) loaded BY ID in Node from
// the mock Hub (scripts/mock-hub.ts) while it misbehaves — an HTML page instead of JSON, server
// errors, a connection cut mid-download, a file stored short, a redirect to a host it should not
// go to. Each load fails with one named error whose sentence says what happened and what to do,
// and the next load (fault gone, same cache folder) downloads afresh and scores exactly like the
// embedded copy: no cut, short or foreign file is served from the cache later.
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHub, type HubFaultRule, type MockHub } from '../../scripts/mock-hub';
import { CorruptModelFileError, ModelLoadError, ModelNotFoundError } from '../../src/core/errors';
import { loadLanguageModel } from '../../src/runtime/lm/node';
import { GPT, MODELS_DIR, sha256Of } from '../runtime/lm/helpers';

const WEIGHTS = 'onnx/model_quantized.onnx';
const TEXT = ['The doctor said that she was tired.'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'faults-hub-'));
let hub: MockHub;
/** A host the Hub has no business redirecting to: it serves the fp32 weights under any path. */
let elsewhere: http.Server;
let elsewhereUrl = '';
let expectedTotal = 0;

beforeAll(async () => {
  hub = await startMockHub({ root: MODELS_DIR, chunkBytes: 256 * 1024 });
  elsewhere = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(statSync(path.join(MODELS_DIR, GPT, 'onnx/model.onnx')).size) });
    createReadStream(path.join(MODELS_DIR, GPT, 'onnx/model.onnx')).pipe(res);
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}/`;
  const local = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, dtype: 'q8' });
  expectedTotal = (await local.tokenLogProbs(TEXT))[0]!.total;
  await local.dispose();
}, 120_000);
afterAll(async () => {
  await hub?.close();
  await new Promise((r) => elsewhere?.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

const freshCache = () => mkdtempSync(path.join(tmp, 'cache-'));
/** Load with `rules` in force; the error, or null after checking the numbers. */
async function loadWith(rules: HubFaultRule[], cacheDir: string): Promise<Error | null> {
  hub.faults.splice(0, hub.faults.length, ...rules);
  try {
    const lm = await loadLanguageModel(GPT, { remoteHost: hub.url, cacheDir, dtype: 'q8' });
    try {
      expect((await lm.tokenLogProbs(TEXT))[0]!.total).toBe(expectedTotal);
      expect(lm.info.sha256[WEIGHTS]).toBe(sha256Of(path.join(MODELS_DIR, GPT, WEIGHTS)));
    } finally {
      await lm.dispose();
    }
    return null;
  } catch (e) {
    return e as Error;
  } finally {
    hub.faults.length = 0;
  }
}
const cdnDownloads = () => hub.cdn.requests.filter((r) => /^GET \/repos\/\S+ 200$/.test(r)).length;
/** The files in the cache's onnx/ folder of the model (none when it was never created). */
const cachedWeights = (cacheDir: string) => (existsSync(path.join(cacheDir, GPT, 'onnx')) ? readdirSync(path.join(cacheDir, GPT, 'onnx')) : []);

describe('fault suite', () => {
  it('Hub responses · malformed · config.json answered with an HTML sign-in page → "sent a web page (HTML) instead of config.json"', async () => {
    const e = await loadWith([{ match: /resolve\/main\/config\.json$/, fault: { kind: 'html' } }], freshCache());
    expect(e).toBeInstanceOf(ModelLoadError);
    expect(e!.message).toBe(
      `${hub.url} sent a web page (HTML) instead of config.json of ${GPT}: a sign-in page, captive portal or proxy? Open ${hub.url} in a browser tab, then retry.`,
    );
  }, 60_000);

  it('Hub responses · malformed · the API answering HTML instead of JSON → the model still loads from its files, same numbers', async () => {
    expect(await loadWith([{ match: /^api\/models\//, fault: { kind: 'html' } }], freshCache())).toBeNull();
  }, 60_000);

  it('Hub responses · malformed · HTTP 500, 502 and 503 for config.json → "answered HTTP 503 (Service Unavailable)", the host’s problem, retry', async () => {
    for (const [status, words] of [[500, 'Internal Server Error'], [502, 'Bad Gateway'], [503, 'Service Unavailable']] as const) {
      const e = await loadWith([{ match: /resolve\/main\/config\.json$/, fault: { kind: 'status', status } }], freshCache());
      expect(e).toBeInstanceOf(ModelLoadError);
      expect(e!.message).toBe(`${hub.url} answered HTTP ${status} (${words}) for config.json of ${GPT}: a problem on the host's side, not with the model. Retry in a minute.`);
    }
  }, 60_000);

  it('Hub responses · malformed · HTTP 404 for the weights and 401 for config.json → ModelNotFoundError naming the file and what 401 means', async () => {
    const e404 = await loadWith([{ match: /resolve\/main\/onnx\/model_quantized\.onnx$/, fault: { kind: 'status', status: 404 } }], freshCache());
    expect(e404).toBeInstanceOf(ModelNotFoundError);
    expect(e404!.message).toMatch(new RegExp(`^${GPT} at ${hub.url}: onnx/model_quantized\\.onnx was not found \\(HTTP 404`));
    const e401 = await loadWith([{ match: /resolve\/main\/config\.json$/, fault: { kind: 'status', status: 401 } }], freshCache());
    expect(e401).toBeInstanceOf(ModelNotFoundError);
    expect(e401!.message).toContain('config.json was not found (HTTP 401: the Hub answers so for a repository that does not exist or is private)');
  }, 60_000);

  it('Hub responses · interrupted · the connection cut 500 kB into the weights → "cut off before its end"; the next load downloads afresh, same numbers', async () => {
    const cache = freshCache();
    const e = await loadWith([{ match: /^cdn:.*model_quantized\.onnx$/, fault: { kind: 'cut', afterBytes: 500_000 }, times: 1 }], cache);
    expect(e).toBeInstanceOf(ModelLoadError);
    expect(e!.message).toBe(`The download of ${WEIGHTS} of ${GPT} from ${hub.url} was cut off before its end (the connection closed); nothing of it was kept. Retry.`);
    expect(cachedWeights(cache)).not.toContain('model_quantized.onnx');
    const before = cdnDownloads();
    expect(await loadWith([], cache)).toBeNull();
    expect(cdnDownloads()).toBe(before + 1);
  }, 60_000);

  it('Hub responses · interrupted · weights stored short (500 kB, headers agreeing) → CorruptModelFileError; the short copy is not served again', async () => {
    const cache = freshCache();
    const e = await loadWith([{ match: /^cdn:.*model_quantized\.onnx$/, fault: { kind: 'truncate', bytes: 500_000 }, times: 1 }], cache);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    expect(e!.message).toMatch(new RegExp(`^${GPT} at ${hub.url}: onnx/model_quantized\\.onnx is corrupt or not a valid ONNX file \\(truncated download\\?\\)`));
    const before = cdnDownloads();
    expect(await loadWith([], cache)).toBeNull();
    expect(cdnDownloads()).toBe(before + 1);
  }, 60_000);

  it('Hub responses · hostile · the weights redirected to an unexpected host serving another file → refused by sha256, not kept; the next load is clean', async () => {
    const cache = freshCache();
    const e = await loadWith([{ match: /resolve\/main\/onnx\/model_quantized\.onnx$/, fault: { kind: 'redirect', location: `${elsewhereUrl}evil/model.onnx` } }], cache);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    const [got, listed] = [sha256Of(path.join(MODELS_DIR, GPT, 'onnx/model.onnx')), sha256Of(path.join(MODELS_DIR, GPT, WEIGHTS))];
    expect(e!.message).toBe(
      `${GPT} at ${hub.url}: ${WEIGHTS} has sha256 ${got.slice(0, 12)}…, but the Hub lists ${listed.slice(0, 12)}… for it: the file came from somewhere else or was changed on the way. It was not used; retry, and check the host if it happens again.`,
    );
    expect(cachedWeights(cache)).not.toContain('model_quantized.onnx');
    expect(await loadWith([], cache)).toBeNull();
  }, 60_000);

  it('Hub responses · hostile · the weights redirected to a host that does not answer → "Could not reach", nothing cached', async () => {
    const cache = freshCache();
    const e = await loadWith([{ match: /resolve\/main\/onnx\/model_quantized\.onnx$/, fault: { kind: 'redirect', location: 'http://127.0.0.1:9/cdn/model.onnx' } }], cache);
    expect(e).toBeInstanceOf(ModelLoadError);
    expect(e!.message).toMatch(new RegExp(`^Could not reach ${hub.url} to fetch ${WEIGHTS} of ${GPT}`));
    expect(cachedWeights(cache)).not.toContain('model_quantized.onnx');
  }, 60_000);

  it('Hub responses · concurrent · two loads of the same Hub model into one cache at once → both score the same; one downloaded copy', async () => {
    const cache = freshCache();
    const [a, b] = await Promise.all([loadWith([], cache), loadWith([], cache)]);
    expect([a, b]).toEqual([null, null]);
    expect(statSync(path.join(cache, GPT, WEIGHTS)).size).toBe(statSync(path.join(MODELS_DIR, GPT, WEIGHTS)).size);
  }, 60_000);
});
