// The GloVe lookup graph evaluated in JavaScript (device 'js') against ONNX Runtime Web running the
// same model.onnx (device 'wasm'): every row bit for bit, on the fixture asset and on the real
// embedded asset when it has been built; any graph other than the build's exact one is left to ORT.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../src/core/errors';
import { DEFAULT_PUBLIC_DIR, loadEmbeddedModel } from '../../src/runtime/node';
import { readOnnxGraph, type OnnxGraph } from '../../src/runtime/onnxGraphReader';
import { decodeQ13Rows, readQ13Table } from '../../src/runtime/q13LookupTable';
import { buildFixtureAsset } from '../scripts/gloveFixture';

const fixture = buildFixtureAsset();
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

/** The words of a model folder's vocab.txt, one per row. */
const vocabOf = (dir: string) => readFileSync(join(dir, 'vocab.txt'), 'utf8').split('\n').filter((w) => w !== '');

/** Every row of the model in `dir`, as one Float32Array's bits, loaded on `device`. */
async function allRowBits(dir: string, device: 'js' | 'wasm'): Promise<{ backend: string; bits: Uint32Array }> {
  const model = await loadEmbeddedModel('glove-6b-100d', { modelDir: dir, device });
  try {
    const vecs = await model.embedWords(vocabOf(dir));
    const dims = model.info.dims;
    const all = new Float32Array(vecs.length * dims);
    vecs.forEach((v, i) => all.set(v!, i * dims));
    return { backend: model.info.backend, bits: new Uint32Array(all.buffer) };
  } finally {
    await model.dispose();
  }
}

/** Index of the first differing element, or -1. */
const firstDifference = (a: Uint32Array, b: Uint32Array) => (a.length !== b.length ? 0 : a.findIndex((x, i) => x !== b[i]));

describe('q13 lookup table in JavaScript', () => {
  it('gives every row of the fixture asset bit for bit as ONNX Runtime does, without ORT', async () => {
    const ort = await allRowBits(fixture.dir, 'wasm');
    const js = await allRowBits(fixture.dir, 'js');
    expect(ort.backend).toBe('wasm');
    expect(js.backend).toBe('js');
    expect(js.bits.length).toBe(fixture.asset.words.length * 16);
    expect(firstDifference(js.bits, ort.bits)).toBe(-1);
  });

  const realDir = join(DEFAULT_PUBLIC_DIR, 'models/glove-6b-100d');
  it.skipIf(!existsSync(join(realDir, 'manifest.json')))('gives all rows of the embedded glove-6b-100d bit for bit as ONNX Runtime does', async () => {
    const ort = await allRowBits(realDir, 'wasm');
    const js = await allRowBits(realDir, 'js');
    expect(js.backend).toBe('js');
    // One row per word of the table's vocab.txt (the top 48,000 words and the built-ins' forced extras).
    const words = readFileSync(join(realDir, 'vocab.txt'), 'utf8').split('\n').filter((w) => w.length > 0).length;
    expect(words).toBeGreaterThan(48_000);
    expect(js.bits.length).toBe(words * 100);
    expect(firstDifference(js.bits, ort.bits)).toBe(-1);
  });

  const graph = () => readOnnxGraph(new Uint8Array(readFileSync(join(fixture.dir, 'model.onnx'))));

  it('reads the planes of the build graph with their shapes', () => {
    const table = readQ13Table(graph());
    expect(table).not.toBeNull();
    expect(table).toMatchObject({ rows: fixture.asset.words.length, dims: 16 });
    expect(table!.nibbles.length).toBe(table!.rows * 8);
    expect(table!.fifth.length).toBe(table!.rows * 2);
  });

  const altered: [string, (g: OnnxGraph) => void][] = [
    ['an operator replaced', (g) => (g.nodes[5]!.opType = 'Ceil')],
    ['a node rewired', (g) => (g.nodes[24]!.inputs = ['low_q', 'high_w'])],
    ['an attribute changed', (g) => (g.nodes[8]!.ints.axis = 0)],
    ['a constant changed', (g) => (g.initializers.get('sixteen')!.raw = new Uint8Array(new Float32Array([15]).buffer))],
    ['an extra initializer', (g) => g.initializers.set('unused', { dtype: 1, dims: [], raw: new Uint8Array(4) })],
    ['the scales stored outside raw_data', (g) => (g.initializers.get('scales')!.raw = null)],
    ['a plane of another width', (g) => (g.initializers.get('fifth')!.dims = [g.initializers.get('fifth')!.dims[0]!, 3])],
    ['another output name', (g) => (g.outputs = ['vectors'])],
  ];
  it.each(altered)('leaves a graph with %s to ONNX Runtime', (_, alter) => {
    const g = graph();
    alter(g);
    expect(readQ13Table(g)).toBeNull();
  });

  it('refuses lookups once the model is disposed, as an ORT session does', async () => {
    const model = await loadEmbeddedModel('glove-6b-100d', { modelDir: fixture.dir, device: 'js' });
    await model.dispose();
    await expect(model.embedWords(['rose'])).rejects.toThrow(ModelLoadError);
  });

  it('refuses a row outside the table, as ORT’s Gather does', () => {
    const table = readQ13Table(graph())!;
    expect(() => decodeQ13Rows(table, [table.rows])).toThrow(ModelLoadError);
    expect(() => decodeQ13Rows(table, [-1])).toThrow(ModelLoadError);
  });
});
