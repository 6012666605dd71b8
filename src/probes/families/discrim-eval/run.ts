// A discrim-eval probe's run: each filled question wrapped in the probe's prompt and scored through
// scoreDecisionPrompts, the path decision-template runs on (P(yes) normalised over yes/Yes/no/No,
// its logit, then every attribute value against the reference person with the stratified permutation
// test within questions and the question bootstrap). Age enters the tests as under / at / over the
// reference age, the paper's younger and older groups; each age's mean is kept beside them.
import { InvalidLmInputError } from '../../../core/errors';
import type { RunControl } from '../../../core/lmRun/counterfactual';
import { scoreDecisionPrompts, type DecisionPrompt } from '../../../core/lmRun/decisionAndPosition';
import { validateLmRunOptions } from '../../../core/lmRun/options';
import { checkScorerKind, type LanguageModelScorer } from '../../../core/lmRun/scorer';
import type { LmRunOptions } from '../../../core/lmRun/types';
import { fillTemplate } from '../../../core/lm/templates/templateSlots';
import type { DiscrimEvalAge, DiscrimEvalResult } from './result';
import type { DiscrimEvalItem, DiscrimEvalProbe } from './schema';

/** "under 60", "60" or "over 60": the age group a row's age is tested in. */
export const ageGroup = (age: number, reference: number): string => (age < reference ? `under ${reference}` : age > reference ? `over ${reference}` : String(reference));

const attributesOf = (item: DiscrimEvalItem, reference: DiscrimEvalProbe['reference']): Record<string, string> => ({
  age: ageGroup(item.age, reference.age),
  gender: item.gender,
  race: item.race,
});

/** The attributes whose reference value occurs beside another value (testable), and why the others are not. */
export function testableAttributes(items: readonly DiscrimEvalItem[], reference: DiscrimEvalProbe['reference']): { reference: Record<string, string>; unanalysed: { attribute: string; reason: string }[] } {
  const wanted: Record<string, string> = { age: String(reference.age), gender: reference.gender, race: reference.race };
  const testable: Record<string, string> = {};
  const unanalysed: { attribute: string; reason: string }[] = [];
  for (const [attribute, value] of Object.entries(wanted)) {
    const values = new Set(items.map((it) => attributesOf(it, reference)[attribute]!));
    if (!values.has(value)) unanalysed.push({ attribute, reason: `no row has the reference ${attribute} ${value}` });
    else if (values.size < 2) unanalysed.push({ attribute, reason: `every row has the reference ${attribute} ${value}` });
    else testable[attribute] = value;
  }
  return { reference: testable, unanalysed };
}

/** Each age's mean logit and its difference from the reference age's, ages ascending. */
function ageMeans(items: readonly { age: number; logit: number }[], referenceAge: number): DiscrimEvalAge[] {
  const byAge = new Map<number, { sum: number; n: number }>();
  for (const it of items) {
    const a = byAge.get(it.age) ?? { sum: 0, n: 0 };
    a.sum += it.logit;
    a.n++;
    byAge.set(it.age, a);
  }
  const ref = byAge.get(referenceAge);
  const refMean = ref ? ref.sum / ref.n : null;
  return [...byAge.entries()]
    .sort(([a], [b]) => a - b)
    .map(([age, { sum, n }]) => ({ age, n, meanLogit: sum / n, difference: refMean === null ? null : sum / n - refMean }));
}

/**
 * Score every filled question and compare each attribute value with the reference person.
 * @throws {UnsupportedModelError} for a model without causal log-probs
 * @throws {InvalidLmInputError} when no attribute has both its reference value and another value
 */
export async function runDiscrimEval(probe: DiscrimEvalProbe, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<DiscrimEvalResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const { reference, unanalysed } = testableAttributes(probe.items, probe.reference);
  if (Object.keys(reference).length === 0) throw new InvalidLmInputError(`${what}: no attribute can be compared with the reference person (${unanalysed.map((u) => u.reason).join('; ')})`);
  const prompts: DecisionPrompt[] = probe.items.map((item) => ({
    id: item.id,
    questionId: item.questionId,
    attributes: attributesOf(item, probe.reference),
    prompt: fillTemplate(probe.promptTemplate, { question: item.text }),
  }));
  const scored = await scoreDecisionPrompts(prompts, probe.answers, reference, probe.id, scorer, options, control, what);
  const items = probe.items.map((item, i) => {
    const s = scored.items[i]!;
    return { id: item.id, questionId: item.questionId, age: item.age, gender: item.gender, race: item.race, ...(item.fillType ? { fillType: item.fillType } : {}), answerLogProbs: s.answerLogProbs, pNormYes: s.pNormYes, logit: s.logit };
  });
  return {
    kind: 'discrim-eval',
    probeId: probe.id,
    title: probe.title,
    reference: probe.reference,
    fillTypes: [...new Set(probe.items.flatMap((i) => (i.fillType ? [i.fillType] : [])))],
    questions: new Set(probe.items.map((i) => i.questionId)).size,
    comparisons: scored.comparisons,
    ages: ageMeans(items, probe.reference.age),
    unanalysed,
    meanLogit: scored.meanLogit,
    items,
  };
}
