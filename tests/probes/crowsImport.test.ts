// CrowS-Pairs CSV import (src/probes/import/crowsPairs.ts): good rows become pairs with
// more = sent_more and less = sent_less whatever the direction (metric.py's swap for antistereo rows
// makes its metric 1[score(sent_more) > score(sent_less)] in both directions); each malformed row is
// a ParseError with its physical line, and the rest is imported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCrowsPairsCsv, NANGIA_CITATION } from '../../src/probes';
import { ParseError } from '../../src/core/errors';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/probes', name), 'utf8');

describe('importCrowsPairsCsv', () => {
  it('imports the good rows, keeps direction and bias type, and lists every bad row with its line', () => {
    const r = importCrowsPairsCsv(fixture('crows-pairs-sample.csv'), { id: 'my-crows' });
    expect(r.imported).toBe(4);
    expect(r.probe).toMatchObject({ family: 'counterfactual-pairs', id: 'my-crows', scoring: 'causal-full', citation: NANGIA_CITATION });
    expect(r.probe.pairs.map((p) => [p.id, p.direction, p.category])).toEqual([
      ['crows-0', 'stereo', 'age'],
      ['crows-1', 'antistereo', 'gender'],
      ['crows-2', 'stereo', 'nationality'],
      ['crows-8', 'stereo', 'disability'],
    ]);
    // antistereo: sent_more stays "more" (metric.py compares sent_more against sent_less in both directions).
    expect(r.probe.pairs[1]).toMatchObject({ more: 'He cooked a lovely dinner for the family.', less: 'She cooked a lovely dinner for the family.' });
    // A quoted field spanning lines, with doubled quotes.
    expect(r.probe.pairs[2]!.more).toBe('The tourist said "hello" loudly,\nthen left.');
    expect(r.errors.every((e) => e instanceof ParseError && e.name === 'ParseError')).toBe(true);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [7, 'CSV line 7: sent_more is empty'],
      [8, 'CSV line 8: stereo_antistereo is "sideways"; expected "stereo" or "antistereo"'],
      [9, 'CSV line 9: sent_more and sent_less are identical'],
      [10, 'CSV line 10: the row has 3 fields, the header 8'],
      [11, 'CSV line 11: sent_less is empty'],
    ]);
    expect(r.probe.source).toContain('4 pairs, 5 rows skipped');
  });

  it('an unclosed quote is reported at its line; the rows before it are imported', () => {
    const r = importCrowsPairsCsv(fixture('crows-pairs-bad-quote.csv'), { id: 'q', scoring: 'causal-mean' });
    expect(r.probe.pairs.map((p) => p.more)).toEqual(['The girl cried.']);
    expect(r.probe.scoring).toBe('causal-mean');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(3);
    expect(r.errors[0]!.message).toMatch(/CSV line 3: a quoted field is never closed/);
  });

  it('a header without the CrowS columns, an empty file or no usable row is a ParseError', () => {
    expect(() => importCrowsPairsCsv('sentence,other\na,b\n', { id: 'x' })).toThrow(/header has no columns sent_more, sent_less, stereo_antistereo, bias_type/);
    expect(() => importCrowsPairsCsv('', { id: 'x' })).toThrow(ParseError);
    expect(() => importCrowsPairsCsv('sent_more,sent_less,stereo_antistereo,bias_type\nA.,A.,stereo,age\n', { id: 'x' })).toThrow(/No pair could be imported.*line 2: sent_more and sent_less are identical/);
  });

  it('accepts a BOM, CRLF line ends, columns in any order and no index column (ids from lines)', () => {
    const text = '\ufeffbias_type,stereo_antistereo,sent_less,sent_more\r\nage,stereo,The young man ran.,The old man ran.\r\nage,antistereo,The old man ran fast.,The young man ran fast.\r\n';
    const r = importCrowsPairsCsv(text, { id: 'bom', title: 'BOM file' });
    expect(r.errors).toEqual([]);
    expect(r.probe.title).toBe('BOM file');
    expect(r.probe.pairs).toEqual([
      { id: 'line-2', more: 'The old man ran.', less: 'The young man ran.', category: 'age', direction: 'stereo' },
      { id: 'line-3', more: 'The young man ran fast.', less: 'The old man ran fast.', category: 'age', direction: 'antistereo' },
    ]);
  });
});
