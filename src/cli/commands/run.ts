// `bias-workbench run`: resolve a built-in probe, suite or probe.json; load the model its families
// run on (word vectors or a language model: cli/modelLoaders.ts, chosen by the families' modality);
// run every probe through the one run path the browser's scoring worker uses (probes/runProbes.ts);
// print the run record (JSON) or tidy CSV (probes/export/runToCsv.ts). The JSON is the same
// RunRecord the app exports, so a CLI run and a browser run of the same probe, model and seed can be
// compared field by field. A probe file is read by the page's reader, under the page's size limit.
// One invocation runs one modality (a mix is refused), and a flag that modality does not read is
// refused rather than ignored. On stderr: before the run, a warning for each probe that needs an
// instruction model the model is not; after it, how many answers each prompt-family probe could read.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { APP_INFO } from '../../core/appInfo';
import { quoteInput } from '../../core/input/quoteInput';
import { createRunRecord, makeRunId, type RunRecord, type RunResult } from '../../core/runRecord';
import { isAnyBuiltinId, resolveAnyProbeOrSuite } from '../../probes/builtin';
import { familyOf, type AnyProbe } from '../../probes/families';
import type { FamilyRunContext } from '../../probes/families/types';
import { runToCsv } from '../../probes/export/runToCsv';
import { checkImportSize } from '../../probes/import/limits';
import { importAnyProbesJson } from '../../probes/import/probeJson';
import { instructionModelWarning } from '../../probes/instructionModelWarning';
import { runProbes } from '../../probes/runProbes';
import { UsageError } from '../cliError';
import { choiceFlag, refuseFlags } from '../flags';
import { MODEL_LOADERS, type LoadedCliModel } from '../modelLoaders';
import { emit, note } from '../output';
import type { CliValues } from '../main';

/** A built-in id, or a probe file read by the page's reader (importAnyProbesJson) under the page's size limit. */
function resolveProbes(ref: string): AnyProbe[] {
  if (isAnyBuiltinId(ref)) return resolveAnyProbeOrSuite(ref);
  if (ref.endsWith('.json') || existsSync(ref)) {
    if (!existsSync(ref)) throw new UsageError(`no such probe file: ${quoteInput(ref)}`);
    const file = statSync(ref);
    if (!file.isFile()) throw new UsageError(`${ref} is a folder, not a probe file; name the .json file inside it`);
    checkImportSize('association-probe', file.size, ref);
    return importAnyProbesJson(readFileSync(ref, 'utf8'), basename(ref));
  }
  throw new UsageError(`${quoteInput(ref)} is neither a built-in probe or suite (see \`bias-workbench probes\`) nor a probe JSON file`);
}

/** Flags only one kind of probe reads (core: the SD convention divides d; the rest load a language model). */
const FLAGS_ONLY_FOR: Record<'vectors' | 'lm', readonly (keyof CliValues)[]> = {
  vectors: ['sd'],
  lm: ['batch-size', 'device', 'dtype'],
};

/** Run probes on a loaded model and assemble the run record. */
export async function runProbesOnModel(
  probes: readonly AnyProbe[],
  model: LoadedCliModel,
  options: FamilyRunContext['options'],
  startedAt: Date = new Date(),
): Promise<RunRecord<AnyProbe, RunResult>> {
  const results = await runProbes(probes, { ...model.context, options });
  return createRunRecord<AnyProbe, RunResult>({
    runId: makeRunId(startedAt, () => randomBytes(1)[0]! / 256),
    app: APP_INFO,
    probes: [...probes],
    model: model.record,
    options,
    startedAt,
    finishedAt: new Date(),
    results,
  });
}

export async function runCommand(positionals: string[], values: CliValues): Promise<void> {
  const [ref, ...extra] = positionals;
  if (!ref) throw new UsageError('run needs a probe id, suite id or probe.json');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.map(quoteInput).join(' ')}`);
  if (!values.model) throw new UsageError('--model is required (see `bias-workbench models`)');
  refuseFlags(values, ['text', 'prefix'], '`run` (they are for `score`)');
  const format = choiceFlag(values.format, 'format', ['json', 'csv'] as const, 'json');
  if (values.items && format !== 'csv') refuseFlags(values, ['items'], '--format json (per-item rows are a CSV output: add --format csv)');
  const probes = resolveProbes(ref);
  const modalities = [...new Set(probes.map((p) => familyOf(p.family).modality))];
  if (modalities.length > 1) throw new UsageError(`'${ref}' mixes word-vector probes (weat/seat) and language-model probes; run them separately`);
  const modality = modalities[0]!;
  const other = modality === 'vectors' ? 'lm' : 'vectors';
  refuseFlags(values, FLAGS_ONLY_FOR[other], `${modality === 'vectors' ? 'word-vector' : 'language-model'} probes such as ${probes[0]!.id}`);
  const loader = MODEL_LOADERS[modality];
  const options = loader.options(values);

  const startedAt = new Date();
  const model = await loader.load(values);
  try {
    for (const probe of probes) {
      const warning = instructionModelWarning(probe, model.chatTemplate);
      if (warning) note(`Warning: ${warning}`);
    }
    const record = await runProbesOnModel(probes, model, options, startedAt);
    for (const r of record.results) {
      const answers = familyOf(r.kind).headline(r).answers;
      if (answers) note(`${r.probeId}: ${answers}.`);
    }
    emit(format === 'json' ? JSON.stringify(record, null, 2) : runToCsv(record, { items: values.items === true }), values.out);
  } finally {
    await model.dispose();
  }
}
