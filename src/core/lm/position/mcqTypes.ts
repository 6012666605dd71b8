// Input shape of the MCQ position-bias family: for each question, every presented order and the
// model's score for each option LABEL (position) in that order. Scores may be log-probabilities or
// probabilities of the label tokens ("A", "B", …); either way only their ratios across labels are
// used, because both Zheng et al.'s metrics and PriDe renormalise over the option labels.

export interface McqPresentation {
  /** order[p] = content id of the option shown at position p (label p). */
  order: string[];
  /** Natural-log probability of each position's label token. Give this or labelProbs. */
  labelLogProbs?: number[];
  /** Probability of each position's label token. Give this or labelLogProbs. */
  labelProbs?: number[];
}

export interface McqQuestion {
  id: string;
  /** Content id of the correct option, when known (needed for recall and RStd). */
  correct?: string;
  presentations: McqPresentation[];
}
