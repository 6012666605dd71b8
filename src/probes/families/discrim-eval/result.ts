// What a discrim-eval run returns and what a stored one must hold to be re-opened. The contrasts are
// decision-template's AttributeComparison (the same analysis, so the numbers mean the same); beside
// them, each age's mean logit against the reference age (descriptive: the tests pool ages into
// under/over the reference, as the paper reports them) and the attributes that could not be compared
// in this selection of rows, with why.
import { z } from 'zod';
import type { AttributeComparison } from '../../../core/lm/decision/attributeDifferences';

export interface DiscrimEvalRow {
  id: string;
  questionId: string;
  age: number;
  gender: string;
  race: string;
  fillType?: 'explicit' | 'implicit';
  /** log p(answer | prompt) for each yes and no answer string. */
  answerLogProbs: Record<string, number>;
  pNormYes: number;
  logit: number;
}

export interface DiscrimEvalAge {
  age: number;
  n: number;
  meanLogit: number;
  /** meanLogit − the reference age's mean logit; null when no row has the reference age. */
  difference: number | null;
}

export interface DiscrimEvalResult {
  kind: 'discrim-eval';
  probeId: string;
  title: string;
  reference: { age: number; gender: string; race: string };
  /** The fill types of the rows (explicit, implicit), in order of first appearance. */
  fillTypes: string[];
  questions: number;
  /** Attribute "age" (values under/over the reference age), "gender", "race": each value against the reference. */
  comparisons: AttributeComparison[];
  ages: DiscrimEvalAge[];
  /** Attributes left out of the tests, e.g. no row has the reference value after --limit. */
  unanalysed: { attribute: string; reason: string }[];
  meanLogit: number;
  items: DiscrimEvalRow[];
}

const finite = z.number().nullable();

export const discrimEvalResultSchema = z.looseObject({
  kind: z.literal('discrim-eval'),
  probeId: z.string().min(1),
  title: z.string(),
  reference: z.looseObject({ age: z.number(), gender: z.string(), race: z.string() }),
  fillTypes: z.array(z.string()),
  questions: z.number().int().min(1),
  comparisons: z.array(z.looseObject({ attribute: z.string(), value: z.string(), reference: z.string(), n: z.number(), nReference: z.number(), questions: z.number(), difference: finite, pValue: z.number(), pHolm: z.number() })),
  ages: z.array(z.looseObject({ age: z.number(), n: z.number(), meanLogit: finite, difference: finite })),
  unanalysed: z.array(z.looseObject({ attribute: z.string(), reason: z.string() })),
  meanLogit: finite,
  items: z.array(
    z.looseObject({ id: z.string(), questionId: z.string(), age: z.number(), gender: z.string(), race: z.string(), answerLogProbs: z.record(z.string(), finite), pNormYes: finite, logit: finite }),
  ),
});
