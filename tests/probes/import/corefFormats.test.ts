// WinoBias and Winogender files are told apart by content, by the one detector the page and the CLI
// share (inputFormat.ts), and other formats keep their detection; a file over its size limit is
// refused with a sentence naming the limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInputFormat } from '../../../src/probes/import/inputFormat';
import { checkImportSize } from '../../../src/probes/import/limits';
import { lmProbeFromCorefFile } from '../../../src/probes/import/corefFile';

const fixture = (p: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', p), 'utf8');

describe('detecting pronoun-resolution files', () => {
  it('reads WinoBias lines and Winogender TSV by content, whatever the name', () => {
    expect(detectInputFormat(fixture('winobias/pro_stereotyped_type2.txt.dev'), 'x.txt')).toEqual({ ok: true, format: 'winobias-txt' });
    expect(detectInputFormat(fixture('winogender/all_sentences_excerpt.tsv'), 'x.csv')).toEqual({ ok: true, format: 'winogender-tsv' });
    expect(detectInputFormat('sent_more,sent_less,stereo_antistereo,bias_type\na,b,stereo,age\n', 'c.csv')).toEqual({ ok: true, format: 'crows-csv' });
    expect(detectInputFormat('1 The nurse said hello.\n', 'x.txt').ok).toBe(false);
  });

  it('refuses a file that is neither, for the LM editor, naming both formats', () => {
    expect(() => lmProbeFromCorefFile('word\nother\n', 'list.txt')).toThrow(/neither a WinoBias sentence file .* nor Winogender's all_sentences.tsv/);
  });

  it('refuses a file over 16 MB before reading it', () => {
    expect(() => checkImportSize('coref-text', 17_000_000, 'big.txt')).toThrow('big.txt is 17.0 MB; the limit for WinoBias and Winogender files is 16 MB.');
  });
});
