// The Hub path in Node: a mock Hugging Face Hub (scripts/mock-hub.ts) on 127.0.0.1 serves the
// embedded models as `/{id}/resolve/main/{file}`; the runtime loads `workbench/tiny-gpt2` BY ID
// through transformers.js with env.remoteHost = the mock and local models disabled. Checked:
// progress events, identical log-probs to the local load, the sha256 of the downloaded file, a 404
// for an unknown id, a missing tokenizer, and the service's memoised load + runId cancellation.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHub, type MockHub } from '../../../scripts/mock-hub';
import { CancelledError, MissingTokenizerError, ModelNotFoundError } from '../../../src/core/errors';
import { loadLanguageModel, resolveNodeSource } from '../../../src/runtime/lm/node';
import { createLmService } from '../../../src/runtime/lm/service';
import type { LmLoadProgress } from '../../../src/runtime/lm/types';
import { GPT, MODELS_DIR, SENTENCES, sha256Of } from './helpers';

let hub: MockHub;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lm-hub-'));

beforeAll(async () => {
  // A second repo without tokenizer.json, next to the embedded models.
  const root = path.join(tmp, 'root');
  cpSync(path.join(MODELS_DIR, 'workbench'), path.join(root, 'workbench'), { recursive: true, dereference: true });
  cpSync(path.join(root, GPT), path.join(root, 'broken/no-tokenizer'), { recursive: true });
  rmSync(path.join(root, 'broken/no-tokenizer/tokenizer.json'));
  hub = await startMockHub({ root, chunkBytes: 64 * 1024, latencyMs: 1 });
});
afterAll(async () => {
  await hub?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const freshCache = () => mkdtempSync(path.join(tmp, 'cache-'));

describe('loading by Hub id from a mock hub', () => {
  it('an id with remoteHost is a Hub source, not the embedded copy', () => {
    expect(resolveNodeSource(GPT, { remoteHost: hub.url, modelsDir: MODELS_DIR })).toEqual({ type: 'hub', id: GPT, remoteHost: hub.url });
    expect(resolveNodeSource(GPT, { modelsDir: MODELS_DIR })).toEqual({ type: 'embedded', id: GPT });
  });

  it('downloads with progress events and scores exactly like the local load', async () => {
    const events: LmLoadProgress[] = [];
    const cacheDir = freshCache();
    const remote = await loadLanguageModel(GPT, { remoteHost: hub.url, cacheDir, onProgress: (p) => events.push(p) });
    const local = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR });
    try {
      expect(remote.info).toMatchObject({ id: GPT, source: 'hub', kind: 'causal-lm', backend: 'node', dtype: 'fp32' });
      // Every file went through the mock hub…
      expect(hub.requests).toContain(`GET /${GPT}/resolve/main/onnx/model.onnx 302`);
      expect(hub.cdn.requests.some((r) => /^GET \/repos\/[0-9a-f]{40}\/[0-9a-f]{64} 200$/.test(r))).toBe(true);
      expect(hub.requests).toContain(`GET /${GPT}/resolve/main/config.json 200`);
      // …with the transformers.js progress sequence for the weights.
      const onnx = events.filter((e) => 'file' in e && e.file === 'onnx/model.onnx').map((e) => e.status);
      expect(onnx[0]).toBe('initiate');
      expect(onnx).toContain('download');
      expect(onnx.filter((s) => s === 'progress').length).toBeGreaterThan(1);
      expect(onnx.at(-1)).toBe('done');
      const progress = events.filter((e): e is Extract<LmLoadProgress, { status: 'progress' }> => e.status === 'progress' && e.file === 'onnx/model.onnx');
      expect(progress.at(-1)!.loaded).toBe(progress.at(-1)!.total);
      expect(events.at(-1)).toMatchObject({ status: 'ready', name: GPT, backend: 'node' });
      // Same bytes, same numbers.
      expect(remote.info.sha256['onnx/model.onnx']).toBe(sha256Of(path.join(MODELS_DIR, GPT, 'onnx/model.onnx')));
      const [a, b] = [await remote.tokenLogProbs(SENTENCES), await local.tokenLogProbs(SENTENCES)];
      expect(a).toEqual(b);
    } finally {
      await remote.dispose();
      await local.dispose();
    }
  });

  it('an unknown id → ModelNotFoundError naming the 401 the Hub answers for it', async () => {
    const err = await loadLanguageModel('nobody/no-such-model', { remoteHost: hub.url, cacheDir: freshCache() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect((err as Error).message).toMatch(/nobody\/no-such-model.*not found.*HTTP 401.*does not exist or is private/s);
    expect(hub.requests).toContain('GET /nobody/no-such-model/resolve/main/config.json 401');
  });

  it('a repo without tokenizer.json → MissingTokenizerError', async () => {
    await expect(loadLanguageModel('broken/no-tokenizer', { remoteHost: hub.url, cacheDir: freshCache() })).rejects.toBeInstanceOf(MissingTokenizerError);
  });
});

describe('LM service (what the worker exposes)', () => {
  it('memoises loads per id, re-announces ready, and cancels a run by runId', async () => {
    let loads = 0;
    const svc = createLmService((source, opts) => {
      loads++;
      return loadLanguageModel(source.type === 'hub' ? source.id : GPT, { modelsDir: MODELS_DIR, ...opts });
    });
    const [i1, i2] = await Promise.all([svc.lmLoad({ type: 'embedded', id: GPT }), svc.lmLoad({ type: 'embedded', id: GPT })]);
    expect(loads).toBe(1);
    expect(i2).toEqual(i1);
    const ready: LmLoadProgress[] = [];
    await svc.lmLoad({ type: 'embedded', id: GPT }, {}, (p) => ready.push(p));
    expect(ready).toEqual([{ status: 'ready', name: GPT, backend: 'node', dtype: 'fp32' }]);

    const many = Array.from({ length: 40 }, (_, i) => `${SENTENCES[i % SENTENCES.length]} (${i})`);
    const run = svc.lmTokenLogProbs(GPT, many, { runId: 'r1', batchSize: 2 }, (p) => {
      if (p.done >= 4) void svc.lmCancel('r1');
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const ok = await svc.lmTokenLogProbs(GPT, ['Call me Ishmael.']);
    expect(ok[0]!.tokens.join('')).toBe('Call me Ishmael.');
    expect(await svc.lmLoaded()).toHaveLength(1);
    await svc.lmUnload(GPT);
    await expect(svc.lmTokenize(GPT, 'x')).rejects.toThrow(/not loaded/);
  });
});
