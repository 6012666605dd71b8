// Human IAT presets: each of Caliskan et al.'s ten WEATs as a seven-block IAT on the same four word
// lists, so a class can take the test the model was given and see both numbers (WEAT 1 is the
// flowers/insects test of Greenwald, McGhee & Schwartz 1998, where the IAT began) — once beside the
// word vectors' WEAT (`iat-caliskan-weat-N`) and once beside a language model's likelihood IAT in
// the likelihood IAT built-ins' two frames (`iat-lm-caliskan-weat-N`). Default design: blocks
// 20/20/20/40/40/20/40, pairing order counterbalanced, seed 1.
import { CALISKAN_CITATION, CALISKAN_WEAT_PROBES } from '../../builtin/caliskan';
import { LM_IAT_TEMPLATES } from '../../builtin/lm/association';
import type { HumanIatLmProbe } from '../human-iat-lm/schema';
import { DEFAULT_BLOCK_LENGTHS, type HumanIatProbe } from './schema';

export const HUMAN_IAT_CITATION = {
  text: `Procedure and scoring: Greenwald, A. G., Nosek, B. A., & Banaji, M. R. (2003). Understanding and using the Implicit Association Test: I. An improved scoring algorithm. JPSP 85(2), 197–216; block 5 of 40 trials: Nosek, Greenwald & Banaji (2005). Words: ${CALISKAN_CITATION.text}`,
  url: 'https://doi.org/10.1037/0022-3514.85.2.197',
  doi: '10.1037/0022-3514.85.2.197',
} as const;

const preset = (n: number): HumanIatProbe => {
  const weat = CALISKAN_WEAT_PROBES[n - 1]!;
  return {
    family: 'human-iat',
    id: `iat-caliskan-weat-${n}`,
    title: `IAT: ${weat.title}`,
    description: `The seven-block human IAT on the four word lists of Caliskan et al.’s WEAT ${n}; the run gives the word vectors’ WEAT d on the same words, shown beside a participant’s D.`,
    citation: { ...HUMAN_IAT_CITATION },
    targets: structuredClone(weat.targets),
    attributes: structuredClone(weat.attributes),
    design: { blockLengths: [...DEFAULT_BLOCK_LENGTHS], firstPairing: 'counterbalanced', seed: 1 },
  };
};

const lmPreset = (n: number): HumanIatLmProbe => {
  const weat = CALISKAN_WEAT_PROBES[n - 1]!;
  return {
    family: 'human-iat-lm',
    id: `iat-lm-caliskan-weat-${n}`,
    title: `IAT beside a language model: ${weat.title}`,
    description: `The seven-block human IAT on the four word lists of Caliskan et al.’s WEAT ${n}; the run gives a causal language model’s likelihood-IAT d on the same words (how likely each attribute word is after a frame naming each target, in ${LM_IAT_TEMPLATES.length} frames), shown beside a participant’s D.`,
    citation: { ...HUMAN_IAT_CITATION },
    source: `Words: Caliskan et al. (2017) WEAT ${n}, as in the caliskan-weat-${n} built-in. Frames written for this project (those of the likelihood IAT built-ins).`,
    targets: structuredClone(weat.targets),
    attributes: structuredClone(weat.attributes),
    templates: [...LM_IAT_TEMPLATES],
    design: { blockLengths: [...DEFAULT_BLOCK_LENGTHS], firstPairing: 'counterbalanced', seed: 1 },
  };
};

const TEN = Array.from({ length: 10 }, (_, i) => i + 1);
const VECTOR_IDS = TEN.map((n) => `iat-caliskan-weat-${n}`);
const LM_IDS = TEN.map((n) => `iat-lm-caliskan-weat-${n}`);

export const HUMAN_IAT_BUILTIN_PROBES = Object.fromEntries([
  ...TEN.map((n) => [VECTOR_IDS[n - 1]!, preset(n)] as const),
  ...TEN.map((n) => [LM_IDS[n - 1]!, lmPreset(n)] as const),
]) as Readonly<Record<string, HumanIatProbe | HumanIatLmProbe>>;

export const HUMAN_IAT_BUILTIN_SUITES = {
  'iat-caliskan': {
    title: 'Human IAT on the word lists of Caliskan et al. (2017): all ten, beside the word vectors',
    family: 'human-iat',
    probeIds: VECTOR_IDS,
  },
  'iat-lm-caliskan': {
    title: 'Human IAT on the word lists of Caliskan et al. (2017): all ten, beside a language model',
    family: 'human-iat-lm',
    probeIds: LM_IDS,
  },
} as const satisfies Record<string, { title: string; family: 'human-iat' | 'human-iat-lm'; probeIds: readonly string[] }>;

export const isHumanIatBuiltinProbeId = (id: string): boolean => Object.hasOwn(HUMAN_IAT_BUILTIN_PROBES, id);
export const isHumanIatBuiltinSuiteId = (id: string): id is keyof typeof HUMAN_IAT_BUILTIN_SUITES => Object.hasOwn(HUMAN_IAT_BUILTIN_SUITES, id);

/** A fresh mutable copy of a human IAT preset (undefined for an unknown id). */
export const getHumanIatBuiltinProbe = (id: string): HumanIatProbe | HumanIatLmProbe | undefined => (isHumanIatBuiltinProbeId(id) ? structuredClone(HUMAN_IAT_BUILTIN_PROBES[id]) : undefined);
