// Imports of large files give exact results in one pass: a generated 50,000-row CrowS-Pairs CSV
// (quoted fields spanning lines, a bad row planted every 1,000 rows) and a 60,000-row word-list CSV
// with a bad row at the end. The assertions are exact line numbers and counts, not timings; the
// 20 s limit is what a quadratic line count cannot meet (it took 13 s for 8,000 CrowS rows and
// would take minutes for 50,000), while one pass takes about a second.
import { describe, expect, it } from 'vitest';
import { importCrowsPairsCsv, parseWordListCsv } from '../../src/probes';
import { lineCounter } from '../../src/probes/import/lineCounter';
import { syntheticCrowsCsv } from '../fixtures/probes/syntheticCrows';

describe('large imports', () => {
  it('a 50,000-row CrowS-Pairs CSV: every good row imported, every bad row named by its physical line', () => {
    const s = syntheticCrowsCsv(50_000, 1000);
    const progress: number[] = [];
    const r = importCrowsPairsCsv(s.text, { id: 'big', onProgress: (done, total) => progress.push(done / total) });
    expect(s.bad).toHaveLength(50);
    expect(r.imported).toBe(49_950);
    expect(r.probe.pairs).toHaveLength(49_950);
    expect(r.errors.map((e) => e.message)).toEqual(s.bad.map((b) => b.message));
    // Rows 999 and 49,999 (0-based) are the first and last planted; 515 earlier rows span 3 lines.
    expect(r.errors[0]!.line).toBe(1021);
    expect(r.errors.at(-1)!.line).toBe(51_031);
    expect(r.probe.pairs.at(-1)).toMatchObject({ id: 'crows-49998', direction: 'stereo' });
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
  }, 20_000);

  it('a 60,000-row word-list CSV with a bad set on its last row names that line', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `w${i},${'XYAB'[i % 4]}`);
    rows.push('oops,Z');
    expect(() => parseWordListCsv(`word,set\n${rows.join('\n')}\n`)).toThrow('CSV line 60002: the set is "Z"');
  }, 20_000);

  it('lineCounter counts physical lines incrementally and restarts when asked for an earlier offset', () => {
    const at = lineCounter('a\nb\n\nc');
    expect([0, 1, 2, 3, 4, 5, 6, 99].map(at)).toEqual([1, 1, 2, 2, 3, 4, 4, 4]);
    expect(at(2)).toBe(2);
  });
});
