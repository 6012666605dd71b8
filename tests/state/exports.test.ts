// Exports of two runs that differ only in the model's dtype (fp32 vs q8): their file names differ,
// and every row of both CSVs (summary and items) names the dtype and precision it came from.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRunRecord, type RunResult } from '../../src/core/runRecord';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { fileStem, itemsCsv, resultsCsv } from '../../src/state/exports';
import type { StoredRun } from '../../src/state/runRecord';
import type { AnyProbe } from '../../src/probes/families';
import { sampleResult } from '../fixtures/probes/sampleResult';

const stored = (dtype: string, precision?: string): StoredRun => ({
  ...createRunRecord<AnyProbe, RunResult>({
    runId: 'run-20261205T040000Z-abcdefgh',
    app: { name: 'bias-probe-workbench', version: '0.1.0' },
    probes: [],
    model: { id: 'glove-6b-100d', title: 'GloVe', assetSha256: null, dtype, backend: 'js', ...(precision ? { precision } : {}) },
    options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 7 },
    startedAt: '2026-12-05T04:00:00.000Z',
    finishedAt: '2026-12-05T04:00:01.000Z',
    results: [sampleResult()],
  }),
  probeId: 'caliskan-weat-1',
  title: 'WEAT 1',
});

const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('exports of runs differing only in dtype', () => {
  const fp32 = stored('fp32', 'float32');
  const q8 = stored('q8', '8-bit dynamic quantisation, per-tensor scale');

  it('get different file names, with the dtype between model and seed', () => {
    expect(fileStem(fp32)).toBe('caliskan-weat-1_glove-6b-100d_fp32_seed7');
    expect(fileStem(q8)).toBe('caliskan-weat-1_glove-6b-100d_q8_seed7');
  });

  it('carry model_dtype and precision in every summary and item row, after the family columns', () => {
    for (const csv of [resultsCsv(q8), itemsCsv(q8)]) {
      const data = rows(csv);
      expect(data.length).toBeGreaterThan(0);
      for (const row of data) expect([row.model_dtype, row.precision]).toEqual(['q8', '8-bit dynamic quantisation, per-tensor scale']);
      expect(Object.keys(data[0]!).slice(-2)).toEqual(['model_dtype', 'precision']);
    }
    expect(rows(itemsCsv(fp32)).map((r) => r.model_dtype)).toEqual(['fp32', 'fp32', 'fp32']);
  });

  it('differ in nothing else', () => {
    const drop = (csv: string) => rows(csv).map(({ model_dtype: _d, precision: _p, ...rest }) => rest);
    expect(drop(resultsCsv(fp32))).toEqual(drop(resultsCsv(q8)));
    expect(drop(itemsCsv(fp32))).toEqual(drop(itemsCsv(q8)));
  });

  it('leave the precision cell empty for a record that predates it', () => {
    expect(rows(resultsCsv(stored('int8')))[0]).toMatchObject({ model_dtype: 'int8', precision: '' });
  });
});
