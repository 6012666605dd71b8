// The GloVe asset build on a synthetic wink-format fixture (tests/scripts/gloveFixture.ts):
// vocabulary selection (top N + forced probe words + missing list), int8 round trip, the ONNX
// protobuf (checked by onnx.checker under Debian's /usr/bin/python3 when python3-onnx exists),
// manifest hashes and the up-to-date check.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandProbeWords, inputHash, isUpToDate, selectVocabulary } from '../../scripts/glove/buildAsset';
import { quantiseRows } from '../../scripts/glove/quantize';
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
  it('round-trips with cosine ≥ 0.9999 and |error| ≤ scale/2', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 100, maxLength: 100 }), (vals) => {
        const data = Float32Array.from(vals);
        const q = quantiseRows(data, 100);
        const s = q.scales[0]!;
        for (let j = 0; j < 100; j++) expect(Math.abs(q.table[j]! * s - data[j]!)).toBeLessThanOrEqual(s / 2 + 1e-6 * Math.abs(data[j]!) + 1e-30);
        if (data.some((v) => Math.abs(v) > 1e-3)) expect(q.minCosine).toBeGreaterThan(0.9995);
      }),
      { numRuns: 100 },
    );
  });

  it('maps the largest |value| of a row to ±127 and handles all-zero rows', () => {
    const q = quantiseRows(new Float32Array([0.5, -1, 0.25, 0, 0, 0]), 3);
    expect(Array.from(q.table.slice(0, 3))).toEqual([64, -127, 32]);
    expect(q.scales[1]).toBe(0);
    expect(q.minCosine).toBeGreaterThan(0.9999);
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
    expect(out.trim()).toBe("8 17 ['Gather', 'Gather', 'Cast', 'Mul'] ['input_ids'] ['embeddings']");
  });
});
