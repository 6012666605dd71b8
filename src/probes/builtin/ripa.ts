// RIPA built-ins (Ethayarajh, Duvenaud & Hirst 2019, computed as WEFE does): the gender relation of
// Caliskan et al.'s WEAT 7 and WEAT 8 attribute terms, paired by position as WEFE's RIPA example
// pairs them (male/female, man/woman, … — WEAT 8's kinship terms for the science test), scoring the
// WEAT 6–8 target words. Every word is already a Caliskan stimulus, so the embedded GloVe table holds
// it (allBuiltinStimulusWords covers them through the WEAT built-ins).
import type { RipaProbe } from '../families/ripa/schema';
import * as W from './caliskanWords';

export const RIPA_CITATION = {
  text:
    'Ethayarajh, K., Duvenaud, D., & Hirst, G. (2019). Understanding Undesirable Word Embedding Associations. ACL 2019, 1696–1705. Computed as in WEFE (Badilla, Bravo-Marquez & Pérez 2020, dccuchile/wefe, MIT). Words: Caliskan, Bryson & Narayanan (2017), WEAT 6–8, after Nosek, Banaji & Greenwald (2002).',
  url: 'https://aclanthology.org/P19-1166',
  doi: '10.18653/v1/P19-1166',
} as const;

const pairsOf = (first: readonly string[], second: readonly string[]): [string, string][] => first.map((w, i) => [w, second[i]!]);

const GENDER_TERMS = { firstLabel: 'Male terms', secondLabel: 'Female terms', pairs: pairsOf(W.MALE_TERMS_7, W.FEMALE_TERMS_7) };
const GENDER_KINSHIP = { firstLabel: 'Male terms', secondLabel: 'Female terms', pairs: pairsOf(W.MALE_TERMS_8, W.FEMALE_TERMS_8) };

const probe = (id: string, title: string, X: { label: string; words: readonly string[] }, Y: { label: string; words: readonly string[] }, pairs: RipaProbe['attributePairs'], description: string): RipaProbe => ({
  family: 'ripa',
  id,
  title,
  description,
  citation: { ...RIPA_CITATION },
  targets: { X: { label: X.label, words: [...X.words] }, Y: { label: Y.label, words: [...Y.words] } },
  attributePairs: { firstLabel: pairs.firstLabel, secondLabel: pairs.secondLabel, pairs: pairs.pairs.map(([a, b]) => [a, b]) },
});

export const RIPA_BUILTIN_PROBES = {
  'ripa-gender-career-family': probe(
    'ripa-gender-career-family',
    'RIPA: career vs family words along male − female',
    { label: 'Career words', words: W.CAREER },
    { label: 'Family words', words: W.FAMILY },
    GENDER_TERMS,
    'Do career words lie further towards the male end of the he − she relation than family words? WEAT 6’s attribute words scored along the gender pairs of WEAT 7.',
  ),
  'ripa-gender-math-arts': probe(
    'ripa-gender-math-arts',
    'RIPA: math vs arts words along male − female',
    { label: 'Math words', words: W.MATH },
    { label: 'Arts words', words: W.ARTS_7 },
    GENDER_TERMS,
    'WEAT 7’s target words scored along its own male/female term pairs.',
  ),
  'ripa-gender-science-arts': probe(
    'ripa-gender-science-arts',
    'RIPA: science vs arts words along male − female kinship terms',
    { label: 'Science words', words: W.SCIENCE },
    { label: 'Arts words', words: W.ARTS_8 },
    GENDER_KINSHIP,
    'WEAT 8’s target words scored along its kinship pairs (brother/sister, father/mother, …).',
  ),
} as const satisfies Record<string, RipaProbe>;

export type RipaBuiltinProbeId = keyof typeof RIPA_BUILTIN_PROBES;

export const RIPA_BUILTIN_SUITES = {
  'ripa-gender': {
    title: 'RIPA (Ethayarajh et al. 2019): the three gender relations of Caliskan et al.’s word lists',
    family: 'ripa',
    probeIds: ['ripa-gender-career-family', 'ripa-gender-math-arts', 'ripa-gender-science-arts'],
  },
} as const satisfies Record<string, { title: string; family: 'ripa'; probeIds: readonly RipaBuiltinProbeId[] }>;

export const isRipaBuiltinProbeId = (id: string): id is RipaBuiltinProbeId => Object.hasOwn(RIPA_BUILTIN_PROBES, id);
export const isRipaBuiltinSuiteId = (id: string): id is keyof typeof RIPA_BUILTIN_SUITES => Object.hasOwn(RIPA_BUILTIN_SUITES, id);

/** A fresh mutable copy of a RIPA built-in (undefined for an unknown id). */
export const getRipaBuiltinProbe = (id: string): RipaProbe | undefined => (isRipaBuiltinProbeId(id) ? structuredClone(RIPA_BUILTIN_PROBES[id]) : undefined);
