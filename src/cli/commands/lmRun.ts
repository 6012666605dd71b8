// The LM half of `bias-workbench run`: probes of the language-model families (counterfactual pairs
// and templates, decision templates, MCQ and judge position swaps, likelihood IAT, Bai et al.
// prompts) run on a causal or masked LM loaded by the LM runtime's Node loader — the embedded
// `workbench/tiny-gpt2` / `workbench/tiny-bert` offline, or a Hub id — through the same core
// orchestration (src/core/lmRun) the browser worker uses. Output: the run record (JSON, results
// discriminated by `kind`) or tidy CSV (per probe in long form, or per item with --items). On stderr:
// before the run, a warning for each probe that needs an instruction model when the model has no chat
// template; after it, how many answers each prompt-family probe could read.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { APP_INFO } from '../../core/appInfo';
import { answerCountOf, DEFAULT_LM_RUN_OPTIONS, instructionModelWarning, runLmProbeBatch, type LmProbeDefinition, type LmRunOptions } from '../../core/lmRun';
import { lmRunModel } from '../../core/lmRunModel';
import { createRunRecord, makeRunId, type RunRecord, type RunResult } from '../../core/runRecord';
import { lmItemsToCsv, lmResultsToCsv } from '../../probes/export/lmCsv';
import type { AnyProbe, LmProbe } from '../../probes/lmSchema';
import { loadLanguageModel, type LanguageModel } from '../../runtime/lm/node';
import { LM_DTYPES } from '../../runtime/lm/types';
import { choiceFlag, deviceFlag, intFlag } from '../flags';
import { emit, note } from '../output';
import type { CliValues } from '../main';

/** Flags main.ts may or may not declare yet (--batch-size, --device, --dtype); read if present. */
const optional = (values: CliValues, name: string): string | undefined => {
  const v = (values as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

/** LM run options from the CLI flags (defaults: DEFAULT_LM_RUN_OPTIONS). */
export function lmRunOptions(values: CliValues): LmRunOptions {
  return {
    ...DEFAULT_LM_RUN_OPTIONS,
    batchSize: intFlag(optional(values, 'batch-size'), 'batch-size', DEFAULT_LM_RUN_OPTIONS.batchSize, 1),
    seed: intFlag(values.seed, 'seed', DEFAULT_LM_RUN_OPTIONS.seed, 0),
    permutations: intFlag(values.permutations, 'permutations', DEFAULT_LM_RUN_OPTIONS.permutations, 1),
    bootstrap: intFlag(values.bootstrap, 'bootstrap', DEFAULT_LM_RUN_OPTIONS.bootstrap, 0),
    sd: choiceFlag(values.sd, 'sd', ['sample', 'population'] as const, DEFAULT_LM_RUN_OPTIONS.sd),
  };
}

/** Load the LM named by --model; --models-dir is the folder holding models/<org>/<name>/ (as for word vectors). */
export function loadCliLanguageModel(values: CliValues): Promise<LanguageModel> {
  const base = values['models-dir'];
  const device = optional(values, 'device');
  const dtype = optional(values, 'dtype');
  return loadLanguageModel(values.model!, {
    ...(base ? { modelsDir: path.join(base, 'models') } : {}),
    ...(device ? { device: deviceFlag(device) } : {}),
    ...(dtype ? { dtype: choiceFlag(dtype, 'dtype', ['auto', ...LM_DTYPES] as const, 'auto') } : {}),
  });
}

/** Run LM probes on a loaded model and assemble the run record (shared by the CLI and its tests). */
export async function runLmProbesOnModel(
  probes: readonly LmProbe[],
  lm: LanguageModel,
  options: LmRunOptions,
  startedAt: Date = new Date(),
): Promise<RunRecord<AnyProbe, RunResult>> {
  const results = await runLmProbeBatch(probes as readonly LmProbeDefinition[], lm, options);
  return createRunRecord<AnyProbe, RunResult>({
    runId: makeRunId(startedAt, () => randomBytes(1)[0]! / 256),
    app: APP_INFO,
    probes: [...probes],
    model: lmRunModel(lm.info),
    options,
    startedAt,
    finishedAt: new Date(),
    results,
  });
}

/** `run` for LM probes: load, run, print JSON or CSV. */
export async function runLmCommand(probes: readonly LmProbe[], values: CliValues, format: 'json' | 'csv'): Promise<void> {
  const options = lmRunOptions(values);
  const startedAt = new Date();
  const lm = await loadCliLanguageModel(values);
  try {
    for (const probe of probes) {
      const warning = instructionModelWarning(probe, lm.info);
      if (warning) note(`Warning: ${warning}`);
    }
    const record = await runLmProbesOnModel(probes, lm, options, startedAt);
    for (const r of record.results) {
      const count = answerCountOf(r);
      if (count) note(`${r.probeId}: ${count.text}.`);
    }
    if (format === 'json') emit(JSON.stringify(record, null, 2), values.out);
    else {
      const meta = { runId: record.runId, modelId: record.model.id, seed: record.seed };
      emit(values.items ? lmItemsToCsv(record.results, meta) : lmResultsToCsv(record.results, meta), values.out);
    }
  } finally {
    await lm.dispose();
  }
}
