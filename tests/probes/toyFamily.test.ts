// A family is one module: a toy family defined only in tests/fixtures/toy-family, added to the
// registry with one line (createRegistry over the app's modules plus the toy), shows up in the CLI's
// `probes` listing, runs through `run` (JSON and CSV), and its records validate and export — none of
// which names it. The CLI runs in-process on the embedded GloVe model.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { vocabularyCoverage } from '../fixtures/toy-family/vocabularyCoverage';

vi.mock('../../src/probes/families', async (importOriginal) => {
  const app = await importOriginal<typeof import('../../src/probes/families')>();
  const { vocabularyCoverage: toy } = await import('../fixtures/toy-family/vocabularyCoverage');
  const registry = app.createRegistry([...app.FAMILY_MODULES, toy]);
  return { ...app, PROBE_FAMILIES: registry.families, FAMILY_IDS: registry.ids, familyOf: registry.familyOf, anyProbeSchema: registry.probeSchema, anyResultSchema: registry.resultSchema };
});

const { main } = await import('../../src/cli/main');
const { parseRunRecord } = await import('../../src/probes/runRecordSchema');
const { runToCsv } = await import('../../src/probes/export/runToCsv');
/** The app's own families (the mock above keeps FAMILY_MODULES as the app has it). */
const { FAMILY_MODULES } = await import('../../src/probes/families');

const root = join(import.meta.dirname, '..', '..');
const probeFile = join(root, 'tests', 'fixtures', 'toy-family', 'probe.json');
const dir = mkdtempSync(join(tmpdir(), 'toy-family-'));
const cli = async (...args: string[]): Promise<string> => {
  const out = join(dir, `out-${args.join('-').replace(/[^a-z0-9-]+/gi, '_')}`);
  expect(await main([...args, '--out', out])).toBe(0);
  return readFileSync(out, 'utf8');
};

describe('a toy family registered with one line', () => {
  it('is listed by `bias-workbench probes` with its title and the kind of model it runs on', async () => {
    const listing = JSON.parse(await cli('probes', '--format', 'json')) as { families: { id: string; title: string; modality: string }[] };
    expect(listing.families.at(-1)).toEqual({ id: 'vocabulary-coverage', title: 'Vocabulary coverage', modality: 'vectors' });
    expect(listing.families).toHaveLength(FAMILY_MODULES.length + 1);
  });

  it('runs through `bias-workbench run` on word vectors; the record validates and the CSV has its columns', async () => {
    const record = parseRunRecord(JSON.parse(await cli('run', probeFile, '--model', 'glove-6b-100d', '--format', 'json')));
    expect(record.format).toBe('bias-workbench-run@2');
    // GloVe 6B (lower-cased Wikipedia + Gigaword) has "flower" and "insect", not the made-up "qwxzv" nor "-ism".
    expect(record.results).toEqual([
      {
        kind: 'vocabulary-coverage',
        probeId: 'toy-coverage',
        title: 'Toy: does GloVe know these words?',
        known: 2,
        total: 4,
        items: [
          { word: 'flower', known: true },
          { word: 'insect', known: true },
          { word: 'qwxzv', known: false },
          { word: '-ism', known: false },
        ],
      },
    ]);
    const csv = Papa.parse<Record<string, string>>(await cli('run', probeFile, '--model', 'glove-6b-100d', '--format', 'csv'), { header: true, skipEmptyLines: true });
    // The toy's columns, then the exporter's own (the model's dtype and precision).
    expect(csv.meta.fields).toEqual(['run_id', 'probe_id', 'kind', 'model_id', 'seed', 'known', 'total', 'model_dtype', 'precision']);
    expect(csv.data).toEqual([
      { run_id: expect.stringMatching(/^run-\d{8}T\d{6}Z-/), probe_id: 'toy-coverage', kind: 'vocabulary-coverage', model_id: 'glove-6b-100d', seed: '1', known: '2', total: '4', model_dtype: record.model.dtype, precision: record.model.precision ?? '' },
    ]);
    // The exporter's formula guard applies to the toy's cells too.
    const items = Papa.parse<Record<string, string>>(runToCsv(record, { items: true }), { header: true, skipEmptyLines: true });
    expect(items.data.map((r) => [r.word, r.known])).toEqual([['flower', 'true'], ['insect', 'true'], ['qwxzv', 'false'], ["'-ism", 'false']]);
  }, 60_000);

  it('a stored result of another shape is refused by the toy family’s own result schema', () => {
    const good = { kind: 'vocabulary-coverage', probeId: 'toy-coverage', title: 't', known: 1, total: 1, items: [] };
    expect(vocabularyCoverage.resultSchema.safeParse(good).success).toBe(true);
    expect(vocabularyCoverage.resultSchema.safeParse({ ...good, known: 'one' }).success).toBe(false);
  });
});
