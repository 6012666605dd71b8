// The Hub as the real one answers (scripts/mock-hub.ts) and what the runtime does with it:
//  - weight files answer 302 to a second origin (the CDN) with X-Repo-Commit, X-Linked-Etag,
//    X-Linked-Size and Location, and the load follows it (both servers' request logs show it);
//  - a small file answers directly, its ETag being its git blob id (checked against `git hash-object`);
//  - a gated repo answers 401 GatedRepo (403 with a token that has no access) and the load fails
//    with GatedModelError's sentence, before any weights are requested;
//  - LmInfo and the run record carry the commit and the sha256 of every file read, equal to the
//    sha256 of the files on disk (node:crypto) and to the mock's commit;
//  - sizes read before downloading: a repo whose API reports a 5 GB model.onnx is refused on WASM
//    (ModelTooLargeError, nothing downloaded) and loads on onnxruntime-node; a local folder whose
//    model.onnx is a 3 GB sparse file is refused in fp32 and loads q8 under 'auto'.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHub, type MockHub } from '../../../scripts/mock-hub';
import { runProbesOnModel } from '../../../src/cli/commands/run';
import { loadedLanguageModel } from '../../../src/cli/modelLoaders';
import { DEFAULT_LM_RUN_OPTIONS } from '../../../src/core/lmRun';
import { GatedModelError, ModelTooLargeError } from '../../../src/core/errors';
import { getAnyBuiltinProbe, type AnyProbe } from '../../../src/probes';
import { parseRunRecord } from '../../../src/probes/runRecordSchema';
import { loadLanguageModel } from '../../../src/runtime/lm/node';
import { GPT, MODELS_DIR, SENTENCES, sha256Of } from './helpers';

let hub: MockHub;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lm-hubrepo-'));
const root = path.join(tmp, 'root');
const freshCache = () => mkdtempSync(path.join(tmp, 'cache-'));
const GATED = 'gated/tiny-gpt2';
const BIG = 'big/tiny-gpt2';
const FIVE_GB = 5_000_000_000;

/** Every file of a folder, '/'-separated relative paths, sorted. */
const filesOf = (dir: string, prefix = ''): string[] =>
  readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesOf(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
const gitBlobId = (file: string) => execFileSync('git', ['hash-object', '--no-filters', file], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  cpSync(path.join(MODELS_DIR, GPT), path.join(root, GPT), { recursive: true, dereference: true });
  cpSync(path.join(root, GPT), path.join(root, GATED), { recursive: true });
  writeFileSync(path.join(root, GATED, '.gated'), 'manual');
  cpSync(path.join(root, GPT), path.join(root, BIG), { recursive: true });
  hub = await startMockHub({ root, reportedSizes: { [BIG]: { 'onnx/model.onnx': FIVE_GB } }, acceptedTokens: ['hf_granted'] });
});
afterAll(async () => {
  await hub?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the mock Hub answers like huggingface.co', () => {
  it('a weight file: 302 to another origin with the Hub headers; the CDN serves the same bytes', async () => {
    const file = path.join(root, GPT, 'onnx/model.onnx');
    const commit = await hub.commitOf(GPT);
    const res = await fetch(`${hub.url}${GPT}/resolve/main/onnx/model.onnx`, { method: 'HEAD', redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).not.toBe(new URL(hub.url).origin);
    expect(location.origin).toBe(new URL(hub.cdn.url).origin);
    expect(res.headers.get('x-repo-commit')).toBe(commit);
    expect(res.headers.get('x-linked-size')).toBe(String(statSync(file).size));
    expect(res.headers.get('x-linked-etag')).toBe(`"${sha256Of(file)}"`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-Repo-Commit.*X-Error-Code.*X-Linked-Size/);
    const body = new Uint8Array(await (await fetch(location)).arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(sha256Of(file));
  });

  it('a small file: 200 with X-Repo-Commit and its git blob id as ETag; the commit is sha1 over "path blobId" lines', async () => {
    const dir = path.join(root, GPT);
    const res = await fetch(`${hub.url}${GPT}/resolve/main/config.json`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${gitBlobId(path.join(dir, 'config.json'))}"`);
    const lines = filesOf(dir).map((f) => `${f} ${gitBlobId(path.join(dir, f))}\n`);
    const commit = createHash('sha1').update(lines.join('')).digest('hex');
    expect(res.headers.get('x-repo-commit')).toBe(commit);
    expect(await hub.commitOf(GPT)).toBe(commit);
    // The revision can be named by that commit, and an unknown one is RevisionNotFound.
    expect((await fetch(`${hub.url}${GPT}/resolve/${commit}/config.json`, { method: 'HEAD' })).status).toBe(200);
    const bad = await fetch(`${hub.url}${GPT}/resolve/${'0'.repeat(40)}/config.json`, { method: 'HEAD' });
    expect([bad.status, bad.headers.get('x-error-code')]).toEqual([404, 'RevisionNotFound']);
  });

  it('the API: sha and siblings; with ?blobs=true sizes, LFS sizes and the reported 5 GB', async () => {
    const plain = (await (await fetch(`${hub.url}api/models/${GPT}`)).json()) as { sha: string; siblings: unknown[] };
    expect(plain.sha).toBe(await hub.commitOf(GPT));
    expect(plain.siblings).toEqual(filesOf(path.join(root, GPT)).map((rfilename) => ({ rfilename })));
    const big = (await (await fetch(`${hub.url}api/models/${BIG}/revision/main?blobs=true`)).json()) as {
      siblings: Array<{ rfilename: string; size: number; lfs?: { size: number; sha256: string } }>;
    };
    const byName = new Map(big.siblings.map((s) => [s.rfilename, s]));
    expect(byName.get('onnx/model.onnx')).toMatchObject({ size: FIVE_GB, lfs: { size: FIVE_GB, sha256: sha256Of(path.join(root, BIG, 'onnx/model.onnx')) } });
    expect(byName.get('config.json')).toMatchObject({ size: statSync(path.join(root, BIG, 'config.json')).size });
    expect(byName.get('config.json')!.lfs).toBeUndefined();
  });

  it('a gated repo: 401 without a token, 403 with a token without access, 200 with access; its metadata stays public', async () => {
    const url = `${hub.url}${GATED}/resolve/main/config.json`;
    const anon = await fetch(url);
    expect([anon.status, anon.headers.get('x-error-code')]).toEqual([401, 'GatedRepo']);
    expect(anon.headers.get('x-error-message')).toBe(`Access to model ${GATED} is restricted. You must have access to it and be authenticated to access it. Please log in.`);
    const denied = await fetch(url, { headers: { Authorization: 'Bearer hf_other' } });
    expect([denied.status, denied.headers.get('x-error-code')]).toEqual([403, 'GatedRepo']);
    expect((await fetch(url, { headers: { Authorization: 'Bearer hf_granted' } })).status).toBe(200);
    expect(((await (await fetch(`${hub.url}api/models/${GATED}`)).json()) as { gated: unknown }).gated).toBe('manual');
  });
});

describe('loading from it', () => {
  it('follows the redirect, and LmInfo carries the commit and the sha256 of every file read', async () => {
    const before = { hub: hub.requests.length, cdn: hub.cdn.requests.length };
    const lm = await loadLanguageModel(GPT, { remoteHost: hub.url, cacheDir: freshCache() });
    try {
      const dir = path.join(root, GPT);
      const onnxSha = sha256Of(path.join(dir, 'onnx/model.onnx'));
      const commit = await hub.commitOf(GPT);
      expect(hub.requests.slice(before.hub)).toContain(`GET /${GPT}/resolve/main/onnx/model.onnx 302`);
      expect(hub.cdn.requests.slice(before.cdn)).toContain(`GET /repos/${commit}/${onnxSha} 200`);
      expect(lm.info.revision).toBe(commit);
      expect(lm.info.sha256).toEqual({ 'onnx/model.onnx': onnxSha });
      const read = ['config.json', 'generation_config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json'];
      expect(lm.info.fileSha256).toEqual(Object.fromEntries(read.map((f) => [f, sha256Of(path.join(dir, f))])));

      // …into the run record, through its JSON form; a record written before these fields still loads.
      const probe = structuredClone(getAnyBuiltinProbe('lm-counterfactual-basic')!) as unknown as { pairs: unknown[] };
      probe.pairs = probe.pairs.slice(0, 2);
      const record = await runProbesOnModel([probe as unknown as AnyProbe], loadedLanguageModel(lm), { ...DEFAULT_LM_RUN_OPTIONS, permutations: 50, bootstrap: 0 });
      const parsed = parseRunRecord(JSON.parse(JSON.stringify(record)));
      expect(parsed.model).toMatchObject({ revision: commit, fileSha256: lm.info.fileSha256, assetSha256: onnxSha });
      const { revision: _r, fileSha256: _f, ...oldModel } = parsed.model;
      expect(parseRunRecord({ ...JSON.parse(JSON.stringify(record)), model: oldModel }).model.revision).toBeUndefined();
    } finally {
      await lm.dispose();
    }
  });

  it('a gated repo → GatedModelError with the plain sentence, and no weights requested', async () => {
    const err = await loadLanguageModel(GATED, { remoteHost: hub.url, cacheDir: freshCache() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatedModelError);
    expect((err as Error).message).toBe(
      `${GATED} is gated on the Hugging Face Hub: sign in and request access on its page (${hub.url}${GATED}), then download its files and load them as a local folder, ` +
        'because the workbench sends no access token and so cannot download gated files itself.',
    );
    expect(hub.requests).toContain(`HEAD /${GATED}/resolve/main/config.json 401`);
    expect(hub.requests.filter((r) => r.includes(`/${GATED}/resolve/main/onnx/`))).toEqual([]);
  });

  it('a repo whose API reports a 5 GB model.onnx is refused on WASM before download, and loads on onnxruntime-node', async () => {
    const before = { hub: hub.requests.length, cdn: hub.cdn.requests.length };
    const err = await loadLanguageModel(BIG, { remoteHost: hub.url, cacheDir: freshCache(), device: 'wasm', dtype: 'fp32' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelTooLargeError);
    expect((err as Error).message).toBe(
      `${BIG} (fp32) cannot load on WASM: onnx/model.onnx is 5,000 MB in one protobuf, over the 2,147 MB ONNX Runtime Web can parse ` +
        '(a model this large needs its weights in external data, onnx/model.onnx_data); pick q4 or q4f16 weights or a smaller model.',
    );
    expect(hub.requests.slice(before.hub).filter((r) => r.includes('/onnx/'))).toEqual([]);
    expect(hub.cdn.requests.slice(before.cdn)).toEqual([]);

    const lm = await loadLanguageModel(BIG, { remoteHost: hub.url, cacheDir: freshCache(), device: 'node', dtype: 'fp32' });
    try {
      expect(lm.info).toMatchObject({ backend: 'node', dtype: 'fp32' });
    } finally {
      await lm.dispose();
    }
  });

  it('a local folder: sizes come from the folder; a 3 GB model.onnx is refused in fp32 and skipped by auto', async () => {
    const folder = path.join(tmp, 'sparse-gpt');
    cpSync(path.join(MODELS_DIR, GPT), folder, { recursive: true, dereference: true });
    truncateSync(path.join(folder, 'onnx/model.onnx'), 3_000_000_000); // sparse: no disk space used
    await expect(loadLanguageModel(folder, { device: 'wasm', dtype: 'fp32' })).rejects.toThrow(ModelTooLargeError);
    const lm = await loadLanguageModel(folder, { device: 'wasm' });
    try {
      expect(lm.info).toMatchObject({ backend: 'wasm', dtype: 'q8', availableDtypes: ['fp32', 'q8'] });
      expect(lm.info.sha256).toEqual({ 'onnx/model_quantized.onnx': sha256Of(path.join(folder, 'onnx/model_quantized.onnx')) });
      expect((await lm.tokenLogProbs(SENTENCES.slice(0, 1)))[0]!.logProbs.every(Number.isFinite)).toBe(true);
    } finally {
      await lm.dispose();
    }
    expect(readFileSync(path.join(folder, 'config.json'), 'utf8')).toContain('gpt2');
  });
});
