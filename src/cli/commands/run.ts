// `bias-workbench run`: resolve a built-in probe, suite or probe.json; embed its stimuli with the
// chosen model through the same runtime the browser uses; run the seeded core; print the run
// record (JSON) or tidy CSV. The JSON is the same RunRecord the app exports, so a CLI run and a
// browser run of the same probe, model and seed can be compared field by field.
// Dispatch on the probe family: WEAT/SEAT embed stimuli with a word-vector model (below); the LM
// families run on a language model through lmRun.ts. One invocation runs one kind (a mix is refused).
import { readFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { buildAssociationInput, runAssociationBatch, DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions } from '../../core/association';
import { createRunRecord, makeRunId } from '../../core/runRecord';
import { APP_INFO } from '../../core/appInfo';
import { isAnyBuiltinId, resolveAnyProbeOrSuite } from '../../probes/builtin';
import { importAnyProbesJson } from '../../probes/import/probeJson';
import { isLmProbe, type AnyProbe, type LmProbe } from '../../probes/lmSchema';
import { itemsToCsv, resultsToCsv } from '../../probes/export/csv';
import type { Probe } from '../../probes/schema';
import { loadEmbeddedModel } from '../../runtime/node';
import { UsageError } from '../cliError';
import { choiceFlag, intFlag } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';
import { runLmCommand } from './lmRun';

function resolveProbes(ref: string): AnyProbe[] {
  if (isAnyBuiltinId(ref)) return resolveAnyProbeOrSuite(ref);
  if (ref.endsWith('.json') || existsSync(ref)) {
    if (!existsSync(ref)) throw new UsageError(`no such probe file: ${ref}`);
    return importAnyProbesJson(readFileSync(ref, 'utf8'));
  }
  throw new UsageError(`'${ref}' is neither a built-in probe or suite (see \`bias-workbench probes\`) nor a probe JSON file`);
}

export function runOptions(values: CliValues): AssociationOptions {
  return {
    ...DEFAULT_ASSOCIATION_OPTIONS,
    seed: intFlag(values.seed, 'seed', DEFAULT_ASSOCIATION_OPTIONS.seed, 0),
    permutations: intFlag(values.permutations, 'permutations', DEFAULT_ASSOCIATION_OPTIONS.permutations, 1),
    bootstrap: intFlag(values.bootstrap, 'bootstrap', DEFAULT_ASSOCIATION_OPTIONS.bootstrap, 0),
    sd: choiceFlag(values.sd, 'sd', ['sample', 'population'] as const, DEFAULT_ASSOCIATION_OPTIONS.sd),
  };
}

export async function runCommand(positionals: string[], values: CliValues): Promise<void> {
  const [ref, ...extra] = positionals;
  if (!ref) throw new UsageError('run needs a probe id, suite id or probe.json');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!values.model) throw new UsageError('--model is required (see `bias-workbench models`)');
  const format = choiceFlag(values.format, 'format', ['json', 'csv'] as const, 'json');
  const all = resolveProbes(ref);
  const lmProbes = all.filter(isLmProbe);
  if (lmProbes.length > 0 && lmProbes.length < all.length) {
    throw new UsageError(`'${ref}' mixes word-vector probes (weat/seat) and language-model probes; run them separately`);
  }
  if (lmProbes.length > 0) return runLmCommand(lmProbes as LmProbe[], values, format);
  const probes = all as Probe[];
  const options = runOptions(values);

  const startedAt = new Date();
  const model = await loadEmbeddedModel(values.model, values['models-dir'] ? { baseDir: values['models-dir'] } : {});
  try {
    const inputs = [];
    for (const probe of probes) inputs.push(await buildAssociationInput(probe, model));
    const results = runAssociationBatch(inputs, options);
    const record = createRunRecord({
      runId: makeRunId(startedAt, () => randomBytes(1)[0]! / 256),
      app: APP_INFO,
      probes,
      model: {
        id: model.info.id,
        title: model.info.title,
        assetSha256: model.info.assetSha256,
        dtype: model.info.dtype,
        backend: 'node',
      },
      options,
      startedAt,
      finishedAt: new Date(),
      results,
    });
    if (format === 'json') {
      emit(JSON.stringify(record, null, 2), values.out);
    } else {
      const meta = { runId: record.runId, modelId: record.model.id, seed: record.seed };
      emit(values.items ? itemsToCsv(results, meta) : resultsToCsv(results, meta), values.out);
    }
  } finally {
    await model.dispose();
  }
}
