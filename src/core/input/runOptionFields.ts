// The whole-number run options, each once: its range, its name on the page (the form field's
// label) and in the CLI (the flag). The page's fields, the CLI's flags and their refusals all read
// this table, so "Permutations" and "--permutations" take the same values and are refused with the
// same sentence. The ranges are what one run can do in a tab: 10 million permutations take minutes,
// a million bootstrap resamples as long; seeds are 31-bit so every tool that stores them as a
// signed 32-bit integer reads them back unchanged.
import { readDecimalInteger, type IntegerRange, type IntegerReading } from './decimalInteger';

export interface IntegerOptionField extends IntegerRange {
  /** The label of the page's field. */
  label: string;
  /** The CLI flag, without its dashes. */
  flag: string;
}

export const INTEGER_RUN_OPTIONS = Object.freeze({
  permutations: { label: 'Permutations', flag: 'permutations', min: 1, max: 10_000_000 },
  bootstrap: { label: 'Bootstrap resamples', flag: 'bootstrap', min: 0, max: 1_000_000 },
  seed: { label: 'Seed', flag: 'seed', min: 0, max: 2 ** 31 - 1 },
  batchSize: { label: 'Batch size', flag: 'batch-size', min: 1, max: 1_024 },
} as const satisfies Record<string, IntegerOptionField>);

export type IntegerRunOption = keyof typeof INTEGER_RUN_OPTIONS;

/** A run option typed into the page's field, named by its label. */
export const readOptionField = (option: IntegerRunOption, text: string): IntegerReading =>
  readDecimalInteger(text, INTEGER_RUN_OPTIONS[option], INTEGER_RUN_OPTIONS[option].label);

/** A run option given as a CLI flag, named by the flag. */
export const readOptionFlag = (option: IntegerRunOption, text: string): IntegerReading =>
  readDecimalInteger(text, INTEGER_RUN_OPTIONS[option], `--${INTEGER_RUN_OPTIONS[option].flag}`);
