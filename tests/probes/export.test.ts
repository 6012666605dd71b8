// CSV export: exact round trip through papaparse, the formula-injection guard on string cells
// only, and the word-vector column contract (WIDE_ASSOCIATION_COLUMNS, WORD_ITEM_COLUMNS) of the one
// exporter (probes/export/runToCsv.ts) the CLI and UI share.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sampleResult } from '../fixtures/probes/sampleResult';
import type { AssociationResult } from '../../src/core/association/types';
import { COMMON_COLUMNS, guardCell, runToCsv, type ExportMeta } from '../../src/probes/export/runToCsv';
import { splitOovCell, WIDE_ASSOCIATION_COLUMNS as CSV_COLUMNS, WORD_ITEM_COLUMNS as ITEM_CSV_COLUMNS } from '../../src/probes/families/shared/associationCsv';

const resultsToCsv = (results: AssociationResult[], meta: ExportMeta) => runToCsv(results, meta);
const itemsToCsv = (results: AssociationResult[], meta: ExportMeta) => runToCsv(results, meta, { items: true });

const parse = (csv: string) => Papa.parse<Record<string, unknown>>(csv, { header: true, dynamicTyping: true, skipEmptyLines: true });

describe('resultsToCsv', () => {
  it('writes CSV_COLUMNS in order and round-trips exact numbers', () => {
    const testCi = { level: 0.95, low: -0.75, high: null, sides: 'lower' as const, method: 'permutation-inversion', nullValue: 0 };
    const csv = resultsToCsv([sampleResult({ testCi })], { runId: 'run-1', modelId: 'glove-6b-100d', seed: 1 });
    const r = parse(csv);
    expect(r.errors).toEqual([]);
    expect(r.meta.fields).toEqual([...CSV_COLUMNS, ...COMMON_COLUMNS]);
    const row = r.data[0]!;
    expect(row).toMatchObject({
      run_id: 'run-1',
      probe_id: 'caliskan-weat-1',
      title: 'WEAT 1: Flowers vs insects × pleasant vs unpleasant',
      kind: 'weat',
      model_id: 'glove-6b-100d',
      seed: 1,
      label_X: 'Flowers',
      n_X: 23,
      n_Y: 25,
      statistic: 1.2345678901234567,
      effect_size: -0.5312345678901234,
      sd: 'sample',
      test_ci_low: -0.75,
      test_ci_high: null,
      test_ci_level: 0.95,
      test_ci_sides: 'lower',
      test_ci_method: 'permutation-inversion',
      robust_ci_low: -0.9,
      robust_ci_high: -0.1234,
      robust_ci_level: 0.95,
      robust_ci_method: 'percentile',
      robust_ci_resamples: 2000,
      p_value: 0.000009999900001,
      p_method: 'monte-carlo',
      permutations: 100000,
      p_holm: 0.00005,
      p_bh: 1e-7,
      oov_X: 'gladiola; zinnia',
      oov_Y: null,
    });
    expect(splitOovCell(String(row.oov_X))).toEqual(['gladiola', 'zinnia']);
    // Negative numbers are written as plain numbers, not quote-prefixed.
    expect(csv).toContain(',-0.5312345678901234,');
    expect(csv).not.toContain("'-0.53");
  });

  it('leaves both intervals and adjusted p empty when absent; run_id empty without a run', () => {
    const csv = resultsToCsv([sampleResult({ ci: null, pHolm: null, pBH: null })], { modelId: 'm', seed: 7 });
    const row = parse(csv).data[0]!;
    expect(row.run_id).toBeNull();
    expect(row.robust_ci_low).toBeNull();
    expect(row.robust_ci_method).toBeNull();
    expect(row.test_ci_low).toBeNull();
    expect(row.test_ci_sides).toBeNull();
    expect(row.p_holm).toBeNull();
    expect(row.seed).toBe(7);
  });

  it('neutralises formula-like strings in every string column', () => {
    const csv = resultsToCsv(
      [sampleResult({ title: '=1+1', labels: { X: '+cmd', Y: '-x', A: '@SUM(A1)', B: '\tB' }, oov: { X: ['=bad'], Y: [], A: [], B: [] } })],
      { runId: '@run', modelId: '-model', seed: 1 },
    );
    const row = parse(csv).data[0]!;
    expect(row.title).toBe("'=1+1");
    expect(row.label_X).toBe("'+cmd");
    expect(row.label_Y).toBe("'-x");
    expect(row.label_A).toBe("'@SUM(A1)");
    expect(row.label_B).toBe("'\tB");
    expect(row.oov_X).toBe("'=bad");
    expect(row.run_id).toBe("'@run");
    expect(row.model_id).toBe("'-model");
    expect(row.effect_size).toBe(-0.5312345678901234);
  });
});

describe('resultsToCsv edge values', () => {
  it('an undefined d (NaN) is an empty cell; WEFE scores fill their columns', () => {
    const csv = resultsToCsv(
      [
        sampleResult({
          effectSize: Number.NaN as never,
          wefe: { rnd: { A: 0.25, B: -0.125 }, rnsb: 0.0078125, mac: { X: 0.5, Y: 0.75 }, ect: { A: Number.NaN, B: -0.5 } },
        }),
      ],
      { modelId: 'm', seed: 1 },
    );
    const row = parse(csv).data[0]!;
    expect(row.effect_size).toBeNull();
    expect(row).toMatchObject({ wefe_rnd_A: 0.25, wefe_rnd_B: -0.125, wefe_rnsb: 0.0078125, wefe_mac_X: 0.5, wefe_mac_Y: 0.75, wefe_ect_A: null, wefe_ect_B: -0.5 });
    expect(parse(resultsToCsv([sampleResult()], { modelId: 'm', seed: 1 })).data[0]!.wefe_rnsb).toBeNull();
  });
});

describe('itemsToCsv', () => {
  it('one row per word of all four sets with exact associations, each naming its quantity; guarded words', () => {
    const attributeItems = [
      { word: 'love', set: 'A' as const, association: 0.0625 },
      { word: 'war', set: 'B' as const, association: -0.125 },
    ];
    const csv = itemsToCsv([sampleResult({ attributeItems })], { runId: 'run-1', modelId: 'glove-6b-100d', seed: 1 });
    const r = parse(csv);
    expect(r.errors).toEqual([]);
    expect(r.meta.fields).toEqual([...ITEM_CSV_COLUMNS, ...COMMON_COLUMNS]);
    const target = 's(w,A,B) = mean cos(w,A) − mean cos(w,B)';
    const attribute = 'mean cos(a,X) − mean cos(a,Y)';
    const ids = { run_id: 'run-1', probe_id: 'caliskan-weat-1', model_id: 'glove-6b-100d' };
    const common = { model_dtype: null, precision: null };
    expect(r.data).toEqual([
      { ...ids, set: 'X', label: 'Flowers', word: 'aster', quantity: target, association: 0.0123456789, ...common },
      { ...ids, set: 'X', label: 'Flowers', word: `'=HYPERLINK("http://evil")`, quantity: target, association: -0.25, ...common },
      { ...ids, set: 'Y', label: 'Insects', word: "'-ism", quantity: target, association: -1e-9, ...common },
      { ...ids, set: 'A', label: 'Pleasant', word: 'love', quantity: attribute, association: 0.0625, ...common },
      { ...ids, set: 'B', label: 'Unpleasant', word: 'war', quantity: attribute, association: -0.125, ...common },
    ]);
  });
});

describe('guardCell', () => {
  it('touches strings only', () => {
    expect(guardCell(-0.53)).toBe(-0.53);
    expect(guardCell('-0.53')).toBe("'-0.53");
    expect(guardCell('\rx')).toBe("'\rx");
    expect(guardCell('rose')).toBe('rose');
    expect(guardCell(null)).toBeNull();
  });
});
