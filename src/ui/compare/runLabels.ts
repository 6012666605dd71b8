// How compare names a run in a column header: "Run 2" and the values of whatever differs between
// the runs compared (model, dtype, seed, each differing option) — nothing that is the same for all.
import type { RunDifference } from '../../core/compare';

/** Words for the run options compare may name; any other option is shown by its key. */
const OPTION_NAMES: Readonly<Record<string, string>> = {
  sd: 'SD convention',
  permutations: 'permutations',
  bootstrap: 'bootstrap resamples',
  confidenceLevel: 'confidence level',
  ciMethod: 'CI method',
  exactLimit: 'exact limit',
  nullHistogramBins: 'null histogram bins',
  batchSize: 'batch size',
  signFlipExactLimit: 'sign-flip exact limit',
};

export const fieldName = (d: Pick<RunDifference, 'field' | 'option'>): string => (d.option ? (OPTION_NAMES[d.field] ?? d.field) : d.field);

/** The differing fields with this run's value, e.g. [["seed", "2"], ["SD convention", "population"]]. */
export const runLabel = (differences: readonly RunDifference[], run: number): [string, string][] => differences.map((d) => [fieldName(d), d.values[run]!]);
