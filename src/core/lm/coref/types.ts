// What a pronoun-resolution run returns (family coref-likelihood), in core so the run record's
// result union can name it (core imports nothing outside core).
import type { AccuracyGap, ConditionAccuracy } from './accuracyGap';
import type { OccupationCorrelations } from './winogenderOccupations';

export interface CorefItemResult {
  id: string;
  condition: string;
  type?: string;
  occupation?: string;
  pairKey?: string;
  sentence: string;
  pronoun: string;
  candidates: [string, string];
  answer: 0 | 1;
  /** log p(' ' + candidate | prefix), summed over its tokens. */
  scores: [number, number];
  /** The likelier candidate; null for a tie. */
  choice: 0 | 1 | null;
  correct: boolean;
}

/** WinoBias: pro vs anti over all sentences and per type ("1", "2", or "unstated"). */
export interface WinoBiasScope {
  scope: string;
  gap: AccuracyGap;
}

export interface CorefLikelihoodResult {
  kind: 'coref-likelihood';
  probeId: string;
  title: string;
  dataset: 'winobias' | 'winogender';
  scoring: 'refers-to-sum';
  /** Accuracy over every sentence. */
  overall: ConditionAccuracy;
  /** The headline comparison: pro − anti (WinoBias), male − female (Winogender). */
  gap: AccuracyGap;
  /** Labels of gap.first / gap.second. */
  compared: [string, string];
  /** WinoBias: the same comparison per type. */
  byType?: WinoBiasScope[];
  /** Winogender: accuracy on neutral (they) sentences. */
  neutral?: ConditionAccuracy;
  /** Winogender: per-occupation preference and its correlation with the statistics. */
  occupations?: OccupationCorrelations;
  items: CorefItemResult[];
}
