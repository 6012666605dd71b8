// Human IAT presets: each of Caliskan et al.'s ten WEATs as a seven-block IAT on the same four word
// lists, so a class can take the test the word vectors were given and see both numbers (WEAT 1 is
// the flowers/insects test of Greenwald, McGhee & Schwartz 1998, where the IAT began). Default design:
// blocks 20/20/20/40/40/20/40, pairing order counterbalanced, seed 1.
import { CALISKAN_CITATION, CALISKAN_WEAT_PROBES } from '../../builtin/caliskan';
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

export const HUMAN_IAT_BUILTIN_PROBES = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`iat-caliskan-weat-${i + 1}`, preset(i + 1)])) as Readonly<Record<string, HumanIatProbe>>;

export const HUMAN_IAT_BUILTIN_SUITES = {
  'iat-caliskan': {
    title: 'Human IAT on the word lists of Caliskan et al. (2017): all ten',
    family: 'human-iat',
    probeIds: Object.keys(HUMAN_IAT_BUILTIN_PROBES),
  },
} as const satisfies Record<string, { title: string; family: 'human-iat'; probeIds: readonly string[] }>;

export const isHumanIatBuiltinProbeId = (id: string): boolean => Object.hasOwn(HUMAN_IAT_BUILTIN_PROBES, id);
export const isHumanIatBuiltinSuiteId = (id: string): id is keyof typeof HUMAN_IAT_BUILTIN_SUITES => Object.hasOwn(HUMAN_IAT_BUILTIN_SUITES, id);

/** A fresh mutable copy of a human IAT preset (undefined for an unknown id). */
export const getHumanIatBuiltinProbe = (id: string): HumanIatProbe | undefined => (isHumanIatBuiltinProbeId(id) ? structuredClone(HUMAN_IAT_BUILTIN_PROBES[id]) : undefined);
