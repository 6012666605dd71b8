// The LM built-in registry: frozen data, ids derived from it (as builtin/index.ts does for WEAT and
// SEAT). Kept apart from BUILTIN_PROBES so existing consumers typed on association probes (the
// word-vector UI, share links) keep receiving only WEAT/SEAT; `resolveAnyProbeOrSuite` and
// `listAllBuiltinProbes` in ../index.ts cover both registries.
import type { LmProbe } from '../../lmSchema';
import { LM_COUNTERFACTUAL_BASIC, LM_COUNTERFACTUAL_MASKED, LM_COUNTERFACTUAL_MEAN, LM_COUNTERFACTUAL_OCCUPATIONS } from './counterfactual';
import { LM_DECISION_BASIC } from './decision';
import { LM_MCQ_POSITION_40, LM_PAIRWISE_POSITION_30 } from './position';
import {
  LM_IAT_CAREER_FAMILY,
  LM_IAT_FLOWERS_INSECTS,
  LM_IAT_INSTRUMENTS_WEAPONS,
  LM_LLM_DECISION_GENDER_CAREER,
  LM_LLM_IAT_GENDER_CAREER,
} from './association';
import { BAI_LLM_IAT_PROMPT_PROBES, BAI_LM_IAT_PROBES } from './baiIat';
import { SUBTLER_BIAS_CAUSAL_PROBES, SUBTLER_BIAS_MASKED_PROBES } from './subtlerBiases';
import { LM_WINOGENDER } from './winogender';
import { LM_JUDGE_VERBOSITY_24 } from './verbosity';
import { LM_DISCRIM_EVAL_EXCERPT } from './discrimEval';

export { NANGIA_CITATION } from './counterfactual';
export { TAMKIN_CITATION } from './decision';
export { SHI_CITATION, ZHENG_CITATION } from './position';
export { BAI_CITATION } from './association';
export { KAMRUZZAMAN_CITATION } from './subtlerBiases';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

export const LM_BUILTIN_PROBES = deepFreeze({
  'lm-counterfactual-basic': LM_COUNTERFACTUAL_BASIC,
  'lm-counterfactual-mean': LM_COUNTERFACTUAL_MEAN,
  'lm-counterfactual-masked': LM_COUNTERFACTUAL_MASKED,
  'lm-counterfactual-occupations': LM_COUNTERFACTUAL_OCCUPATIONS,
  'lm-decision-basic': LM_DECISION_BASIC,
  'lm-mcq-position-40': LM_MCQ_POSITION_40,
  'lm-pairwise-position-30': LM_PAIRWISE_POSITION_30,
  'lm-iat-flowers-insects': LM_IAT_FLOWERS_INSECTS,
  'lm-iat-instruments-weapons': LM_IAT_INSTRUMENTS_WEAPONS,
  'lm-iat-career-family': LM_IAT_CAREER_FAMILY,
  'lm-llm-iat-gender-career': LM_LLM_IAT_GENDER_CAREER,
  'lm-llm-decision-gender-career': LM_LLM_DECISION_GENDER_CAREER,
  ...BAI_LLM_IAT_PROMPT_PROBES,
  ...BAI_LM_IAT_PROBES,
  ...SUBTLER_BIAS_CAUSAL_PROBES,
  ...SUBTLER_BIAS_MASKED_PROBES,
  'lm-winogender': LM_WINOGENDER,
  'lm-judge-verbosity-24': LM_JUDGE_VERBOSITY_24,
  'lm-discrim-eval-excerpt': LM_DISCRIM_EVAL_EXCERPT,
} as const satisfies Record<string, LmProbe>);

export type LmBuiltinProbeId = keyof typeof LM_BUILTIN_PROBES;

export const LM_BUILTIN_SUITES = deepFreeze({
  'lm-causal': {
    title: 'Language-model probes for a causal LM (every family that scores log-probabilities)',
    family: 'lm',
    probeIds: [
      'lm-counterfactual-basic',
      'lm-counterfactual-occupations',
      'lm-decision-basic',
      'lm-mcq-position-40',
      'lm-pairwise-position-30',
      'lm-iat-flowers-insects',
      'lm-iat-instruments-weapons',
      'lm-iat-career-family',
    ],
  },
  'lm-instruction': {
    title: 'Prompt-based probes for instruction-tuned LMs (Bai et al. 2024)',
    family: 'lm',
    probeIds: ['lm-llm-iat-gender-career', 'lm-llm-decision-gender-career'],
  },
  'lm-bai-llm-iat': {
    title: 'Bai et al. (2024): all 21 LLM-IAT stimulus sets, prompt-based (instruction-tuned LMs)',
    family: 'lm',
    probeIds: Object.keys(BAI_LLM_IAT_PROMPT_PROBES) as (keyof typeof BAI_LLM_IAT_PROMPT_PROBES)[],
  },
  'lm-bai-lm-iat': {
    title: 'Bai et al. (2024) stimulus sets with two or more terms per group, as likelihood IATs (causal LMs)',
    family: 'lm',
    probeIds: Object.keys(BAI_LM_IAT_PROBES) as (keyof typeof BAI_LM_IAT_PROBES)[],
  },
  'lm-subtler-causal': {
    title: 'Kamruzzaman et al. (2024) subtler biases: age, beauty, beauty and profession, institution, nationality (causal LMs)',
    family: 'lm',
    probeIds: Object.keys(SUBTLER_BIAS_CAUSAL_PROBES) as (keyof typeof SUBTLER_BIAS_CAUSAL_PROBES)[],
  },
  'lm-subtler-masked': {
    title: 'Kamruzzaman et al. (2024) subtler biases: the same five, by masked-LM pseudo-log-likelihood',
    family: 'lm',
    probeIds: Object.keys(SUBTLER_BIAS_MASKED_PROBES) as (keyof typeof SUBTLER_BIAS_MASKED_PROBES)[],
  },
} as const satisfies Record<string, { title: string; family: 'lm'; probeIds: readonly LmBuiltinProbeId[] }>);

export type LmBuiltinSuiteId = keyof typeof LM_BUILTIN_SUITES;

export const isLmBuiltinProbeId = (id: string): id is LmBuiltinProbeId => Object.hasOwn(LM_BUILTIN_PROBES, id);
export const isLmBuiltinSuiteId = (id: string): id is LmBuiltinSuiteId => Object.hasOwn(LM_BUILTIN_SUITES, id);

/** A fresh mutable copy of an LM built-in (undefined for an unknown id). */
export const getLmBuiltinProbe = (id: string): LmProbe | undefined =>
  isLmBuiltinProbeId(id) ? (structuredClone(LM_BUILTIN_PROBES[id]) as LmProbe) : undefined;
