// The GloVe asset build on a synthetic wink-format fixture (tests/scripts/gloveFixture.ts):
// vocabulary selection (top N + forced probe words + missing list), the 13-bit quantisation and its
// byte planes (decoded by the ONNX graph in ONNX Runtime), the ONNX
// protobuf (checked by onnx.checker under Debian's /usr/bin/python3 when python3-onnx exists),
// manifest hashes and the up-to-date check.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandProbeWords, inputHash, isUpToDate, selectVocabulary } from '../../scripts/glove/buildAsset';
import { joinPlanes, splitPlanes } from '../../scripts/glove/bitPlanes';
import { buildLookupModel } from '../../scripts/glove/onnxProto';
import { Q_MAX, quantiseRows } from '../../scripts/glove/quantize';
import { createSession } from '../../src/runtime/ort';
import { assetDigestText } from '../../src/runtime/assetDigest';
import { buildFixtureAsset, FIXTURE_DIMS, FIXTURE_PROBE_WORDS, FIXTURE_TOP_N, makeWinkFixture } from './gloveFixture';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('selectVocabulary', () => {
  it('keeps the top N in frequency order, forces probe words (lower-cased) and lists the missing ones', () => {
    const src = makeWinkFixture();
    const sel = selectVocabulary(src, FIXTURE_TOP_N, FIXTURE_PROBE_WORDS);
    expect(sel.words.slice(0, FIXTURE_TOP_N)).toEqual(src.words.slice(0, FIXTURE_TOP_N));
    // 'Rose' → 'rose'; template tokens this/is/./the/person/name are in the top N; "'s" is not in the fixture.
    expect(sel.forcedWords).toEqual(['rose', 'aster', 'bee']);
    expect(sel.missingProbeWords).toEqual(["'s", 'gladiola']);
    expect(new Set(sel.words).size).toBe(sel.words.length);
  });

  it('expands templates into tokens', () => {
    expect(expandProbeWords(['This is {term}.', "The person's name is {term}.", 'rose'])).toEqual(
      ['this', 'is', '.', 'the', 'person', "'s", 'name', 'rose'],
    );
  });
});

describe('quantiseRows', () => {
  it('keeps every unit-vector component within half the row\'s step (max|u| / Q_MAX) and the norm to float32', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 100, maxLength: 100 }), (vals) => {
        const data = Float32Array.from(vals);
        const norm = Math.hypot(...data);
        fc.pre(norm > 1e-3);
        const q = quantiseRows(data, 100);
        const maxUnit = Math.max(...Array.from(data, Math.abs)) / norm;
        const step = maxUnit / Q_MAX;
        let stored2 = 0;
        for (let j = 0; j < 100; j++) {
          expect(Math.abs(q.values[j]!)).toBeLessThanOrEqual(Q_MAX);
          expect(Math.abs(q.values[j]! * step - data[j]! / norm)).toBeLessThanOrEqual(step / 2 + 1e-12);
          stored2 += Math.fround(q.values[j]! * q.scales[0]!) ** 2;
        }
        expect(Math.abs(Math.sqrt(stored2) / norm - 1)).toBeLessThan(1e-6);
        expect(Math.max(...Array.from(q.values, Math.abs))).toBe(Q_MAX);
      }),
      { numRuns: 100 },
    );
  });

  it('gives each row its own step, so that its largest component is ±Q_MAX', () => {
    // Row 1: 100 × 2 → u = 0.1 each, step = 0.1 / 4095 → q = 4095, scale = 20 / √(100·4095²) = 2 / 4095.
    // Row 2: (3, 4, 0, …) → u = (0.6, 0.8), step = 0.8 / 4095 → q = (round(3071.25), 4095) = (3071, 4095).
    const data = new Float64Array(200).fill(2);
    data.fill(0, 100);
    data[100] = 3;
    data[101] = 4;
    const q = quantiseRows(data, 100);
    expect(Array.from(q.values.slice(0, 100))).toEqual(new Array(100).fill(4095));
    expect(q.scales[0]).toBe(Math.fround(2 / 4095));
    expect(Array.from(q.values.slice(100, 103))).toEqual([3071, 4095, 0]);
    expect(q.scales[1]).toBe(Math.fround(5 / Math.hypot(3071, 4095)));
  });

  it('gives an all-zero row q = 0, scale 0 and cosine 1', () => {
    const q = quantiseRows(new Float32Array([0, 0, 0, 1, 0, 0]), 3);
    expect(Array.from(q.values.slice(0, 3))).toEqual([0, 0, 0]);
    expect(q.scales[0]).toBe(0);
    expect(Array.from(q.values.slice(3))).toEqual([Q_MAX, 0, 0]);
    expect(q.minCosine).toBe(1);
  });
});

describe('byte planes of the 13-bit integers', () => {
  it('lays out high part, nibbles and fifth bits as documented', () => {
    // q = −1 → high −1, low 31; q = 4095 → high 127, low 31; q = 17 → high 0, low 17.
    const p = splitPlanes(Int16Array.from([-1, 4095, 17]), 3);
    expect(Array.from(p.high)).toEqual([-1, 127, 0]);
    expect(Array.from(p.nibbles)).toEqual([0xf1, 0xf0]); // columns 0|2, then 1|(padding)
    expect(Array.from(p.fifth)).toEqual([0b1110_0000]);
    expect(Array.from(joinPlanes(splitPlanes(Int16Array.from([-Q_MAX, Q_MAX, -32, 31, 0]), 5)))).toEqual([-Q_MAX, Q_MAX, -32, 31, 0]);
  });

  it('round-trips every 13-bit integer at every width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: -Q_MAX, max: Q_MAX }), { minLength: 40, maxLength: 40 }), (dims, vals) => {
        const values = Int16Array.from(vals.slice(0, Math.floor(40 / dims) * dims));
        expect(Array.from(joinPlanes(splitPlanes(values, dims)))).toEqual(Array.from(values));
      }),
      { numRuns: 200 },
    );
  });

  it('the ONNX lookup graph decodes them exactly in ONNX Runtime (odd widths included)', async () => {
    for (const dims of [13, 8, 1]) {
      const rows = 4;
      const values = Int16Array.from({ length: rows * dims }, (_, i) => ((i * 2654435761) % (2 * Q_MAX + 1)) - Q_MAX);
      const scales = Float32Array.from([0.5, 1e-4, 3.25, 0]);
      const planes = splitPlanes(values, dims);
      const bytes = buildLookupModel({ ...planes, scales, dims, producerVersion: 'test' });
      const { session } = await createSession(bytes, 'wasm', 'planes');
      const ids = [2, 0, 3, 2, 1];
      const out = await session.run({ input_ids: new session.ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [ids.length]) });
      const got = out.embeddings!;
      expect(got.dims).toEqual([ids.length, dims]);
      const expected = ids.flatMap((r) => Array.from({ length: dims }, (_, j) => Math.fround(values[r * dims + j]! * scales[r]!)));
      expect(Array.from(got.data as Float32Array)).toEqual(expected);
      await session.release();
    }
  });
});

describe('build → write → up-to-date', () => {
  const built = buildFixtureAsset();

  it('writes files whose sizes and sha256 match the manifest', () => {
    const { dir, manifest, asset } = built;
    for (const [name, f] of Object.entries(manifest.files)) {
      const bytes = readFileSync(join(dir, name));
      expect(bytes.length).toBe(f.bytes);
      expect(sha(bytes)).toBe(f.sha256);
    }
    expect(manifest.assetSha256).toBe(sha(assetDigestText(manifest.files)));
    expect(manifest.count).toBe(asset.words.length);
    expect(manifest.dimensions).toBe(FIXTURE_DIMS);
    expect(manifest.fidelity.minCosine).toBeGreaterThanOrEqual(0.9999);
    expect(manifest.licence).toMatch(/PDDL-1\.0/);
    expect(manifest.citation).toMatch(/Pennington/);
    const vocab = readFileSync(join(dir, 'vocab.txt'), 'utf8').split('\n');
    expect(vocab.slice(0, -1)).toEqual(asset.words);
    expect(vocab.at(-1)).toBe('');
  });

  it('is up to date for the same inputs, not after a change of inputs or files', () => {
    const { dir, hash } = built;
    expect(isUpToDate(dir, hash)).toBe(true);
    const other = inputHash({ package: 'fixture', version: '0', bytes: 1 }, FIXTURE_TOP_N, [...FIXTURE_PROBE_WORDS, 'ant']);
    expect(other).not.toBe(hash);
    expect(isUpToDate(dir, other)).toBe(false);
    // Probe word order does not matter.
    expect(inputHash({ package: 'fixture', version: '0', bytes: 1 }, FIXTURE_TOP_N, [...FIXTURE_PROBE_WORDS].reverse())).toBe(hash);
    const model = readFileSync(join(dir, 'model.onnx'));
    model[model.length - 1]! ^= 1;
    writeFileSync(join(dir, 'model.onnx'), model);
    expect(isUpToDate(dir, hash)).toBe(false);
  });

  const py = '/usr/bin/python3';
  const hasOnnx = existsSync(py) && (() => {
    try {
      execFileSync(py, ['-c', 'import onnx'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasOnnx)('passes onnx.checker.check_model(full_check=True) (python3-onnx)', () => {
    const fresh = buildFixtureAsset();
    const out = execFileSync(py, [
      '-c',
      'import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); ' +
        'print(m.ir_version, m.opset_import[0].version, [n.op_type for n in m.graph.node], [i.name for i in m.graph.input], [o.name for o in m.graph.output])',
      join(fresh.dir, 'model.onnx'),
    ]).toString();
    expect(out.trim()).toMatch(/^8 17 \['Gather', 'Cast', 'Gather', .*'Gather', 'Mul'\] \['input_ids'\] \['embeddings'\]$/);
  });
});
