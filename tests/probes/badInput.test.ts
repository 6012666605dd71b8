// Bad input: each case must give the named error class and a message a person can act on.
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { ParseError, ProbeValidationError } from '../../src/core/errors';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { importProbeJson } from '../../src/probes/import/probeJson';
import { parseWefeWordSets, wefeToProbe } from '../../src/probes/import/wefe';
import { parseWordListCsv, parseWordListText } from '../../src/probes/import/wordList';
import { MAX_WORDS_PER_SET } from '../../src/probes/schema';
import { crc32Hex, decodeProbeFromFragment, encodeProbeToFragment } from '../../src/probes/share';
import { lintProbe, parseProbe, parseProbeJson, type ProbeValidationErrorWithIssues } from '../../src/probes/validate';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/probes/${name}`, import.meta.url), 'utf8');

const small = () => ({
  family: 'weat',
  id: 'tiny',
  title: 'Tiny',
  targets: { X: { label: 'Flowers', words: ['aster', 'rose'] }, Y: { label: 'Insects', words: ['ant', 'flea'] } },
  attributes: { A: { label: 'Pleasant', words: ['love', 'peace'] }, B: { label: 'Unpleasant', words: ['abuse', 'crash'] } },
});

/** Run fn, expect it to throw an instance of cls, return the error. */
const thrown = <E extends Error>(fn: () => unknown, cls: new (...a: never[]) => E): E => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(cls);
    expect((e as Error).name).toBe(cls.name);
    return e as E;
  }
  throw new Error('expected a throw');
};

describe('bad input gives a named error with a readable message', () => {
  it('1. malformed probe JSON', () => {
    const e = thrown(() => parseProbeJson('{"family": "weat", "id": '), ProbeValidationError);
    expect(e.message).toMatch(/not valid JSON/);
    const f = thrown(() => importProbeJson('{ nope'), ProbeValidationError);
    expect(f.message).toMatch(/^The probe file is not valid/);
  });

  it('2. CSV with bad quoting names the line', () => {
    const e = thrown(() => parseWordListCsv(fixture('bad-quoting.csv')), ParseError);
    expect(e.message).toMatch(/^CSV line 3: /);
    expect(e.message).toMatch(/quote/);
  });

  it('3. CSV with an unknown set names the line and the allowed values', () => {
    const e = thrown(() => parseWordListCsv(fixture('bad-set.csv')), ParseError);
    expect(e.message).toBe('CSV line 4: the set is "Q"; use X or Y for targets, A or B for attributes.');
  });

  it('4. empty set', () => {
    const p = small();
    p.targets.X.words = [];
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('targets.X.words: is empty: add at least two words.');
  });

  it('5. one-word set', () => {
    const p = small();
    p.attributes.B.words = ['abuse'];
    const e = thrown(() => parseProbe(p), ProbeValidationError) as ProbeValidationErrorWithIssues;
    expect(e.message).toContain('attributes.B.words: has only one word (“abuse”): a set needs at least two.');
    expect(e.issues[0]!.path).toBe('attributes.B.words');
  });

  it('6. duplicate words within a set', () => {
    const p = small();
    p.targets.X.words = ['aster', 'rose', 'aster'];
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('targets.X.words: set X lists "aster" more than once');
  });

  it('7. a word in both target sets, and in both attribute sets', () => {
    const p = small();
    p.targets.Y.words = ['ant', 'rose'];
    p.attributes.B.words = ['abuse', 'love'];
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('(2 problems)');
    expect(e.message).toContain('targets: "rose" is in both X and Y');
    expect(e.message).toContain('attributes: "love" is in both A and B');
  });

  it('8. a 5,001-word set', () => {
    const p = small();
    p.attributes.A.words = Array.from({ length: MAX_WORDS_PER_SET + 1 }, (_, i) => `w${i}`);
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('attributes.A.words: set A has 5,001 words; the limit is 5,000');
  });

  it('9. tampered share fragment', () => {
    const frag = encodeProbeToFragment(parseProbe(small()));
    const tampered = frag.slice(0, 20) + (frag[20] === 'Q' ? 'R' : 'Q') + frag.slice(21);
    const e = thrown(() => decodeProbeFromFragment(tampered), ProbeValidationError);
    expect(e.message).toMatch(/^This share link does not contain a valid probe: /);
    expect(e.message).toMatch(/checksum does not match|could not be decompressed/);
    // A changed checksum digit is caught even though the payload is intact.
    const last = frag.at(-1) === '0' ? '1' : '0';
    expect(thrown(() => decodeProbeFromFragment(frag.slice(0, -1) + last), ProbeValidationError).message).toMatch(
      /checksum does not match/,
    );
    const e2 = thrown(() => decodeProbeFromFragment('#probe=<script>'), ProbeValidationError);
    expect(e2.message).toMatch(/characters a share link never has/);
  });

  it('10. truncated share fragment', () => {
    const frag = encodeProbeToFragment(getBuiltinProbe('caliskan-weat-1'));
    for (const cut of [10, Math.floor(frag.length / 2), frag.length - 3]) {
      const e = thrown(() => decodeProbeFromFragment(frag.slice(0, cut)), ProbeValidationError);
      expect(e.message).toMatch(/^This share link does not contain a valid probe: /);
      expect(e.message).toMatch(/cut off|truncated/);
    }
    const e = thrown(() => decodeProbeFromFragment('#probe='), ProbeValidationError);
    expect(e.message).toMatch(/it is empty/);
  });

  it('11. share fragment holding valid JSON that is not a valid probe', () => {
    const wrap = (text: string) => `#probe=${LZString.compressToEncodedURIComponent(text)}.${crc32Hex(text)}`;
    const e = thrown(() => decodeProbeFromFragment(wrap(JSON.stringify({ family: 'weat', id: 'x' }))), ProbeValidationError);
    expect(e.message).toContain('the probe in it is invalid');
    expect(e.message).toContain('title: is missing');
    const notJson = wrap('hello {');
    expect(thrown(() => decodeProbeFromFragment(notJson), ProbeValidationError).message).toMatch(/not JSON/);
  });

  it('12. unknown family', () => {
    const e = thrown(() => parseProbe({ ...small(), family: 'iat' }), ProbeValidationError);
    expect(e.message).toContain('family: unknown family "iat"; this version understands: weat, seat');
  });

  it('13. SEAT template without {term}', () => {
    const p = { ...small(), family: 'seat', templates: ['This is {term}.', 'Nothing here.'] };
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('templates.1: every template must contain {term}');
    const q = { ...small(), family: 'seat', templates: ['This is {term}.'], setTemplates: { X: ['{term}!', 'oops'] } };
    expect(thrown(() => parseProbe(q), ProbeValidationError).message).toContain('setTemplates.X.1: every template must contain {term}');
    const r = { ...small(), family: 'seat' };
    expect(thrown(() => parseProbe(r), ProbeValidationError).message).toContain('templates: is missing');
  });

  it('14. WEFE file with a missing key', () => {
    const sets = parseWefeWordSets(fixture('wefe-many-sets.json'));
    const e = thrown(() => wefeToProbe(sets, { X: 'fruit', Y: 'vehicles', A: 'good', B: 'pleasant_5' }, { id: 'w' }), ParseError);
    expect(e.message).toBe('The WEFE file has no list "pleasant_5" (for B); it has: fruit, vehicles, good, bad, colours.');
  });

  it('15. WEFE file that is not an object of lists', () => {
    expect(thrown(() => parseWefeWordSets('{"a": "aster"}'), ParseError).message).toBe('WEFE key "a" must be a list of words (strings).');
    expect(thrown(() => parseWefeWordSets('[1,2]'), ParseError).message).toMatch(/JSON object of named word lists/);
    expect(thrown(() => parseWefeWordSets('{'), ParseError).message).toMatch(/not valid JSON/);
  });

  it('16. not an object / wrong types / blank words', () => {
    expect(thrown(() => parseProbe(null), ProbeValidationError).message).toContain('a probe must be a JSON object, got null');
    expect(thrown(() => parseProbe([small()]), ProbeValidationError).message).toContain('got a list');
    const p = small() as Record<string, unknown>;
    p.targets = { X: { label: 'F', words: 'aster rose' }, Y: { label: 'I', words: ['ant', '  '] } };
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('targets.X.words: expected a list, got the text "aster rose"');
    expect(e.message).toContain('targets.Y.words.1: empty stimulus');
  });

  it('17. empty TXT and CSV files', () => {
    expect(thrown(() => parseWordListText('\n  \n# only a comment\n'), ParseError).message).toMatch(/holds no words/);
    expect(thrown(() => parseWordListCsv('\n\n'), ParseError).message).toBe('The CSV file is empty.');
    expect(thrown(() => parseWordListCsv('word,set\n'), ParseError).message).toMatch(/no words below it/);
  });

  it('lint warnings do not throw: target is also an attribute, unbalanced sets, case duplicates', () => {
    const p = parseProbe({
      ...small(),
      targets: { X: { label: 'F', words: ['aster', 'rose', 'Rose', 'love', 'lily'] }, Y: { label: 'I', words: ['ant', 'flea'] } },
    });
    const codes = lintProbe(p).map((i) => `${i.severity}:${i.code}`);
    expect(codes).toEqual(['warning:case-duplicate', 'warning:target-is-attribute', 'warning:unbalanced-sets']);
  });
});
