// File imports through the editor: each bad file gives a named error with an actionable message.
import { describe, expect, it } from 'vitest';
import { exportProbeJson } from '../../src/probes/import';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { probeFromFile, probeFromWefe, wordsFromText } from '../../src/state/importers';

describe('word lists into one set', () => {
  it('TXT and CSV', () => {
    expect(wordsFromText('rose\ntulip\n# comment\nlily', 'a.txt')).toEqual(['rose', 'tulip', 'lily']);
    expect(wordsFromText('word,freq\nrose,1\ntulip,2\n', 'a.csv')).toEqual(['rose', 'tulip']);
  });
  it('bad CSV quoting names the line', () => {
    expect(() => wordsFromText('word\nrose\n"tulip\nlily\n', 'bad.csv')).toThrow(/CSV line 3/);
  });
  it('a CSV with a set column is refused for a single set, with advice', () => {
    expect(() => wordsFromText('word,set\nrose,X\nant,Y\n', 'sets.csv')).toThrow(/Import probe or word sets/);
  });
  it('an empty TXT', () => {
    expect(() => wordsFromText('\n\n# x\n', 'e.txt')).toThrow(expect.objectContaining({ name: 'ParseError' }));
  });
});

describe('whole probes', () => {
  it('probe JSON round trip', () => {
    const p = getBuiltinProbe('caliskan-weat-7');
    const r = probeFromFile(exportProbeJson(p), 'p.json');
    expect(r).toEqual({ kind: 'probe', probe: p });
  });
  it('malformed JSON', () => {
    expect(() => probeFromFile('{"family": ', 'x.json')).toThrow(/x.json is not valid JSON/);
  });
  it('a probe failing the schema', () => {
    expect(() => probeFromFile(JSON.stringify({ family: 'weat', id: 'x', title: 't', targets: { X: { label: 'a', words: ['one'] } } }), 'x.json')).toThrow(
      expect.objectContaining({ name: 'ProbeValidationError' }),
    );
  });
  it('a TXT is not a probe', () => {
    expect(() => probeFromFile('rose\ntulip', 'w.txt')).toThrow(/plain word list/);
  });
  it('WEFE word sets with four lists map in order; more lists ask for a mapping', () => {
    const four = { flowers: ['rose', 'tulip'], insects: ['ant', 'flea'], pleasant: ['love', 'joy'], unpleasant: ['war', 'agony'] };
    const r = probeFromFile(JSON.stringify(four), 'My WEFE.json');
    expect(r.kind).toBe('wefe');
    if (r.kind !== 'wefe') return;
    expect(r.suggested).toEqual({ X: 'flowers', Y: 'insects', A: 'pleasant', B: 'unpleasant' });
    const probe = probeFromWefe(r.sets, r.suggested!, r.id);
    expect(probe.id).toBe('my-wefe');
    expect(probe.targets.Y.words).toEqual(['ant', 'flea']);
    const five = probeFromFile(JSON.stringify({ ...four, extra: ['a', 'b'] }), 'w.json');
    expect(five.kind === 'wefe' && five.suggested).toBe(null);
  });
  it('a WEFE file with a non-list value', () => {
    expect(() => probeFromFile(JSON.stringify({ flowers: ['rose'], insects: 'ant' }), 'w.json')).toThrow(/"insects" must be a list of words/);
  });
  it('a CSV with a set column becomes a probe; missing sets are named', () => {
    const ok = probeFromFile('word,set,label\nrose,X,Flowers\ntulip,X,\nant,Y,Insects\nflea,Y,\nlove,A,Good\njoy,A,\nwar,B,Bad\nagony,B,\n', 'my sets.csv');
    expect(ok.kind === 'probe' && ok.probe.targets.X).toEqual({ label: 'Flowers', words: ['rose', 'tulip'] });
    expect(() => probeFromFile('word,set\nrose,X\ntulip,X\n', 's.csv')).toThrow(/sets? Y, A, B/);
  });
});
