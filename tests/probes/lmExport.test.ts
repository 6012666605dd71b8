// LM results in run records (core/runRecord.ts RunRecord<P, RunResult>, probes/runRecordSchema.ts
// parseRunRecord) and the tidy CSV of the one exporter (probes/export/runToCsv.ts) in the LM
// families' long form, on results of the one run path (probes/runProbes.ts) with the fake scorer.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun';
import { createRunRecord, type RunResult } from '../../src/core/runRecord';
import { csvColumns, getAnyBuiltinProbe, parseRunRecord, runProbes, runToCsv, type AnyProbe } from '../../src/probes';
import { COMMON_COLUMNS } from '../../src/probes/export/runToCsv';
import { LONG_ITEM_COMMON_COLUMNS, LONG_SUMMARY_COLUMNS } from '../../src/probes/families/shared/longCsv';
import { createFakeScorer } from '../core/lmRun/fakeScorer';

const OPTS = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 200, bootstrap: 50, seed: 7 };
const IDS = ['lm-counterfactual-basic', 'lm-counterfactual-occupations', 'lm-decision-basic', 'lm-mcq-position-40', 'lm-pairwise-position-30', 'lm-iat-career-family', 'lm-llm-iat-gender-career', 'lm-llm-decision-gender-career'];

const run = async () => {
  const probes = IDS.map((id) => getAnyBuiltinProbe(id)!);
  const scorer = createFakeScorer({ generate: (p) => (p.includes('pick a word') ? '=cmd|calc - Ben' : 'Julia: planning the office holiday party') });
  const results = await runProbes(probes, { scorer, options: OPTS });
  return createRunRecord<AnyProbe, RunResult>({
    runId: 'run-20261122T220000Z-abcdefgh',
    app: { name: 'bias-probe-workbench', version: '0.1.0' },
    probes,
    model: { id: 'fake', title: 'fake', assetSha256: null, dtype: 'fp32', backend: 'node' },
    options: OPTS,
    startedAt: '2026-11-22T22:00:00.000Z',
    finishedAt: '2026-11-22T22:00:01.000Z',
    results,
  });
};

const parseCsv = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('LM run records', () => {
  it('hold results of every family, discriminated by kind, and survive a JSON round trip', async () => {
    const record = await run();
    expect(record.results.map((r) => r.kind)).toEqual(['counterfactual-pairs', 'counterfactual-template', 'decision-template', 'mcq-position', 'pairwise-position', 'lm-iat', 'llm-iat-prompt', 'llm-decision-prompt']);
    expect(record.options).toMatchObject({ batchSize: 32, signFlipExactLimit: 20, seed: 7 });
    const json = JSON.parse(JSON.stringify(record));
    const back = parseRunRecord(json);
    expect(back.results.map((r) => r.kind)).toEqual(record.results.map((r) => r.kind));
    expect(back.options).toEqual(record.options);
    expect(back.probes).toEqual(record.probes);
    expect(back.results[0]).toEqual(json.results[0]);
  });

  it('rejects an unknown result kind or a result without items', async () => {
    const json = JSON.parse(JSON.stringify(await run()));
    const bad = structuredClone(json);
    bad.results[0].kind = 'stereoset';
    expect(() => parseRunRecord(bad)).toThrow(/results\.0/);
    const noItems = structuredClone(json);
    delete noItems.results[3].items;
    expect(() => parseRunRecord(noItems)).toThrow(/results\.3/);
  });
});

describe('LM CSV', () => {
  it('per probe: long form with the documented columns; p-values from the right tests', async () => {
    const record = await run();
    const csv = runToCsv(record);
    const parsed = parseCsv(csv);
    expect(parsed.meta.fields).toEqual([...LONG_SUMMARY_COLUMNS, ...COMMON_COLUMNS]);
    expect(new Set(parsed.data.map((r) => `${r.run_id} ${r.model_id} ${r.seed}`))).toEqual(new Set([`${record.runId} fake 7`]));
    const row = (probe: string, scope: string, metric: string) => parsed.data.find((r) => r.probe_id === probe && r.scope === scope && r.metric === metric)!;
    const pairs = record.results[0]!;
    if (pairs.kind !== 'counterfactual-pairs') throw new Error('kind');
    expect(Number(row('lm-counterfactual-basic', 'all', 'mean_delta').value)).toBe(pairs.summary.meanDelta);
    expect(Number(row('lm-counterfactual-basic', 'all', 'mean_delta').p_value)).toBe(pairs.summary.signFlip.pValue);
    expect(row('lm-counterfactual-basic', 'category:gender', 'pct_stereotype').n).toBe('5');
    const mcq = record.results[3]!;
    if (mcq.kind !== 'mcq-position') throw new Error('kind');
    expect(Number(row('lm-mcq-position-40', 'position:A', 'choice_rate').value)).toBe(mcq.choiceRate[0]);
    expect(row('lm-mcq-position-40', 'position:A', 'choice_rate').n).toBe(String(mcq.presentations));
    const contrast = row('lm-decision-basic', 'age=20 vs 40', 'logit_difference');
    expect(contrast.p_method).toBe('monte-carlo');
    // The test interval beside the permutation p, the question bootstrap as the robust one.
    expect(contrast.test_ci_method).toBe('stratified-permutation-inversion-monte-carlo');
    const excludes0 = (contrast.test_ci_low !== '' && Number(contrast.test_ci_low) > 0) || (contrast.test_ci_high !== '' && Number(contrast.test_ci_high) < 0);
    expect(excludes0).toBe(Number(contrast.p_value) < 0.05);
    expect(contrast.robust_ci_method).toBe('percentile bootstrap over the questions');
    // The likelihood IAT: d with both intervals in one row (no separate robust row). The fake model's
    // d is undefined, so give the result two known intervals.
    const withIntervals = {
      ...record,
      results: record.results.map((r) =>
        r.kind === 'lm-iat'
          ? { ...r, testCi: { level: 0.95, low: 0.25, high: null, sides: 'lower' as const, method: 'permutation-inversion', nullValue: 0 }, ci: { low: -0.5, high: 1.5, level: 0.95, method: 'percentile' as const, resamples: 200, skipped: 0 } }
          : r,
      ),
    };
    const d = parseCsv(runToCsv(withIntervals)).data.find((r) => r.probe_id === 'lm-iat-career-family' && r.metric === 'effect_size')!;
    expect(d.p_method).toBe('exact');
    expect([d.test_ci_low, d.test_ci_high, d.test_ci_method]).toEqual(['0.25', '', 'permutation-inversion']);
    expect([d.robust_ci_low, d.robust_ci_high, d.robust_ci_method]).toEqual(['-0.5', '1.5', 'percentile bootstrap over the X, Y, A and B words']);
    expect(parsed.data.filter((r) => r.probe_id === 'lm-iat-career-family' && r.scope === 'all').map((r) => r.metric)).toEqual(['effect_size', 'statistic']);
    expect(row('lm-pairwise-position-30', 'all', 'positional_consistency').value).toBe('1');
    // The fake's IAT answers parse to nothing usable: mean D is NaN → empty cell, not "NaN".
    expect(row('lm-llm-iat-gender-career', 'all', 'mean_d').value).toBe('');
    expect(csv).not.toMatch(/NaN/);
  });

  it('per item: common columns then each family’s; strings are guarded against formula injection', async () => {
    const record = await run();
    const csv = runToCsv(record, { items: true });
    const parsed = parseCsv(csv);
    expect(parsed.meta.fields!.slice(0, LONG_ITEM_COMMON_COLUMNS.length)).toEqual([...LONG_ITEM_COMMON_COLUMNS]);
    expect(parsed.meta.fields).toEqual(csvColumns(record.results, { items: true }));
    // The columns of the families present, in registry order: counterfactual pairs' first, the decision prompt's last,
    // then the exporter's own.
    expect(parsed.meta.fields!.slice(5, 8)).toEqual(['category', 'direction', 'more']);
    // …and a column two families share (prompt, response) appears once, where the first of them put it.
    expect(parsed.meta.fields!.slice(-5)).toEqual(['task1', 'stigma_task_to', 'stereotype_consistent', ...COMMON_COLUMNS]);
    expect(parsed.meta.fields!.filter((c) => c === 'response')).toHaveLength(1);
    const counts = Object.fromEntries(IDS.map((id) => [id, parsed.data.filter((r) => r.probe_id === id).length]));
    expect(counts).toEqual({
      'lm-counterfactual-basic': 24,
      'lm-counterfactual-occupations': 48,
      'lm-decision-basic': 288,
      'lm-mcq-position-40': 160,
      'lm-pairwise-position-30': 30,
      'lm-iat-career-family': 32, // 8 + 8 target words, then 8 + 8 attribute words
      'lm-llm-iat-gender-career': 10,
      'lm-llm-decision-gender-career': 20,
    });
    const iat = parsed.data.find((r) => r.probe_id === 'lm-llm-iat-gender-career')!;
    expect(iat.response).toBe("'=cmd|calc - Ben");
    expect(iat.chat_template).toBe('false'); // the fake model has no chat template
    const mcq = parsed.data.find((r) => r.item_id === 'q01#1')!;
    expect(mcq.order).toBe('1; 2; 3; 0');
    expect(mcq.label_log_probs).toMatch(/^\[-[\d.]+(; -[\d.]+){3}\]$/);
    expect(mcq.label_log_probs!.slice(1, -1).split('; ').map(Number).every((x) => x <= 0)).toBe(true);
  });
});
