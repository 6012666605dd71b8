// Fault suite, word lists: what the editor's set boxes, a paste and a .txt/.csv list make of
// awkward text, read by the one rule of core/input/stimulusLines.ts (one stimulus per line). Where
// the page refuses a set, the CLI refuses the same set in a probe file with the same sentence: the
// page names the set, the CLI its path.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { ParseError, ProbeValidationError } from '../../src/core/errors';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { importAnyProbesJson } from '../../src/probes/import/probeJson';
import { parseWordListCsv } from '../../src/probes/import/wordList';
import { candidateFromDraft, draftFromProbe, type ProbeDraft } from '../../src/state/draft';
import { validateDraft } from '../../src/state/validation';
import { createImportApi } from '../../src/worker/importApi';

const api = createImportApi();
const noop = Comlink.proxy(() => undefined);
const txt = (text: string, name = 'list.txt') => api.importInput('word-list', { name, file: new Blob([text]) }, noop);
const paste = (text: string) => api.importInput('pasted-words', { name: 'the pasted text', text }, noop);
const weat1Draft = () => draftFromProbe(getBuiltinProbe('caliskan-weat-1'), { kind: 'builtin', id: 'caliskan-weat-1' });
const withWords = (d: ProbeDraft, k: 'X' | 'Y' | 'A' | 'B', text: string): ProbeDraft => ({ ...d, words: { ...d.words, [k]: text } });
const messages = (d: ProbeDraft, level: 'error' | 'warning') => validateDraft(d).issues.filter((i) => i.level === level).map((i) => i.message);

/** The CLI's message for a probe file whose set B holds `words`. */
const cliRefusal = (words: string[]): string => {
  const p = structuredClone(getBuiltinProbe('caliskan-weat-1'));
  p.attributes.B.words = words;
  try {
    importAnyProbesJson(JSON.stringify(p), 'p.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ProbeValidationError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('fault suite', () => {
  it('word lists · malformed · "lily, daisy" typed in a box → one stimulus, as a probe file holds it, with a warning that says how to split', () => {
    const d = withWords(weat1Draft(), 'X', 'rose\nlily, daisy\ntulip');
    const v = validateDraft(d);
    expect(v.probe?.targets.X.words).toEqual(['rose', 'lily, daisy', 'tulip']);
    expect(messages(d, 'warning')).toContain(
      'X (Flowers): “lily, daisy” is read as one stimulus, commas included (the box takes one per line). If you meant several words, put each on its own line.',
    );
  });

  it('word lists · malformed · a .txt of one comma-separated line → one stimulus per line, nothing split on commas or spaces', async () => {
    expect(await txt('aster, clover, hyacinth\nice cream\n')).toEqual(['aster, clover, hyacinth', 'ice cream']);
  });

  it('word lists · malformed · a one-row CSV "aster,clover,iris" → refused: only its first word would be read', async () => {
    await expect(txt('aster,clover,iris\n', 'flowers.csv')).rejects.toThrow(
      'CSV line 1: the file is one row of 3 words. A CSV word list holds one word per row (the first column, or the column headed "word"): put each word on its own line.',
    );
    expect(parseWordListCsv('aster,12\nclover,7\n')).toEqual({ kind: 'list', words: ['aster', 'clover'] });
  });

  it('word lists · malformed · a set of one word → the same sentence in the editor (after the set) and the CLI (after its path)', () => {
    const page = messages(withWords(weat1Draft(), 'B', 'war'), 'error');
    expect(page).toContain('B (Unpleasant) has only one word (“war”): a set needs at least two.');
    expect(cliRefusal(['war'])).toContain('- attributes.B.words: has only one word (“war”): a set needs at least two.');
  });

  it('word lists · malformed · an empty set → the same sentence in the editor and the CLI', () => {
    expect(messages(withWords(weat1Draft(), 'B', ' \n\n'), 'error')).toContain('B (Unpleasant) is empty: add at least two words.');
    expect(cliRefusal([])).toContain('- attributes.B.words: is empty: add at least two words.');
  });

  it('word lists · hostile · a row pasted from a spreadsheet (tab-separated) → refused, naming the tab and saying one per line', () => {
    const d = withWords(weat1Draft(), 'B', 'abuse\ncrash\tfilth\nmurder');
    expect(validateDraft(d).probe).toBeNull();
    expect(messages(d, 'error')).toContain('B (Unpleasant): “crash\\tfilth” holds a tab: a stimulus is one line of text; put each stimulus on its own line');
  });

  it('word lists · hostile · old-Mac CR and Unicode line separators → each a line break, as in a typed list', async () => {
    expect(await paste('rose\rtulip\u2028lily\u2029daisy\r\naster')).toEqual(['rose', 'tulip', 'lily', 'daisy', 'aster']);
    const d = withWords(weat1Draft(), 'X', 'rose\rtulip\u2028lily');
    expect(candidateFromDraft(d)).toMatchObject({ targets: { X: { words: ['rose', 'tulip', 'lily'] } } });
  });

  it('word lists · hostile · formula prefixes, HTML and right-to-left marks → kept verbatim as stimuli (CSV and HTML sinks neutralise them)', async () => {
    const words = ['=1+1', '@SUM(A1)', '-2+3', '<script>alert(1)</script>', 'abc\u202Edcb'];
    expect(await txt(words.join('\n'))).toEqual(words);
  });

  it('word lists · oversized · a paste of 100,001 lines → refused with its count before the box takes it', async () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `w${i}`).join('\n');
    await expect(paste(many)).rejects.toThrow(new ParseError('The pasted text holds 100,001 words; one set takes at most 100,000 from a file or paste.'));
  });

  it('word lists · malformed · a .txt of only comments and blanks → "holds no words", the set unchanged', async () => {
    await expect(txt('\uFEFF# flowers\n\n   \n# none yet\n')).rejects.toThrow('The text holds no words (every line is empty or a # comment).');
  });
});
