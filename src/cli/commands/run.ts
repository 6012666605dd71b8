// `bias-workbench run`: resolve a built-in probe, suite or a file in any format the page imports;
// load the model its families run on (word vectors or a language model: cli/modelLoaders.ts, chosen by the families' modality);
// run every probe through the one run path the browser's scoring worker uses (probes/runProbes.ts);
// print the run record (JSON) or tidy CSV (probes/export/runToCsv.ts). The JSON is the same
// RunRecord the app exports, so a CLI run and a browser run of the same probe, model and seed can be
// compared field by field. A file is read by the page's readers, its format found by the page's
// detection (or named by --input-format), under the page's size limit for that format.
// One invocation runs one modality (a mix is refused), and a flag that modality does not read is
// refused rather than ignored; the class lab's presets (modality 'none') take no --model at all.
// On stderr: before the run, a warning for each probe that needs an instruction model the model is
// not; after it, how many answers each prompt-family probe could read.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { APP_INFO } from '../../core/appInfo';
import { quoteInput } from '../../core/input/quoteInput';
import { createRunRecord, makeRunId, type RunRecord, type RunResult } from '../../core/runRecord';
import { isAnyBuiltinId, resolveAnyProbeOrSuite } from '../../probes/builtin';
import { familyOf, type AnyProbe } from '../../probes/families';
import type { FamilyRunContext, Modality } from '../../probes/families/types';
import { runToCsv } from '../../probes/export/runToCsv';
import { detectInputFormat, INPUT_FORMAT_IDS, INPUT_FORMATS, type InputFormat } from '../../probes/import/inputFormat';
import { checkImportSize } from '../../probes/import/limits';
import { holisticBiasBundleText, holisticBiasKeyOf } from '../../probes/import/holisticBias';
import { IMPORT_KIND_OF, LIMITABLE_FORMATS, probesFromFile } from '../../probes/import/probesFromFile';
import { instructionModelWarning } from '../../probes/instructionModelWarning';
import { runProbes } from '../../probes/runProbes';
import { UsageError } from '../cliError';
import { choiceFlag, countFlag, refuseFlags } from '../flags';
import { MODEL_LOADERS, type LoadedCliModel } from '../modelLoaders';
import { emit, note } from '../output';
import { offloadPermutations } from '../permutationThread';
import { setPermutationStarter } from '../../core/stats/permutationOffload';
import type { CliValues } from '../main';

/** Flags that only a file reads. */
const FILE_FLAGS: readonly (keyof CliValues)[] = ['input-format', 'limit', 'sets'];

/** The range of --limit (its top is above the rows any file under the size limits holds). */
const LIMIT_RANGE = { min: 1, max: 1_000_000 };

const formatList = (): string => INPUT_FORMAT_IDS.map((id) => `${id} (${INPUT_FORMATS[id]})`).join('; ');

/**
 * A built-in id, or a file in any format the page imports, read by the page's readers
 * (probes/import/probesFromFile.ts) under the page's size limit for that format. Rows a reader
 * skipped are listed on stderr.
 */
function resolveProbes(ref: string, values: CliValues): AnyProbe[] {
  if (isAnyBuiltinId(ref)) {
    refuseFlags(values, FILE_FLAGS, `a built-in probe or suite (they are for files)`);
    return resolveAnyProbeOrSuite(ref);
  }
  if (!existsSync(ref)) {
    if (/\.(json|jsonl|csv|txt)$/i.test(ref)) throw new UsageError(`no such probe file: ${quoteInput(ref)}`);
    throw new UsageError(`${quoteInput(ref)} is neither a built-in probe or suite (see \`bias-workbench probes\`) nor a file`);
  }
  const file = statSync(ref);
  // A folder is read only as HolisticBias's dataset folder: its files combined into one object.
  const datasetFiles = file.isDirectory() ? readdirSync(ref).filter((n) => holisticBiasKeyOf(n) !== null) : [];
  if (!file.isFile() && datasetFiles.length === 0) throw new UsageError(`${ref} is a folder, not a probe file; name the .json file inside it`);
  const named = datasetFiles.length ? 'holistic-bias-json' : values['input-format'] === undefined ? null : choiceFlag(values['input-format'], 'input-format', INPUT_FORMAT_IDS, 'probe-json');
  const size = datasetFiles.length ? datasetFiles.reduce((s, n) => s + statSync(join(ref, n)).size, 0) : file.size;
  // Every format's limit is at most this one: nothing over it is read to find the format.
  checkImportSize(named ? IMPORT_KIND_OF[named] : 'association-probe', size, ref);
  const name = basename(ref);
  const text = datasetFiles.length ? holisticBiasBundleText(datasetFiles.map((n) => ({ name: n, text: readFileSync(join(ref, n), 'utf8') }))) : readFileSync(ref, 'utf8');
  const detected = named ? null : detectInputFormat(text, name);
  if (detected && !detected.ok) throw new UsageError(`${detected.why}. \`run\` reads: ${formatList()}. Name the format with --input-format ${INPUT_FORMAT_IDS.join('|')}.`);
  const format = named ?? (detected as { format: InputFormat }).format;
  checkImportSize(IMPORT_KIND_OF[format], size, ref);
  if (values.limit !== undefined && !LIMITABLE_FORMATS.includes(format))
    throw new UsageError(`--limit is not read for ${name}, a ${format} file; it takes the first N rows of ${LIMITABLE_FORMATS.join(', ')} files. Leave it out.`);
  if (values.sets !== undefined && format !== 'wefe-json') throw new UsageError(`--sets is not read for ${name}, a ${format} file; it names the lists of a WEFE word-set file. Leave it out.`);
  const limit = values.limit === undefined ? undefined : countFlag('limit', values.limit, LIMIT_RANGE);
  const wefeSets = values.sets?.split(',').map((s) => s.trim());
  const read = probesFromFile(text, name, format, { ...(limit !== undefined ? { limit } : {}), ...(wefeSets ? { wefeSets } : {}) });
  for (const skipped of read.skipped) note(`${name}: skipped ${skipped}`);
  return read.probes;
}

/** Flags only one kind of probe reads (core: the SD convention divides d; the rest load a language model). */
const FLAGS_ONLY_FOR: Record<'vectors' | 'lm', readonly (keyof CliValues)[]> = {
  vectors: ['sd'],
  lm: ['batch-size', 'device', 'dtype'],
};

/** What a run of each modality does not read (a model-free run reads only the seed and the output flags). */
const FLAGS_REFUSED: Record<Modality, readonly (keyof CliValues)[]> = {
  vectors: FLAGS_ONLY_FOR.lm,
  lm: FLAGS_ONLY_FOR.vectors,
  none: ['model', 'models-dir', 'permutations', 'bootstrap', ...FLAGS_ONLY_FOR.vectors, ...FLAGS_ONLY_FOR.lm],
};

const MODALITY_WORDS: Record<Modality, string> = { vectors: 'word-vector', lm: 'language-model', none: 'model-free (class lab)' };

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
  if (!ref) throw new UsageError('run needs a probe id, suite id or a file (probe JSON, CrowS-Pairs CSV, WEFE JSON, word-set CSV, SEAT test file, run record)');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.map(quoteInput).join(' ')}`);
  refuseFlags(values, ['text', 'prefix'], '`run` (they are for `score`)');
  const format = choiceFlag(values.format, 'format', ['json', 'csv'] as const, 'json');
  if (values.items && format !== 'csv') refuseFlags(values, ['items'], '--format json (per-item rows are a CSV output: add --format csv)');
  const probes = resolveProbes(ref, values);
  const modalities = [...new Set(probes.map((p) => familyOf(p.family).modality))];
  if (modalities.length > 1) throw new UsageError(`'${ref}' mixes ${modalities.map((m) => `${MODALITY_WORDS[m]} probes`).join(' and ')}; run them separately`);
  const modality = modalities[0]!;
  refuseFlags(values, FLAGS_REFUSED[modality], `${MODALITY_WORDS[modality]} probes such as ${probes[0]!.id}${modality === 'none' ? ' (they need no model)' : ''}`);
  if (modality !== 'none' && !values.model) throw new UsageError('--model is required (see `bias-workbench models`)');
  const loader = MODEL_LOADERS[modality];
  const options = loader.options(values);

  const startedAt = new Date();
  // Started now, so the thread is up by the first test; tests before that run on this thread.
  const permutations = await offloadPermutations();
  try {
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
  } finally {
    setPermutationStarter(null);
    await permutations?.close();
  }
}
