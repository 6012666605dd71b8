// The subtler-biases word-vector built-ins (src/probes/builtin/subtlerBiasesWeat.ts): their words are
// the single-word entries of the authors' input_attributes files in file order (read here from the
// JSON, not from the module), and the CLI's run of the suite on the built 13-bit GloVe asset gives
// the WEAT d numpy computes from float GloVe (scripts/reference/subtler_weat_reference.py → the
// fixture) within the asset's fidelity bound of 0.001, dropping exactly the words float GloVe lacks.
// The run is skipped only when the asset has not been built (`npm test` builds it first).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProbeOrSuite } from '../../../src/probes/builtin';
import type { WeatProbe } from '../../../src/probes/schema';

const root = join(import.meta.dirname, '..', '..', '..');
const data = (file: string) => JSON.parse(readFileSync(join(root, 'scripts/builtins/data/subtler-biases/input_attributes', file), 'utf8')) as Record<string, unknown>;
const single = (words: unknown) => (words as string[]).filter((w) => !w.includes(' '));
const pairs = (p: unknown, i: 0 | 1) => single((p as [string, string][]).map((pair) => pair[i]));

const reference = JSON.parse(readFileSync(join(root, 'tests/fixtures/subtler-weat/reference-d.json'), 'utf8')) as {
  probes: Record<string, { d: number; oov: Record<'X' | 'Y' | 'A' | 'B', string[]> }>;
};
const built = existsSync(join(root, 'public/models/glove-6b-100d/manifest.json'));

describe('Subtler-biases WEATs (Kamruzzaman et al. 2024 stimuli)', () => {
  const [beauty, nationality] = resolveProbeOrSuite('subtler-biases-weat') as WeatProbe[];

  it('take the single-word entries of the authors’ files, in file order', () => {
    const b = data('beauty_bias_type1_data.json');
    const n = data('nationality_bias_type1_data.json');
    const words = (p: WeatProbe) => [p.targets.X.words, p.targets.Y.words, p.attributes.A.words, p.attributes.B.words];
    expect(words(beauty!)).toEqual([single(b.positive_terms), single(b.negative_terms), pairs(b.pos_neg_attr, 0), pairs(b.pos_neg_attr, 1)]);
    expect(words(nationality!)).toEqual([single(n.positive_nation), single(n.nagative_nation), pairs(n.pos_neg_attr, 0), pairs(n.pos_neg_attr, 1)]);
    // Only multi-word names were left out: 1 of 15 positive and 3 of 15 negative countries.
    expect([(n.positive_nation as string[]).length, (n.nagative_nation as string[]).length]).toEqual([15, 15]);
  });

  it.skipIf(!built)('on the embedded GloVe give float GloVe’s d within 0.001 and drop only the words GloVe lacks', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin/bias-workbench.mjs'), 'run', 'subtler-biases-weat', '--model', 'glove-6b-100d', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    const results = (JSON.parse(out) as { results: { probeId: string; effectSize: number; oov: Record<string, string[]> }[] }).results;
    expect(results.map((r) => r.probeId)).toEqual(['subtler-weat-beauty', 'subtler-weat-nationality']);
    for (const r of results) {
      const ref = reference.probes[r.probeId]!;
      expect(Math.abs(r.effectSize - ref.d)).toBeLessThanOrEqual(0.001);
      expect(r.oov).toEqual(ref.oov);
    }
  });
});
