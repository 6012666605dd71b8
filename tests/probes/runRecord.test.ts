// Run records: assembled by the pure helpers in src/core/runRecord.ts, validated by the zod schema
// in src/probes/runRecordSchema.ts, and JSON round-trippable.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { ProbeValidationError } from '../../src/core/errors';
import { createRunRecord, makeRunId, runDurationMs, runRecordFileName, probeForResult, RUN_RECORD_FORMAT } from '../../src/core/runRecord';
import { getBuiltinProbe } from '../../src/probes/builtin';
import type { AssociationResult } from '../../src/core/association/types';
import { migrateRunRecord, parseRunRecord } from '../../src/probes/runRecordSchema';
import { sampleResult } from '../fixtures/probes/sampleResult';

const record = () =>
  createRunRecord({
    runId: makeRunId(new Date('2026-11-22T21:53:01.123Z'), () => 0.5),
    app: { name: 'bias-probe-workbench', version: '0.1.0' },
    probes: [getBuiltinProbe('caliskan-weat-1')],
    model: { id: 'glove-6b-100d', title: 'GloVe 6B 100d (embedded)', assetSha256: 'a'.repeat(64), dtype: 'int8', backend: 'wasm', fallbackReason: 'WebGPU unavailable' },
    options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 42 },
    startedAt: new Date('2026-11-22T21:53:01.123Z'),
    finishedAt: '2026-11-22T21:53:02.623Z',
    results: [sampleResult()],
  });

describe('run record', () => {
  it('is assembled with the format marker, the seed from the options and ISO timestamps', () => {
    const r = record();
    expect(r.format).toBe(RUN_RECORD_FORMAT);
    expect(r.runId).toBe('run-20261122T215301Z-iiiiiiii');
    expect(r.seed).toBe(42);
    expect(r.startedAt).toBe('2026-11-22T21:53:01.123Z');
    expect(runDurationMs(r)).toBe(1500);
    expect(runRecordFileName(r, 'json')).toBe('run-20261122T215301Z-iiiiiiii.json');
    expect(probeForResult(r, r.results[0]!)?.id).toBe('caliskan-weat-1');
  });

  it('validates after a JSON round trip', () => {
    const r = record();
    expect(parseRunRecord(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('rejects a damaged record, listing every problem with its path', () => {
    const bad = JSON.parse(JSON.stringify(record())) as {
      seed: number;
      model: { backend: string };
      results: { pValue: number; probeId: string }[];
    };
    bad.seed = 3;
    bad.model.backend = 'cuda';
    bad.results[0]!.pValue = 1.5;
    bad.results[0]!.probeId = 'caliskan-weat-99';
    let err: unknown;
    try {
      parseRunRecord(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProbeValidationError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^The run record is not valid \(\d problems\)/);
    expect(msg).toContain('model.backend');
    expect(msg).toContain('results.0.pValue');
    expect(() => parseRunRecord({ ...record(), format: 'something-else' })).toThrow(/format/);
  });

  it('catches a seed that disagrees with the options and a probe missing for a result', () => {
    const bad = { ...record(), seed: 3, probes: [] };
    expect(() => parseRunRecord(bad)).toThrow(/seed: seed 3 differs from options.seed 42[\s\S]*no probe "caliskan-weat-1" in probes/);
  });
});

describe('run record forward compatibility', () => {
  it('reads an undefined d (NaN, null in JSON) back as NaN and keeps fields it does not know', () => {
    const r = record();
    const json = JSON.parse(
      JSON.stringify({ ...r, results: [{ ...r.results[0], effectSize: Number.NaN, ci: null, futureField: { x: 1 } }] }),
    ) as unknown;
    const back = parseRunRecord(json);
    expect(Number.isNaN((back.results[0] as AssociationResult).effectSize)).toBe(true);
    expect((back.results[0] as unknown as { futureField: unknown }).futureField).toEqual({ x: 1 });
  });
  it('accepts WEFE scores and duplicates from the statistics core', () => {
    const r = record();
    const res = {
      ...r.results[0]!,
      duplicates: { X: ['aster'], Y: [], A: [], B: [] },
      wefe: { rnd: { A: 0.1, B: -0.2 }, rnsb: 0.01, mac: { X: 0.9, Y: 0.95 }, ect: { A: Number.NaN, B: 0.5 } },
    };
    const back = parseRunRecord(JSON.parse(JSON.stringify({ ...r, results: [res] }))).results[0] as AssociationResult;
    expect(back.duplicates?.X).toEqual(['aster']);
    expect(Number.isNaN(back.wefe!.ect.A)).toBe(true);
  });
});

describe('run records of the previous version (@1)', () => {
  const v1 = () => ({ ...JSON.parse(JSON.stringify(record())), format: 'bias-workbench-run@1' }) as Record<string, unknown>;

  it('migrate to the current format with nothing else changed, and open', () => {
    expect(RUN_RECORD_FORMAT).toBe('bias-workbench-run@2');
    const json = v1();
    expect(migrateRunRecord(json)).toEqual({ ...json, format: 'bias-workbench-run@2' });
    expect(parseRunRecord(json)).toEqual(record());
  });

  it('a record the app exported before (@1, as e2e/features.spec.ts uploads) is judged on its content, not refused for its marker', () => {
    expect(() => parseRunRecord({ format: 'bias-workbench-run@1', runId: 'x' })).toThrow(/app: [\s\S]*probes: /);
  });

  it('an unknown format is left as it is for the validator to refuse', () => {
    expect(migrateRunRecord({ format: 'bias-workbench-run@9' })).toEqual({ format: 'bias-workbench-run@9' });
    expect(() => parseRunRecord({ ...record(), format: 'bias-workbench-run@9' })).toThrow(/format/);
  });
});
