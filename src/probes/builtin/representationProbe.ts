// Representation-probe built-ins (BiasLens-style, Gao et al. 2025): Caliskan et al.'s (2017) WEAT
// word lists, with the WEAT targets as the target concepts and the WEAT attributes as the reference
// concepts the linear probe learns a direction from — except WEAT 6–8, whose gendered lists become
// the reference concepts (the direction is "male rather than female") and whose career/family,
// math/arts and science/arts lists the targets, as BiasLens puts social groups on the reference side.
// Every word is already a Caliskan stimulus, so the embedded GloVe table holds it.
// Each is built in twice: on word vectors (representation-*) and on a language model's hidden states
// (representation-lm-*, family representation-probe-lm: the same words, the direction learned from
// the model's mean-pooled last layer), so the two kinds of model answer the same question.
import type { RepresentationProbe } from '../families/representation-probe/schema';
import type { RepresentationProbeLm } from '../families/representation-probe-lm/schema';
import * as W from './caliskanWords';

export const REPRESENTATION_PROBE_CITATION = {
  text:
    'Gao, L., Wan, K., Liu, W., Wang, C., Song, Z., Xu, Z., Wang, Y., Stoyanov, V., & Chen, X. (2025). Evaluate Bias without Manual Test Sets: A Concept Representation Perspective for LLMs (BiasLens). arXiv:2505.15524. Concept directions as in Kim et al. (2018), TCAV, ICML. Words: Caliskan, Bryson & Narayanan (2017), Science 356:183, after Greenwald et al. (1998) and Nosek, Banaji & Greenwald (2002).',
  url: 'https://arxiv.org/abs/2505.15524',
} as const;

type Set = { label: string; words: readonly string[] };
const set = (label: string, words: readonly string[]): Set => ({ label, words });

const probe = (id: string, title: string, X: Set, Y: Set, A: Set, B: Set, description: string): RepresentationProbe => ({
  family: 'representation-probe',
  id,
  title,
  description,
  citation: { ...REPRESENTATION_PROBE_CITATION },
  targets: { X: { label: X.label, words: [...X.words] }, Y: { label: Y.label, words: [...Y.words] } },
  attributes: { A: { label: A.label, words: [...A.words] }, B: { label: B.label, words: [...B.words] } },
});

const WORD_VECTOR_PROBES = {
  'representation-flowers-insects': probe(
    'representation-flowers-insects',
    'Representation probe: flowers vs insects along pleasant − unpleasant',
    set('Flowers', W.FLOWERS),
    set('Insects', W.INSECTS),
    set('Pleasant', W.PLEASANT_25),
    set('Unpleasant', W.UNPLEASANT_25),
    'WEAT 1’s words: a linear probe learns the pleasant-vs-unpleasant direction from the vectors of the 50 attribute words; are flowers aligned with it more than insects?',
  ),
  'representation-instruments-weapons': probe(
    'representation-instruments-weapons',
    'Representation probe: instruments vs weapons along pleasant − unpleasant',
    set('Instruments', W.INSTRUMENTS),
    set('Weapons', W.WEAPONS),
    set('Pleasant', W.PLEASANT_25),
    set('Unpleasant', W.UNPLEASANT_25),
    'WEAT 2’s words, scored along the pleasant-vs-unpleasant direction the probe learns.',
  ),
  'representation-career-family': probe(
    'representation-career-family',
    'Representation probe: career vs family words along male − female names',
    set('Career words', W.CAREER),
    set('Family words', W.FAMILY),
    set('Male names', W.MALE_NAMES),
    set('Female names', W.FEMALE_NAMES),
    'WEAT 6’s words with the roles BiasLens gives them: the direction is learned from male and female names; are career words aligned with the male side more than family words?',
  ),
  'representation-math-arts': probe(
    'representation-math-arts',
    'Representation probe: math vs arts words along male − female terms',
    set('Math words', W.MATH),
    set('Arts words', W.ARTS_7),
    set('Male terms', W.MALE_TERMS_7),
    set('Female terms', W.FEMALE_TERMS_7),
    'WEAT 7’s words: the direction is learned from its male and female terms.',
  ),
  'representation-science-arts': probe(
    'representation-science-arts',
    'Representation probe: science vs arts words along male − female kinship terms',
    set('Science words', W.SCIENCE),
    set('Arts words', W.ARTS_8),
    set('Male terms', W.MALE_TERMS_8),
    set('Female terms', W.FEMALE_TERMS_8),
    'WEAT 8’s words: the direction is learned from its kinship terms (brother, father, … / sister, mother, …).',
  ),
} as const satisfies Record<string, RepresentationProbe>;

type LmIdOf<K extends string> = K extends `representation-${infer T}` ? `representation-lm-${T}` : never;
type WordVectorId = keyof typeof WORD_VECTOR_PROBES;

/** The word-vector built-in as a probe of the model's hidden states. */
const onHiddenStates = (p: RepresentationProbe): RepresentationProbeLm => ({
  ...p,
  family: 'representation-probe-lm',
  id: p.id.replace(/^representation-/, 'representation-lm-'),
  title: p.title.replace(/^Representation probe:/, 'Representation probe on LM hidden states:'),
  description: `${p.description ?? ''} The vectors are the language model's last hidden layer, mean-pooled over each word's tokens (a model whose export outputs hidden states, e.g. a feature-extraction export such as Xenova/all-MiniLM-L6-v2).`.trim(),
});

const LM_PROBES = Object.fromEntries(Object.values(WORD_VECTOR_PROBES).map((p) => [p.id.replace(/^representation-/, 'representation-lm-'), onHiddenStates(p)])) as { [K in WordVectorId as LmIdOf<K>]: RepresentationProbeLm };

export const REPRESENTATION_BUILTIN_PROBES = { ...WORD_VECTOR_PROBES, ...LM_PROBES };

export type RepresentationBuiltinProbeId = keyof typeof REPRESENTATION_BUILTIN_PROBES;

export const REPRESENTATION_BUILTIN_SUITES = {
  'representation-caliskan': {
    title: 'Representation probe (BiasLens-style) on Caliskan et al.’s word lists: five tests',
    family: 'representation-probe',
    probeIds: ['representation-flowers-insects', 'representation-instruments-weapons', 'representation-career-family', 'representation-math-arts', 'representation-science-arts'],
  },
  'representation-lm-caliskan': {
    title: 'Representation probe on a language model’s hidden states, Caliskan et al.’s word lists: five tests',
    family: 'representation-probe-lm',
    probeIds: ['representation-lm-flowers-insects', 'representation-lm-instruments-weapons', 'representation-lm-career-family', 'representation-lm-math-arts', 'representation-lm-science-arts'],
  },
} as const satisfies Record<string, { title: string; family: 'representation-probe' | 'representation-probe-lm'; probeIds: readonly RepresentationBuiltinProbeId[] }>;

export const isRepresentationBuiltinProbeId = (id: string): id is RepresentationBuiltinProbeId => Object.hasOwn(REPRESENTATION_BUILTIN_PROBES, id);
export const isRepresentationBuiltinSuiteId = (id: string): id is keyof typeof REPRESENTATION_BUILTIN_SUITES => Object.hasOwn(REPRESENTATION_BUILTIN_SUITES, id);

/** A fresh mutable copy of a representation-probe built-in (undefined for an unknown id). */
export const getRepresentationBuiltinProbe = (id: string): RepresentationProbe | RepresentationProbeLm | undefined =>
  isRepresentationBuiltinProbeId(id) ? structuredClone(REPRESENTATION_BUILTIN_PROBES[id]) : undefined;
