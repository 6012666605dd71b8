// Fault suite, probe files (the schema's checks): each bad probe gives the named error class and a
// message a person can act on, naming the field. The import and share-link cases that were here
// live in imports.test.ts and shareLinks.test.ts.
import { describe, expect, it } from 'vitest';
import { ProbeValidationError } from '../../src/core/errors';
import { importProbeJson } from '../../src/probes/import/probeJson';
import { MAX_WORDS_PER_SET } from '../../src/probes/schema';
import { lintProbe, parseProbe, parseProbeJson, type ProbeValidationErrorWithIssues } from '../../src/probes/validate';
import { smallProbe as small, thrown } from './faultHelpers';

describe('fault suite', () => {
  it('probe files · malformed · a probe file cut off mid-JSON → "not valid JSON"', () => {
    const e = thrown(() => parseProbeJson('{"family": "weat", "id": '), ProbeValidationError);
    expect(e.message).toMatch(/not valid JSON/);
    const f = thrown(() => importProbeJson('{ nope'), ProbeValidationError);
    expect(f.message).toMatch(/^The probe file is not valid/);
  });

  it('probe files · malformed · an empty set → "is empty: add at least two words" with its path', () => {
    const p = small();
    p.targets.X.words = [];
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('targets.X.words: is empty: add at least two words.');
  });

  it('probe files · malformed · a one-word set → "has only one word … a set needs at least two" at attributes.B.words', () => {
    const p = small();
    p.attributes.B.words = ['abuse'];
    const e = thrown(() => parseProbe(p), ProbeValidationError) as ProbeValidationErrorWithIssues;
    expect(e.message).toContain('attributes.B.words: has only one word (“abuse”): a set needs at least two.');
    expect(e.issues[0]!.path).toBe('attributes.B.words');
  });

  it('probe files · malformed · a word listed twice in one set → names the set and the word', () => {
    const p = small();
    p.targets.X.words = ['aster', 'rose', 'aster'];
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('targets.X.words: set X lists "aster" more than once');
  });

  it('probe files · malformed · a word in both target sets and one in both attribute sets → both named, counted', () => {
    const p = small();
    p.targets.Y.words = ['ant', 'rose'];
    p.attributes.B.words = ['abuse', 'love'];
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('(2 problems)');
    expect(e.message).toContain('targets: "rose" is in both X and Y');
    expect(e.message).toContain('attributes: "love" is in both A and B');
  });

  it('probe files · oversized · a 5,001-word set → "the limit is 5,000"', () => {
    const p = small();
    p.attributes.A.words = Array.from({ length: MAX_WORDS_PER_SET + 1 }, (_, i) => `w${i}`);
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('attributes.A.words: set A has 5,001 words; the limit is 5,000');
  });

  it('probe files · malformed · an unknown family → names it and the families this version understands', () => {
    const e = thrown(() => parseProbe({ ...small(), family: 'iat' }), ProbeValidationError);
    expect(e.message).toContain('family: unknown family "iat"; this version understands: weat, seat');
  });

  it('probe files · malformed · SEAT templates without {term}, or none → names the template', () => {
    const p = { ...small(), family: 'seat', templates: ['This is {term}.', 'Nothing here.'] };
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('templates.1: every template must contain {term}');
    const q = { ...small(), family: 'seat', templates: ['This is {term}.'], setTemplates: { X: ['{term}!', 'oops'] } };
    expect(thrown(() => parseProbe(q), ProbeValidationError).message).toContain('setTemplates.X.1: every template must contain {term}');
    const r = { ...small(), family: 'seat' };
    expect(thrown(() => parseProbe(r), ProbeValidationError).message).toContain('templates: is missing');
  });

  it('probe files · malformed · not an object, a text where a list belongs, a blank word → each named', () => {
    expect(thrown(() => parseProbe(null), ProbeValidationError).message).toContain('a probe must be a JSON object, got null');
    expect(thrown(() => parseProbe([small()]), ProbeValidationError).message).toContain('got a list');
    const p = small() as Record<string, unknown>;
    p.targets = { X: { label: 'F', words: 'aster rose' }, Y: { label: 'I', words: ['ant', '  '] } };
    const e = thrown(() => parseProbe(p), ProbeValidationError);
    expect(e.message).toContain('targets.X.words: expected a list, got the text "aster rose"');
    expect(e.message).toContain('targets.Y.words.1: empty stimulus');
  });

  it('probe files · malformed · a target that is also an attribute, unbalanced sets, case duplicates → warnings, not refusals', () => {
    const p = parseProbe({
      ...small(),
      targets: { X: { label: 'F', words: ['aster', 'rose', 'Rose', 'love', 'lily'] }, Y: { label: 'I', words: ['ant', 'flea'] } },
    });
    const codes = lintProbe(p).map((i) => `${i.severity}:${i.code}`);
    expect(codes).toEqual(['warning:case-duplicate', 'warning:target-is-attribute', 'warning:unbalanced-sets']);
  });
});
