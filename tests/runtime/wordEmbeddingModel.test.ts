// The ONNX word-embedding runtime on the fixture asset (tests/scripts/gloveFixture.ts), run through
// onnxruntime-web's WASM backend in Node: dequantised vectors against the float originals, OOV,
// case fallback, sentence means, hash checks, progress events, the serial run queue.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorruptModelFileError, ModelLoadError, ModelNotFoundError, UnsupportedModelError } from '../../src/core/errors';
import { fileAssetSource, loadEmbeddedModel } from '../../src/runtime/node';
import type { ModelProgress, WordEmbeddingModel } from '../../src/runtime/types';
import { OnnxWordEmbeddingModel, urlAssetSource } from '../../src/runtime/wordEmbeddingModel';
import { buildFixtureAsset, FIXTURE_DIMS } from '../scripts/gloveFixture';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return d / Math.sqrt(na * nb);
};

const fixture = buildFixtureAsset();
const original = (w: string) => fixture.src.vectors[w]!.slice(0, FIXTURE_DIMS);
let model: WordEmbeddingModel;
const events: ModelProgress[] = [];

beforeAll(async () => {
  model = await loadEmbeddedModel('glove-6b-100d', { modelDir: fixture.dir, onProgress: (p) => events.push(p) });
});
afterAll(async () => {
  await model.dispose();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('OnnxWordEmbeddingModel (fixture, ORT WASM in Node)', () => {
  it('reports what it loaded', () => {
    expect(model.info).toMatchObject({
      id: 'glove-6b-100d',
      kind: 'word-embedding',
      backend: 'wasm',
      dims: FIXTURE_DIMS,
      vocabularySize: fixture.asset.words.length,
      assetSha256: fixture.manifest.assetSha256,
      dtype: 'q13',
      precision: fixture.manifest.precision,
      missingProbeWords: ["'s", 'gladiola'],
    });
    expect(model.info.fallbackReason).toBeUndefined(); // device 'wasm' asked for explicitly
  });

  it('returns every kept row within quantisation error of the original (cosine ≥ 0.9999)', async () => {
    const words = fixture.asset.words;
    const vecs = await model.embedWords(words);
    words.forEach((w, i) => {
      const v = vecs[i]!;
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(FIXTURE_DIMS);
      const o = original(w);
      expect(cosine(v, o)).toBeGreaterThanOrEqual(0.9999);
      const scale = fixture.asset.scales[i]!;
      // v = q·scale, o = u·‖o‖ with |q·step − u| ≤ step/2 and scale = ‖o‖/‖q‖ = ‖o‖·step/(1 ± ε),
      // ε ≤ √D·step/2; so |v − o| ≤ scale/2 + |o|·√D·step/2 (+ float32), with step ≈ scale/‖o‖.
      const norm = Math.hypot(...o);
      for (let j = 0; j < FIXTURE_DIMS; j++) {
        expect(Math.abs(v[j]! - o[j]!)).toBeLessThanOrEqual(scale / 2 + (Math.abs(o[j]!) * Math.sqrt(FIXTURE_DIMS) * scale) / norm / 2 + 1e-6);
      }
      // Exactly the stored integer times the row scale, rounded once to float32 (the graph decodes the planes exactly).
      for (let j = 0; j < FIXTURE_DIMS; j++) expect(v[j]).toBe(Math.fround(fixture.asset.values[i * FIXTURE_DIMS + j]! * scale));
    });
  });

  it('gives null for OOV and words left out of the table, falls back to lower case, repeats duplicates', async () => {
    const [rose, Rose, ROSE, oov, notKept, rose2] = await model.embedWords(['rose', 'Rose', 'ROSE', 'zzzz', 'ant', 'rose']);
    expect(oov).toBeNull();
    expect(notKept).toBeNull(); // 'ant' is in the source but neither top-N nor a probe word
    expect(Array.from(Rose!)).toEqual(Array.from(rose!));
    expect(Array.from(ROSE!)).toEqual(Array.from(rose!));
    expect(Array.from(rose2!)).toEqual(Array.from(rose!));
    expect(rose2).not.toBe(rose); // separate views, safe to mutate
    expect(await model.embedWords([])).toEqual([]);
    expect(await model.embedWords(['zzzz', ''])).toEqual([null, null]);
    expect(model.has(['rose', 'Aster', 'ant', 'x'])).toEqual([true, true, false, false]);
  });

  it('all vectors of one call share one buffer (one transfer from the worker)', async () => {
    const vecs = await model.embedWords(['the', 'zzzz', 'rose', 'aster']);
    const buffers = new Set(vecs.filter(Boolean).map((v) => v!.buffer));
    expect(buffers.size).toBe(1);
  });

  it('embeds sentences as the mean of known token vectors', async () => {
    const [s, none] = await model.embedSentences(['This is the Rose.', 'qqq zzz']);
    expect(none).toBeNull();
    const parts = await model.embedWords(['this', 'is', 'the', 'rose', '.']);
    for (let j = 0; j < FIXTURE_DIMS; j++) {
      const mean = parts.reduce((acc, v) => acc + v![j]!, 0) / parts.length;
      expect(s![j]).toBeCloseTo(mean, 6);
    }
  });

  it('serialises concurrent runs on one session', async () => {
    const words = fixture.asset.words;
    const all = await Promise.all(words.map((w) => model.embedWords([w, 'zzzz'])));
    const batch = await model.embedWords(words);
    all.forEach((r, i) => {
      expect(r[1]).toBeNull();
      expect(Array.from(r[0]!)).toEqual(Array.from(batch[i]!));
    });
  });

  it('emitted initiate/download/progress/done per file, then ready', () => {
    const files = ['manifest.json', 'vocab.txt', 'model.onnx'];
    for (const file of files) {
      const st = events.filter((e) => 'file' in e && e.file === file).map((e) => e.status);
      expect(st[0]).toBe('initiate');
      expect(st).toContain('progress');
      expect(st.at(-1)).toBe('done');
    }
    expect(events.at(-1)).toEqual({ status: 'ready', name: 'glove-6b-100d', backend: 'wasm' });
  });
});

describe('load errors', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'glove-bad-'));
    cpSync(fixture.dir, dir, { recursive: true });
    return dir;
  };

  it('sha256 mismatch of model.onnx → CorruptModelFileError (a ModelLoadError) saying "corrupt file"', async () => {
    const dir = copy();
    const p = join(dir, 'model.onnx');
    const bytes = readFileSync(p);
    bytes[bytes.length - 10]! ^= 0xff; // same size, one weight changed
    writeFileSync(p, bytes);
    const err = await loadEmbeddedModel('glove-6b-100d', { modelDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err).toBeInstanceOf(CorruptModelFileError);
    expect((err as Error).message).toMatch(/model\.onnx: corrupt file/);
    rmSync(dir, { recursive: true });
  });

  it('a truncated vocab.txt → corrupt file', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'vocab.txt'), readFileSync(join(dir, 'vocab.txt'), 'utf8').split('\n').slice(1).join('\n'));
    await expect(loadEmbeddedModel('glove-6b-100d', { modelDir: dir })).rejects.toThrow(/vocab\.txt: corrupt file/);
    rmSync(dir, { recursive: true });
  });

  it('an edited manifest (hash list) → corrupt file', async () => {
    const dir = copy();
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.files['model.onnx'].sha256 = '0'.repeat(64);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    await expect(loadEmbeddedModel('glove-6b-100d', { modelDir: dir })).rejects.toThrow(/manifest\.json: corrupt file/);
    rmSync(dir, { recursive: true });
  });

  it('a missing asset → ModelNotFoundError telling how to build it', async () => {
    const err = await loadEmbeddedModel('glove-6b-100d', { modelDir: join(tmpdir(), 'no-such-glove') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect((err as Error).message).toMatch(/npm run prepare-models/);
  });

  it('an unknown model id → UnsupportedModelError', async () => {
    await expect(loadEmbeddedModel('nope', { modelDir: fixture.dir })).rejects.toBeInstanceOf(UnsupportedModelError);
  });

  it('a manifest for another id is refused', async () => {
    await expect(OnnxWordEmbeddingModel.load('other-id', fileAssetSource(fixture.dir))).rejects.toThrow(/describes 'glove-6b-100d'/);
  });
});

describe('urlAssetSource (fetch path used by the worker)', () => {
  const serve = (status: number, body: Uint8Array | string, headers: Record<string, string> = {}) =>
    (async () => new Response(typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]), { status, headers })) as typeof fetch;

  it('loads the fixture over fetch with byte progress', async () => {
    const fetchImpl = (async (url: string) => {
      const file = String(url).split('/').pop()!;
      const bytes = readFileSync(join(fixture.dir, file));
      return new Response(new Blob([bytes]), { status: 200, headers: { 'content-length': String(bytes.length) } });
    }) as typeof fetch;
    const progress: ModelProgress[] = [];
    const m = await OnnxWordEmbeddingModel.load('glove-6b-100d', urlAssetSource('http://127.0.0.1/models/glove-6b-100d', fetchImpl), {
      device: 'wasm',
      onProgress: (p) => progress.push(p),
    });
    const last = progress.filter((p) => p.status === 'progress' && p.file === 'model.onnx').at(-1);
    expect(last).toMatchObject({ loaded: fixture.manifest.files['model.onnx']!.bytes, total: fixture.manifest.files['model.onnx']!.bytes, progress: 100 });
    expect((await m.embedWords(['rose']))[0]).toBeInstanceOf(Float32Array);
    await m.dispose();
  });

  it('404 and an SPA index.html fallback → ModelNotFoundError', async () => {
    await expect(urlAssetSource('http://x/m/', serve(404, 'nope')).read('manifest.json')).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(
      urlAssetSource('http://x/m/', serve(200, '<!doctype html>', { 'content-type': 'text/html' })).read('manifest.json'),
    ).rejects.toThrow(/HTML page/);
    await expect(urlAssetSource('http://x/m/', serve(500, 'boom')).read('vocab.txt')).rejects.toBeInstanceOf(ModelLoadError);
  });
});
