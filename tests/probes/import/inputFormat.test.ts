// Which format a file is (src/probes/import/inputFormat.ts), as the page's "Import probe or word
// sets…" and the CLI's `run <file>` both decide it: a table of real-format fixtures and the cases
// where content and name disagree. Then what the page's editor makes of the formats it does not
// open (a CrowS-Pairs CSV, a run record), and the CLI's any-format reader on the WEFE excerpt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { getBuiltinProbe } from '../../../src/probes/builtin';
import { probeFromFile } from '../../../src/probes/import/editorFiles';
import { detectInputFormat } from '../../../src/probes/import/inputFormat';
import { probesFromFile } from '../../../src/probes/import/probesFromFile';
import type { AssociationProbe } from '../../../src/probes/schema';

const here = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const shared = (path: string) => readFileSync(join(import.meta.dirname, '..', '..', path), 'utf8');

const exported = `${JSON.stringify({ format: 'bias-workbench-probe@1', ...getBuiltinProbe('caliskan-weat-9') }, null, 2)}\n`;

describe('detectInputFormat', () => {
  const table: [what: string, text: string, name: string, format: string][] = [
    ['a probe file the app exported', exported, 'weat9.probe.json', 'probe-json'],
    ['a list of probes', JSON.stringify([getBuiltinProbe('caliskan-weat-9')]), 'list.json', 'probe-json'],
    ['a run record of the previous format (@1)', shared('fixtures/previous-version/method-v1/glove-caliskan-weat.json'), 'run.json', 'run-record'],
    ['a run record of this format (@2)', JSON.stringify({ format: 'bias-workbench-run@2', probes: [], results: [] }), 'run.json', 'run-record'],
    ['a CrowS-Pairs CSV (index column, quoted multi-line field)', shared('fixtures/probes/crows-pairs-sample.csv'), 'crows.csv', 'crows-csv'],
    ['a CrowS-Pairs CSV saved as .txt', shared('fixtures/probes/crows-pairs-sample.csv'), 'crows.txt', 'crows-csv'],
    ['a word-list CSV with a set column', shared('fixtures/probes/sets.csv'), 'sets.csv', 'word-lists'],
    ['WEFE word sets (WEAT.json excerpt, with a list named "family")', here('wefe-weat-excerpt.json'), 'WEAT.json', 'wefe-json'],
    ['WEFE word sets, four lists', shared('fixtures/probes/wefe-four-sets.json'), 'four.json', 'wefe-json'],
    ['a sent-bias SEAT test', here('seat-own.jsonl'), 'seat-own.jsonl', 'seat-jsonl'],
    ['a sent-bias SEAT test saved as .json', here('seat-own.jsonl'), 'seat-own.json', 'seat-jsonl'],
    ['a SEAT test with bad fields (its reader names them)', here('seat-bad-fields.jsonl'), 'bad.jsonl', 'seat-jsonl'],
    ['a byte-order mark before the JSON', `\ufeff${exported}`, 'bom.json', 'probe-json'],
    ['malformed JSON named .json (the probe reader places the error)', '{"family": "weat",', 'p.json', 'probe-json'],
    ['malformed JSON named .jsonl (the SEAT reader places the error)', '{"targ1": {', 't.jsonl', 'seat-jsonl'],
  ];
  it.each(table)('%s → %s', (_what, text, name, format) => {
    expect(detectInputFormat(text, name)).toEqual({ ok: true, format });
  });

  it('a plain word list is no whole probe: says so', () => {
    expect(detectInputFormat('aster\nclover\nhyacinth\n', 'flowers.txt')).toEqual({
      ok: false,
      why: 'flowers.txt reads as a plain word list (no set column), which fills one set of a probe, not a whole probe',
    });
  });

  it('JSON of none of the shapes, and an empty file: says what it is', () => {
    expect(detectInputFormat('{"name": "x"}', 'x.json')).toEqual({ ok: false, why: 'x.json is JSON, but neither a probe, a WEFE word-set file, a SEAT test file nor a run record' });
    expect(detectInputFormat('  \n', 'e.csv')).toEqual({ ok: false, why: 'e.csv is empty' });
  });
});

describe('the page\'s WEAT/SEAT editor on formats it does not open', () => {
  it('a CrowS-Pairs CSV → where to open it (the language-model editor)', () => {
    expect(() => probeFromFile(shared('fixtures/probes/crows-pairs-sample.csv'), 'crows.csv')).toThrow(
      new ParseError('crows.csv is a CrowS-Pairs CSV, sentence pairs for a language model: open it with “Import probe or dataset…” in the language-model editor.'),
    );
  });

  it('WEFE\'s WEAT.json (with its list named "family") → the set mapping, not a probe-file refusal', () => {
    const r = probeFromFile(here('wefe-weat-excerpt.json'), 'WEAT.json');
    expect(r.kind).toBe('wefe');
    if (r.kind === 'wefe') expect(Object.keys(r.sets)).toEqual(['career', 'family', 'mental_disease', 'physical_disease', 'temporary', 'permanent']);
  });
});

describe('probesFromFile (what `run <file>` reads)', () => {
  it('WEFE: the four lists named for X, Y, A, B; without them, the refusal lists the file\'s lists and the flag', () => {
    const text = here('wefe-weat-excerpt.json');
    const wefe = JSON.parse(text) as Record<string, string[]>;
    const [probe] = probesFromFile(text, 'WEAT.json', 'wefe-json', { wefeSets: ['mental_disease', 'physical_disease', 'temporary', 'permanent'] }).probes as AssociationProbe[];
    expect(probe!.targets.X.words).toEqual(wefe.mental_disease);
    expect(probe!.targets.Y.words).toEqual(wefe.physical_disease);
    expect(probe!.attributes.A.words).toEqual(wefe.temporary);
    expect(probe!.attributes.B.words).toEqual(wefe.permanent);
    expect(probe!.id).toBe('weat');
    expect(() => probesFromFile(text, 'WEAT.json', 'wefe-json')).toThrow(
      'WEAT.json has 6 word lists (career, family, mental_disease, physical_disease, temporary, permanent); name the four to test, in the order X, Y, A, B, with --sets (e.g. --sets career,family,mental_disease,physical_disease).',
    );
    expect(() => probesFromFile(text, 'WEAT.json', 'wefe-json', { wefeSets: ['career', 'family'] })).toThrow('Name four of the lists of WEAT.json for X, Y, A and B (got 2)');
  });

  it('CrowS-Pairs: --limit keeps the first N good pairs and the probe says so; rows after them are not read', () => {
    const text = shared('fixtures/probes/crows-pairs-sample.csv');
    const all = probesFromFile(text, 'crows.csv', 'crows-csv');
    expect(all.skipped).toHaveLength(5);
    const two = probesFromFile(text, 'crows.csv', 'crows-csv', { limit: 2 });
    const pairs = (two.probes[0] as { pairs: { id: string }[] }).pairs;
    expect(pairs.map((p) => p.id)).toEqual(['crows-0', 'crows-1']);
    expect(two.skipped).toEqual([]);
    expect((two.probes[0] as { source?: string }).source).toBe('Imported from a CrowS-Pairs-format CSV (the first 2 pairs, limit 2).');
    const four = probesFromFile(text, 'crows.csv', 'crows-csv', { limit: 4 });
    expect((four.probes[0] as { pairs: { id: string }[] }).pairs.map((p) => p.id)).toEqual(['crows-0', 'crows-1', 'crows-2', 'crows-8']);
    expect(four.skipped).toHaveLength(5);
  });

  it('a run record: the probes it ran, as they were recorded', () => {
    const text = shared('fixtures/previous-version/method-v1/glove-caliskan-weat.json');
    const recorded = (JSON.parse(text) as { probes: { id: string }[] }).probes.map((p) => p.id);
    expect(probesFromFile(text, 'run.json', 'run-record').probes.map((p) => p.id)).toEqual(recorded);
  });
});
