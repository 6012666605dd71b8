// Importers: TXT and CSV word lists, WEFE word-set files, probe JSON files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { csvSetsToProbe } from '../../src/probes/import';
import { exportProbeJson, exportProbesJson, importProbeJson, importProbesJson } from '../../src/probes/import/probeJson';
import { guessWefeMapping, parseWefeWordSets, wefeToProbe } from '../../src/probes/import/wefe';
import { parseWordListCsv, parseWordListText } from '../../src/probes/import/wordList';
import { PROBE_FORMAT } from '../../src/probes/schema';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/probes/${name}`, import.meta.url), 'utf8');

describe('TXT word lists', () => {
  it('one per line keeps phrases; comments and blanks are dropped; BOM ignored', () => {
    expect(parseWordListText('\uFEFFaster\r\n# flowers\n\nice cream\n rose \n')).toEqual(['aster', 'ice cream', 'rose']);
  });
  it('commas, semicolons and spaces do not split: each line is one stimulus, as in the editor and a probe file', () => {
    expect(parseWordListText('aster, rose,lily\nant;flea\nbig   bee')).toEqual(['aster, rose,lily', 'ant;flea', 'big   bee']);
  });
});

describe('CSV word lists', () => {
  it('a `word` column, any position, any case', () => {
    expect(parseWordListCsv('freq,Word\n3,aster\n1,rose\n')).toEqual({ kind: 'list', words: ['aster', 'rose'] });
  });
  it('no header: the first column', () => {
    expect(parseWordListCsv('aster,3\nrose,1\n')).toEqual({ kind: 'list', words: ['aster', 'rose'] });
    expect(parseWordListCsv('aster\nrose\n')).toEqual({ kind: 'list', words: ['aster', 'rose'] });
  });
  it('quoted fields with commas and quotes', () => {
    expect(parseWordListCsv('word\n"ice, cream"\n"say ""hi"""\n')).toEqual({ kind: 'list', words: ['ice, cream', 'say "hi"'] });
  });
  it('a `set` column fills a whole probe, with labels', () => {
    const csv = parseWordListCsv(fixture('sets.csv'));
    expect(csv).toEqual({
      kind: 'sets',
      sets: { X: ['aster', 'rose'], Y: ['ant', 'flea'], A: ['love', 'peace'], B: ['abuse', 'crash'] },
      labels: { X: 'Flowers', Y: 'Insects', A: 'Pleasant', B: 'Unpleasant' },
    });
    if (csv.kind !== 'sets') throw new Error('unreachable');
    const probe = csvSetsToProbe(csv, { id: 'from-csv', title: 'From CSV' });
    expect(probe.family).toBe('weat');
    expect(probe.targets.X).toEqual({ label: 'Flowers', words: ['aster', 'rose'] });
  });
  it('a set column that misses a set is reported', () => {
    const csv = parseWordListCsv('word,set\naster,X\nrose,X\nant,Y\nflea,Y\n');
    if (csv.kind !== 'sets') throw new Error('unreachable');
    expect(() => csvSetsToProbe(csv, { id: 'x', title: 'x' })).toThrow('The CSV fills 2 of the four sets; sets A, B have no rows.');
  });
  it('line numbers count physical lines (a quoted field may span lines)', () => {
    expect(() => parseWordListCsv('word,set\n"ice\ncream",X\nrose,Z\n')).toThrow(/^CSV line 4: /);
  });
});

describe('WEFE word-set files', () => {
  it('guesses X, Y, A, B in file order when there are exactly four lists', () => {
    const sets = parseWefeWordSets(fixture('wefe-four-sets.json'));
    const mapping = guessWefeMapping(sets);
    expect(mapping).toEqual({ X: 'fruit', Y: 'vehicles', A: 'good', B: 'bad' });
    const probe = wefeToProbe(sets, mapping!, { id: 'wefe-test' });
    expect(probe.title).toBe('Fruit vs vehicles × good vs bad');
    expect(probe.attributes.B.words).toEqual(['mean', 'cruel', 'awful']);
  });
  it('does not guess with more than four lists; the caller maps keys', () => {
    const sets = parseWefeWordSets(fixture('wefe-many-sets.json'));
    expect(guessWefeMapping(sets)).toBeNull();
    const probe = wefeToProbe(sets, { X: 'colours', Y: 'vehicles', A: 'good', B: 'bad' }, { id: 'm', title: 'Mine' });
    expect(probe.targets.X).toEqual({ label: 'Colours', words: ['red', 'green'] });
  });
  it("reads WEFE's own key names (load_weat format)", () => {
    const sets = parseWefeWordSets({ flowers: ['aster', 'clover'], insects: ['ant', 'flea'], pleasant_5: ['caress', 'freedom'], unpleasant_5: ['abuse', 'crash'] });
    const probe = wefeToProbe(sets, guessWefeMapping(sets)!, { id: 'w1' });
    expect(probe.attributes.A.label).toBe('Pleasant 5');
  });
});

describe('probe JSON files', () => {
  it('export writes the format marker first; import round-trips exactly', () => {
    for (const id of ['caliskan-weat-3', 'caliskan-seat-6'] as const) {
      const probe = getBuiltinProbe(id);
      const text = exportProbeJson(probe);
      expect(Object.keys(JSON.parse(text) as object)[0]).toBe('format');
      expect((JSON.parse(text) as { format: string }).format).toBe(PROBE_FORMAT);
      expect(importProbeJson(text)).toEqual(probe);
    }
  });
  it('imports a file without the marker, a list, and a {format, probes} collection', () => {
    const a = getBuiltinProbe('caliskan-weat-1');
    const b = getBuiltinProbe('caliskan-seat-2');
    expect(importProbeJson(JSON.stringify(a))).toEqual(a);
    expect(importProbesJson(JSON.stringify([a, b]))).toEqual([a, b]);
    expect(importProbesJson(exportProbesJson([a, b]))).toEqual([a, b]);
  });
  it('rejects a different format marker and says which probe of a collection is bad', () => {
    const a = { ...getBuiltinProbe('caliskan-weat-1'), format: 'bias-workbench-probe@9' };
    expect(() => importProbeJson(JSON.stringify(a))).toThrow(/format: unknown format marker "bias-workbench-probe@9"/);
    const bad = { ...getBuiltinProbe('caliskan-weat-2'), family: 'nope' };
    expect(() => importProbesJson(JSON.stringify([getBuiltinProbe('caliskan-weat-1'), bad]))).toThrow(/^Probe 2 in the file: /);
  });
});
