// The model's side of a human IAT is one of two measures on the same four word lists: WEAT d on
// word vectors (family human-iat) or the likelihood IAT's d on a language model (human-iat-lm).
// The words every screen and export uses for each — the axis label, what its ends mean, how it was
// computed and the caution beside the participant's D — live here, once, so the participant's
// result screen, the card and the class slide say the same thing for the same measure.
import type { IatCategoryKey } from './sessionPlan';

export type IatModelMeasure = 'weat' | 'lm-iat';

export interface IatModelMeasureWords {
  /** The axis label: "The model's WEAT d". */
  axisLabel: string;
  /** The debrief's "and beside it …": "the word vectors’ score on the same words". */
  besideYours: string;
  /** What the ends of the axis mean, negative end first. */
  ends(labels: Record<IatCategoryKey, string>): [string, string];
  /** How the number was computed, one sentence, ending before the p-value. */
  computed: string;
  /** The second half of the caution: what the model's number compares. */
  compares: string;
}

const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

export const IAT_MODEL_MEASURES: Readonly<Record<IatModelMeasure, IatModelMeasureWords>> = {
  weat: {
    axisLabel: 'The model’s WEAT d',
    besideYours: 'the word vectors’ score on the same words',
    ends: (l) => [`${lower(l.X)} nearer ${lower(l.B)}`, `${lower(l.X)} nearer ${lower(l.A)}`],
    computed: 'WEAT on the same four word lists and the word vectors loaded in this page',
    compares: 'The model’s d compares cosine similarities between word vectors, scaled by the spread over words.',
  },
  'lm-iat': {
    axisLabel: 'The language model’s d',
    besideYours: 'the language model’s score on the same words',
    ends: (l) => [`${lower(l.B)} likelier after ${lower(l.X)}`, `${lower(l.A)} likelier after ${lower(l.X)}`],
    computed: 'The likelihood IAT on the same four word lists and the language model loaded in this page (how likely each attribute word is after a sentence naming each target)',
    compares: 'The model’s d compares how likely the model finds each attribute word after each target word, scaled by the spread over words.',
  },
};

/** The words of a kept result's measure; results kept before the language-model side existed are WEAT. */
export const modelMeasureWords = (measure: IatModelMeasure | undefined): IatModelMeasureWords => IAT_MODEL_MEASURES[measure ?? 'weat'];
