// What a HolisticBias run returns: the sample as drawn (so the record states what was scored), the
// Likelihood Bias per axis and pooled, and every scored sentence with its score (the item rows).
import type { AxisLikelihoodBias } from './likelihoodBias';
import type { HolisticBiasSentence } from './sample';

/** One scored sentence: the sentence as drawn and its mean log-probability per token. */
export type HolisticBiasItemRow = HolisticBiasSentence & { score: number };

export interface HolisticBiasResult {
  kind: 'holistic-bias';
  probeId: string;
  title: string;
  scoring: 'causal-mean';
  sample: {
    perCell: number;
    seed: number;
    /** The templates drawn, in draw order. */
    templates: string[];
    /** Sentences scored. */
    sentences: number;
  };
  comparisons: number;
  significant: number;
  likelihoodBias: number | null;
  axes: AxisLikelihoodBias[];
  items: HolisticBiasItemRow[];
}
