// `bias-workbench iat-score <trials.csv>`: the improved D score (Greenwald, Nosek & Banaji 2003) of
// every participant in a human IAT trials file, with the two block-pair D's, trial counts and
// exclusion flags, and the class summary — the same core (src/core/iat) the class view scores with.
// JSON carries everything, the summary last; CSV is one row per participant (the summary then goes
// to stderr as one line, so the file stays a plain table).
import { existsSync, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { quoteInput } from '../../core/input/quoteInput';
import { ERROR_PENALTY_MS, FAST_RESPONDER_PERCENT, FAST_TRIAL_MS, SLOW_TRIAL_MS, scoreIatTrials, type IatParticipantScore, type IatScores } from '../../core/iat';
import { parseIatTrialsCsv } from '../../probes/import/iatTrialsCsv';
import { guardCell } from '../../probes/export/runToCsv';
import { UsageError } from '../cliError';
import { choiceFlag, refuseFlags } from '../flags';
import { emit, note } from '../output';
import type { CliValues } from '../main';

export const IAT_SCORES_FORMAT = 'bias-workbench-iat-scores@1';

export const IAT_SCORE_CSV_COLUMNS = [
  'participant',
  'd',
  'd_practice',
  'd_test',
  'first_pairing',
  'error_treatment',
  'mean_xa_practice',
  'mean_xb_practice',
  'sd_practice',
  'mean_xa_test',
  'mean_xb_test',
  'sd_test',
  'trials_recorded',
  'trials_scored',
  'trials_dropped_slow',
  'trials_fast',
  'trials_errors',
  'fast_share',
  'fast_responder',
  'too_few_trials',
  'included',
] as const;

const METHOD = {
  algorithm: 'improved D (Greenwald, Nosek & Banaji 2003, Table 4)',
  sign: 'D > 0: faster when X shares a key with A than when X shares a key with B',
  droppedSlowerThanMs: SLOW_TRIAL_MS,
  fastTrialMs: FAST_TRIAL_MS,
  fastResponderPercent: FAST_RESPONDER_PERCENT,
  errorPenaltyMs: ERROR_PENALTY_MS,
  errorPenaltyAppliesTo: 'participants whose rows say error_correction = none',
  sd: 'sample SD (n − 1) of all kept trials of blocks 3 and 6, and of blocks 4 and 7',
} as const;

const cell = (x: number | null): number | string => (x === null ? '' : x);

function csvRow(s: IatParticipantScore): (string | number)[] {
  return [
    guardCell(s.participant) as string,
    cell(s.d),
    cell(s.practice.d),
    cell(s.test.d),
    s.firstPairing ?? '',
    s.errorTreatment,
    cell(s.practice.meanXA),
    cell(s.practice.meanXB),
    cell(s.practice.inclusiveSd),
    cell(s.test.meanXA),
    cell(s.test.meanXB),
    cell(s.test.inclusiveSd),
    s.trials.recorded,
    s.trials.scored,
    s.trials.droppedSlow,
    s.trials.fast,
    s.trials.errors,
    s.fastShare,
    String(s.flags.fastResponder),
    String(s.flags.tooFewTrials),
    String(s.included),
  ];
}

const fixed = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));

function summaryLine(scores: IatScores): string {
  const s = scores.summary;
  const ci = s.ci ? `, 95% CI [${fixed(s.ci.low, 3)}, ${fixed(s.ci.high, 3)}]` : '';
  const left = s.participants - s.n;
  return `Class: mean D ${fixed(s.meanD, 3)}${ci}, n = ${s.n} of ${s.participants}${left ? ` (${s.excluded.fastResponder} fast responder${s.excluded.fastResponder === 1 ? '' : 's'}, ${s.excluded.tooFewTrials} with too few trials)` : ''}.`;
}

export function iatScoreCommand(positionals: string[], values: CliValues): void {
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('iat-score needs a trials CSV file');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.map(quoteInput).join(' ')}`);
  refuseFlags(values, ['model', 'seed', 'permutations', 'bootstrap', 'sd', 'items', 'text', 'prefix', 'models-dir', 'batch-size', 'device', 'dtype'], '`iat-score`');
  const format = choiceFlag(values.format, 'format', ['json', 'csv'] as const, 'json');
  if (!existsSync(file)) throw new UsageError(`no such trials file: ${quoteInput(file)}`);
  if (!statSync(file).isFile()) throw new UsageError(`${quoteInput(file)} is a folder, not a trials file`);
  const scores = scoreIatTrials(parseIatTrialsCsv(readFileSync(file, 'utf8')));
  if (format === 'json') {
    emit(JSON.stringify({ format: IAT_SCORES_FORMAT, method: METHOD, participants: scores.participants, summary: scores.summary }, null, 2), values.out);
    return;
  }
  emit(Papa.unparse({ fields: [...IAT_SCORE_CSV_COLUMNS], data: scores.participants.map(csvRow) }, { newline: '\r\n', escapeFormulae: false }), values.out);
  note(summaryLine(scores));
}
