// The collected class as a tidy CSV, one row per participant, for a spreadsheet or R: D (to 0.001 for
// entries that came as codes, full precision from files), the flags that decide whether the row
// counts in the class mean, and the trial counts. The summary (mean D, interval, n) is not repeated
// in rows, so every row stays one participant; it can be recomputed from the rows.
import Papa from 'papaparse';
import { guardCell } from '../probes/export/runToCsv';
import type { IatClassEntry } from './iatClassIntake';

export const IAT_CLASS_CSV_COLUMNS = [
  'entry',
  'source',
  'd',
  'included',
  'fast_responder',
  'too_few_trials',
  'first_pairing',
  'combined_trials',
  'scored_trials',
  'dropped_slow',
  'fast_trials',
  'errors',
] as const;

const flag = (b: boolean) => (b ? 1 : 0);

export function iatClassToCsv(entries: readonly IatClassEntry[]): string {
  const data = entries.map((e) => {
    const r = e.result;
    return [
      guardCell(e.label),
      e.source,
      r.d === null ? '' : r.d,
      flag(r.included),
      flag(r.flags.fastResponder),
      flag(r.flags.tooFewTrials),
      r.firstPairing ?? '',
      r.trials.recorded,
      r.trials.scored,
      r.trials.droppedSlow,
      r.trials.fast,
      r.trials.errors,
    ];
  });
  return Papa.unparse({ fields: [...IAT_CLASS_CSV_COLUMNS], data }, { newline: '\r\n', escapeFormulae: false }) + '\r\n';
}
