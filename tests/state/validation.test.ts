// Live validation of the editor draft: every bad input gets a message naming the set and the
// problem, errors block Run (probe = null), warnings do not.
import { describe, expect, it } from 'vitest';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { candidateFromDraft, draftFromProbe, emptyDraft, type ProbeDraft } from '../../src/state/draft';
import { duplicateIssues, oovIssues, validateDraft, visibleIssues } from '../../src/state/validation';

const weat1 = () => draftFromProbe(getBuiltinProbe('caliskan-weat-1'), { kind: 'builtin', id: 'caliskan-weat-1' });
const withWords = (d: ProbeDraft, k: 'X' | 'Y' | 'A' | 'B', text: string): ProbeDraft => ({ ...d, words: { ...d.words, [k]: text } });
const errors = (d: ProbeDraft) => validateDraft(d).issues.filter((i) => i.level === 'error').map((i) => i.message);

describe('validateDraft', () => {
  it('accepts a built-in probe and round-trips it through the draft', () => {
    const v = validateDraft(weat1());
    expect(v.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(v.probe?.id).toBe('caliskan-weat-1');
    const seat = getBuiltinProbe('caliskan-seat-1');
    const again = candidateFromDraft(draftFromProbe(seat, { kind: 'builtin', id: seat.id }));
    expect(again).toEqual(JSON.parse(JSON.stringify(seat)));
  });
  it('reads one stimulus per line: a comma stays inside its stimulus, with a warning that does not block Run', () => {
    const v = validateDraft(withWords(weat1(), 'X', ' rose ,tulip\n\n lily\r\ndaisy\n'));
    expect(v.probe?.targets.X.words).toEqual(['rose ,tulip', 'lily', 'daisy']);
    expect(v.issues).toContainEqual({
      level: 'warning',
      where: 'X',
      message: 'X (Flowers): “rose ,tulip” is read as one stimulus, commas included (the box takes one per line). If you meant several words, put each on its own line.',
    });
  });
  it('empty set', () => {
    expect(errors(withWords(weat1(), 'A', ''))).toContain('A (Pleasant) is empty: add at least two words.');
    expect(validateDraft(withWords(weat1(), 'A', '')).probe).toBeNull();
  });
  it('one-word set', () => {
    expect(errors(withWords(weat1(), 'B', 'war'))).toContain('B (Unpleasant) has only one word (“war”): a set needs at least two.');
  });
  it('a word listed twice (also with stray spaces) is a warning naming it, and the probe keeps it once', () => {
    const v = validateDraft(withWords(weat1(), 'X', 'rose\ntulip\n rose \nlily'));
    expect(v.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(v.issues).toContainEqual({ level: 'warning', where: 'X', message: 'X (Flowers) lists “rose” twice: each counts once when the test runs.' });
    expect(v.probe?.targets.X.words).toEqual(['rose', 'tulip', 'lily']);
  });
  it('spellings that differ only in case are named together, once, as merged on an uncased model', () => {
    const d = withWords(emptyDraft(), 'A', 'physics\nPhysics\nchemistry\nPHYSICS\nMath\nmath');
    const dups = duplicateIssues(d);
    expect(dups).toEqual([
      {
        level: 'warning',
        where: 'A',
        message:
          'A (Attributes A): “physics” and “Physics” and “PHYSICS”; “Math” and “math” differ only in case. An uncased model (such as GloVe 6B) reads them as one word, so the run merges them into one.',
      },
    ]);
    // the lint's own wording of the same finding is not shown a second time
    const v = validateDraft(withWords(withWords(weat1(), 'A', 'physics\nPhysics\nchemistry'), 'X', 'rose\nlily'));
    expect(v.issues.filter((i) => i.where === 'A').map((i) => i.message)).toEqual([dups[0]!.message.replace('A (Attributes A): “physics” and “Physics” and “PHYSICS”; “Math” and “math”', 'A (Pleasant): “physics” and “Physics”')]);
  });
  it('a word in both targets', () => {
    expect(errors(withWords(weat1(), 'X', 'rose\nant')).join('\n')).toMatch(/"ant" is in both X and Y/);
  });
  it('more than 5,000 words is an error; more than 1,000 a warning', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join('\n');
    expect(errors(withWords(weat1(), 'X', many(5001))).join('\n')).toMatch(/X \(Flowers\) has 5,001 words; the limit is 5,000/);
    const v = validateDraft(withWords(weat1(), 'X', many(1500)));
    expect(v.probe).not.toBeNull();
    expect(v.issues.some((i) => i.level === 'warning' && /1,500 words: the run will take longer/.test(i.message))).toBe(true);
  });
  it('bad id, empty label, SEAT template without {term}', () => {
    const d = { ...weat1(), id: 'Bad Id!', labels: { ...weat1().labels, Y: '' } };
    const e = errors(d).join('\n');
    expect(e).toMatch(/id: ids are lower-case letters, digits and dashes/);
    expect(e).toMatch(/Y \(unlabelled\): every set needs a label/);
    const s = { ...emptyDraft(), family: 'seat' as const, templates: 'no placeholder here', words: { X: 'a\nb', Y: 'c\nd', A: 'e\nf', B: 'g\nh' } };
    expect(errors(s).join('\n')).toMatch(/every template must contain \{term\}/);
  });
});

describe('oovIssues', () => {
  it('all-OOV set is an error; fewer than two left is an error; some OOV is a warning listing them', () => {
    const d = withWords(withWords(weat1(), 'X', 'qqq\nzzz'), 'Y', 'ant\nxxx');
    const known = { X: [false, false], Y: [true, false], A: Array(25).fill(true), B: [true, false, ...Array(23).fill(true)] };
    const { issues, oov } = oovIssues(d, known, 'GloVe');
    expect(oov.X).toEqual(['qqq', 'zzz']);
    expect(issues.find((i) => i.where === 'X')?.message).toBe('Every word of X (Flowers) is out of vocabulary for GloVe: nothing left to test.');
    expect(issues.find((i) => i.where === 'Y')?.level).toBe('error');
    expect(issues.find((i) => i.where === 'B')).toMatchObject({ level: 'warning', message: expect.stringContaining('“crash” is not in GloVe') });
    expect(issues.find((i) => i.where === 'A')).toBeUndefined();
  });
});

describe('all problems at once', () => {
  it('lints cross-set problems even while the schema rejects another set', () => {
    const d = withWords(withWords(weat1(), 'A', 'love'), 'Y', 'ant\nflea\nrose');
    const e = errors(d).join('\n');
    expect(e).toMatch(/has only one word/);
    expect(e).toMatch(/"rose" is in both X and Y/);
  });
});

describe('visibleIssues: the empty editor teaches before it errors', () => {
  const empty = emptyDraft();
  const all = validateDraft(empty).issues;
  it('an empty draft has four errors, none shown until a set is touched', () => {
    expect(all.filter((i) => i.level === 'error').map((i) => i.where)).toEqual(['X', 'Y', 'A', 'B']);
    expect(visibleIssues(empty, all, [])).toEqual([]);
    expect(visibleIssues(empty, all, ['Y']).map((i) => i.message)).toEqual(['Y (Targets Y) is empty: add at least two words.']);
    expect(visibleIssues(empty, all, ['all'])).toEqual(all);
  });
  it('a set with words shows its errors untouched (an imported or shared probe is not hidden)', () => {
    const d = withWords(empty, 'X', 'rose');
    const issues = validateDraft(d).issues;
    expect(visibleIssues(d, issues, []).map((i) => i.message)).toEqual(['X (Targets X) has only one word (“rose”): a set needs at least two.']);
  });
});
