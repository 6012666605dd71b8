// The model worker's API object (src/worker/model.worker.ts), exposed over a real comlink
// MessageChannel in Node exactly as in the browser: memoised loads, transferred vectors, named
// errors, progress through Comlink.proxy, user vector files, device fallback reporting.
import * as Comlink from 'comlink';
import { rmSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ModelNotFoundError, ParseError, UnsupportedModelError, ModelLoadError } from '../../src/core/errors';
import { fileAssetSource } from '../../src/runtime/node';
import type { AssetSource } from '../../src/runtime/wordEmbeddingModel';
import { registerErrorTransfer, type ModelProgress, type ModelWorkerApi } from '../../src/worker/modelProtocol';
import { createModelWorkerApi } from '../../src/worker/model.worker';
import { buildFixtureAsset, FIXTURE_DIMS } from '../scripts/gloveFixture';

const fixture = buildFixtureAsset();
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

/** A source that counts reads and can be made to fail. */
const countingSource = (dir: string) => {
  const inner = fileAssetSource(dir);
  const state = { reads: 0, fail: false };
  const source: AssetSource = {
    describe: inner.describe,
    read: async (file, onBytes) => {
      state.reads++;
      if (state.fail) throw new ModelNotFoundError(`${file}: not found (test)`);
      return inner.read(file, onBytes);
    },
  };
  return { source, state };
};

const connect = (api: ModelWorkerApi) => {
  registerErrorTransfer(Comlink);
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
  const remote = Comlink.wrap<ModelWorkerApi>(port2 as unknown as Comlink.Endpoint);
  return { remote, close: () => (port1.close(), port2.close()) };
};

describe('model worker API over comlink', () => {
  it('memoises the load promise: concurrent loads read the files once; reports backend and fallback', async () => {
    const { source, state } = countingSource(fixture.dir);
    const { remote, close } = connect(createModelWorkerApi({ sourceFor: () => source }));
    const events: ModelProgress[] = [];
    const [a, b] = await Promise.all([
      remote.load('glove-6b-100d', { device: 'auto' }, Comlink.proxy((p: ModelProgress) => void events.push(p))),
      remote.load('glove-6b-100d', { device: 'wasm' }),
    ]);
    expect(state.reads).toBe(3); // manifest.json, vocab.txt, model.onnx — once
    expect(a).toEqual(b);
    expect(a).toMatchObject({ id: 'glove-6b-100d', kind: 'word-embedding', backend: 'wasm', dims: FIXTURE_DIMS, dtype: 'q13' });
    // 'auto' in Node: no WebGPU, so the WASM choice carries its reason.
    expect(a.fallbackReason).toMatch(/WebGPU is not available in Node/);
    // Proxied progress calls arrive on a channel of their own, after the load's answer or before it.
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ status: 'ready', backend: 'wasm' }), { timeout: 10_000 });
    expect(await remote.loaded()).toHaveLength(1);
    close();
  });

  it('returns vectors (views into one transferred buffer), null for OOV, sentence means, vocabulary checks', async () => {
    const { source } = countingSource(fixture.dir);
    const { remote, close } = connect(createModelWorkerApi({ sourceFor: () => source }));
    // embedWords loads on first use.
    const vecs = await remote.embedWords('glove-6b-100d', ['rose', 'zzzz', 'Aster']);
    expect(vecs[0]).toBeInstanceOf(Float32Array);
    expect(vecs[0]!.length).toBe(FIXTURE_DIMS);
    expect(vecs[1]).toBeNull();
    expect(vecs[0]!.buffer).toBe(vecs[2]!.buffer);
    expect(await remote.vocabularyCheck('glove-6b-100d', ['rose', 'ROSE', 'zzzz'])).toEqual([true, true, false]);
    const [s] = await remote.embedSentences('glove-6b-100d', ['This is rose.']);
    expect(s!.length).toBe(FIXTURE_DIMS);
    close();
  });

  it('a failed load is forgotten, so a retry can succeed; errors arrive as named classes', async () => {
    const { source, state } = countingSource(fixture.dir);
    const { remote, close } = connect(createModelWorkerApi({ sourceFor: () => source }));
    state.fail = true;
    const err = await remote.load('glove-6b-100d', { device: 'wasm' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect(err).toBeInstanceOf(ModelLoadError);
    state.fail = false;
    expect((await remote.load('glove-6b-100d', { device: 'wasm' })).id).toBe('glove-6b-100d');
    await expect(remote.load('no-such-model', { device: 'wasm' })).rejects.toBeInstanceOf(UnsupportedModelError);
    await expect(remote.embedWords('user:never-loaded', ['a'])).rejects.toBeInstanceOf(ModelLoadError);
    await remote.unload('glove-6b-100d');
    expect(await remote.loaded()).toHaveLength(0);
    close();
  });

  it('loads user vectors from a Blob with progress; a bad file gives ParseError with its line', async () => {
    const { remote, close } = connect(createModelWorkerApi({ sourceFor: () => fileAssetSource(fixture.dir) }));
    const text = '3 4\nking 1 0 0 0\nqueen 0 1 0 0\nKing 0 0 1 0\n';
    const events: ModelProgress[] = [];
    const info = await remote.loadUserVectors(new Blob([text]), 'mine', Comlink.proxy((p: ModelProgress) => void events.push(p)));
    expect(info).toMatchObject({ id: 'user:mine', kind: 'word-embedding', backend: 'js', dims: 4, vocabularySize: 3, dtype: 'float32', duplicates: 0 });
    expect(info.assetSha256).toMatch(/^[0-9a-f]{64}$/);
    const [king, KING, qq] = await remote.embedWords('user:mine', ['king', 'KING', 'qq']);
    expect(Array.from(king!)).toEqual([1, 0, 0, 0]);
    expect(Array.from(KING!)).toEqual([1, 0, 0, 0]); // no exact 'KING' → lower-case 'king'
    expect(qq).toBeNull();
    expect(Array.from((await remote.embedWords('user:mine', ['King']))[0]!)).toEqual([0, 0, 1, 0]); // exact match first
    await vi.waitFor(() => expect(events.at(-1)?.status).toBe('ready'), { timeout: 10_000 });
    expect(events.map((e) => e.status)).toEqual(['initiate', 'download', 'progress', 'done', 'ready']);

    const err = await remote.loadUserVectors(new Blob(['a 1 2\nb 1 2\nc 1\n']), 'bad').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as Error).message).toBe('line 3: expected 2 numbers after the word, found 1');
    // The earlier user model is untouched by a failed load of another name.
    expect((await remote.vocabularyCheck('user:mine', ['queen']))[0]).toBe(true);
    close();
  });
});
