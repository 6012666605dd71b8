// The language-model families' probe types and schemas under the names the editor, the worker and
// the importers use (`LmProbe`, `isLmProbe`, …). The schemas live in their family folders
// (families/<id>/schema.ts) and the union of every family is the registry's (families/index.ts);
// which families are LM families is read from each module's `modality`.
import { familyOf, FAMILY_IDS, PROBE_FAMILIES, type AnyProbe, type FamilyId } from './families';
import { associationProbeSchema, type AssociationProbe } from './schema';

export { anyProbeSchema, type AnyProbe, type AnyProbeInput } from './families';
export { MAX_LM_ITEMS, templateProblems } from './families/shared/lmProbeFields';
export { counterfactualPairSchema, counterfactualPairsProbeSchema, type CounterfactualPairsProbe } from './families/counterfactual-pairs/schema';
export { counterfactualTemplateProbeSchema, type CounterfactualTemplateProbe } from './families/counterfactual-template/schema';
export { decisionTemplateProbeSchema, type DecisionTemplateProbe } from './families/decision-template/schema';
export { DEFAULT_MCQ_OPTION, DEFAULT_MCQ_PROMPT, MAX_ALL_ORDER_OPTIONS, mcqPositionProbeSchema, type McqPositionProbe } from './families/mcq-position/schema';
export { DEFAULT_JUDGE_PROMPT, pairwisePositionProbeSchema, type PairwisePositionProbe } from './families/pairwise-position/schema';
export { lmIatProbeSchema, type LmIatProbe } from './families/lm-iat/schema';
export { llmIatPromptProbeSchema, type LlmIatPromptProbe } from './families/llm-iat-prompt/schema';
export { BAI_DECISION_PROMPT, llmDecisionPromptProbeSchema, type LlmDecisionPromptProbe } from './families/llm-decision-prompt/schema';

type LmFamilyId = { [F in FamilyId]: (typeof PROBE_FAMILIES)[F]['modality'] extends 'lm' ? F : never }[FamilyId];
/** A probe of a language-model family. */
export type LmProbe = Extract<AnyProbe, { family: LmFamilyId }>;
export type AnyProbeFamily = FamilyId;

export const ALL_PROBE_FAMILIES: readonly FamilyId[] = FAMILY_IDS;
export const LM_PROBE_FAMILY_LIST: readonly LmFamilyId[] = FAMILY_IDS.filter((id): id is LmFamilyId => familyOf(id).modality === 'lm');

export const isLmProbe = (p: AnyProbe): p is LmProbe => familyOf(p.family).modality === 'lm';

/** A probe the JSON editor edits: a probe of any family that has no word-set form (the LM families, RIPA). */
export type JsonEditorProbe = Exclude<AnyProbe, AssociationProbe>;
export const isJsonEditorProbe = (p: AnyProbe): p is JsonEditorProbe => !associationProbeSchema.options.some((schema) => schema.shape.family.value === p.family);
