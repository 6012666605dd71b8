// Caliskan, Bryson & Narayanan (2017) WEAT 1–10 and their SEAT versions (May et al. 2019), as data.
//
// Why shaped like this: the word lists live in caliskanWords.ts (one place to diff against the
// sources); this file only assembles them into probes. The SEAT versions reuse the exact WEAT
// stimuli and add bleached templates written for this project (the sent-bias data files are
// CC BY-NC, so none of their sentences are copied). Templates differ per set, as in May et al.:
// names go into name frames, concrete count nouns into noun frames, everything else (abstract
// nouns, adjectives, verbs, pronouns) into generic "This is {term}." frames.
//
// Noun frames use "the" rather than "a": "a {term}" would give "a aster", "a ant", "a orchid".
import type { SeatProbe, WeatProbe } from '../schema';
import * as W from './caliskanWords';

export const CALISKAN_CITATION = {
  text:
    'Caliskan, A., Bryson, J. J., & Narayanan, A. (2017). Semantics derived automatically from language corpora contain human-like biases. Science, 356(6334), 183–186.',
  url: 'https://doi.org/10.1126/science.aal4230',
  doi: '10.1126/science.aal4230',
} as const;

export const MAY_CITATION = {
  text:
    'May, C., Wang, A., Bordia, S., Bowman, S. R., & Rudinger, R. (2019). On Measuring Social Biases in Sentence Encoders. NAACL-HLT 2019, 622–628. (SEAT; templates here written for this project.)',
  url: 'https://doi.org/10.18653/v1/N19-1063',
  doi: '10.18653/v1/N19-1063',
} as const;

/** Frames for first names (May et al. 2019 list these eight). */
export const NAME_TEMPLATES = [
  'This is {term}.',
  'That is {term}.',
  'There is {term}.',
  'Here is {term}.',
  '{term} is here.',
  '{term} is there.',
  '{term} is a person.',
  "The person's name is {term}.",
] as const;

/** Frames for concrete count nouns (flowers, insects, instruments, weapons). */
export const NOUN_TEMPLATES = [
  'This is the {term}.',
  'That is the {term}.',
  'There is the {term}.',
  'Here is the {term}.',
  'The {term} is here.',
  'The {term} is there.',
] as const;

/** Frames for everything else: abstract nouns, adjectives, verbs, pronouns, kinship terms. */
export const GENERIC_TEMPLATES = [
  'This is {term}.',
  'That is {term}.',
  'There is {term}.',
  'Here is {term}.',
  'It is {term}.',
  'It was {term}.',
] as const;

/** Frames for sets made of adjectives (WEAT 9's mental-disease and (im)permanence sets). */
export const ADJECTIVE_TEMPLATES = [
  'This is {term}.',
  'That is {term}.',
  'It is {term}.',
  'They are {term}.',
  'It was {term}.',
  'They were {term}.',
] as const;

type Kind = 'name' | 'noun' | 'generic' | 'adjective';
const TEMPLATES_BY_KIND: Record<Kind, readonly string[]> = {
  name: NAME_TEMPLATES,
  noun: NOUN_TEMPLATES,
  generic: GENERIC_TEMPLATES,
  adjective: ADJECTIVE_TEMPLATES,
};

interface SetSpec {
  label: string;
  words: readonly string[];
  kind: Kind;
}

interface TestSpec {
  n: number;
  title: string;
  /** Published effect size on GloVe 840B (Caliskan et al. 2017, Table 1). */
  d: number;
  original: string;
  X: SetSpec;
  Y: SetSpec;
  A: SetSpec;
  B: SetSpec;
}

const PLEASANT_25: SetSpec = { label: 'Pleasant', words: W.PLEASANT_25, kind: 'generic' };
const UNPLEASANT_25: SetSpec = { label: 'Unpleasant', words: W.UNPLEASANT_25, kind: 'generic' };
const UNPLEASANT_25_NAMES: SetSpec = { label: 'Unpleasant', words: W.UNPLEASANT_25_NAMES, kind: 'generic' };
const PLEASANT_8: SetSpec = { label: 'Pleasant', words: W.PLEASANT_8, kind: 'generic' };
const UNPLEASANT_8: SetSpec = { label: 'Unpleasant', words: W.UNPLEASANT_8, kind: 'generic' };

const TESTS: readonly TestSpec[] = [
  {
    n: 1,
    title: 'Flowers vs insects × pleasant vs unpleasant',
    d: 1.5,
    original: 'Greenwald, McGhee & Schwartz (1998)',
    X: { label: 'Flowers', words: W.FLOWERS, kind: 'noun' },
    Y: { label: 'Insects', words: W.INSECTS, kind: 'noun' },
    A: PLEASANT_25,
    B: UNPLEASANT_25,
  },
  {
    n: 2,
    title: 'Musical instruments vs weapons × pleasant vs unpleasant',
    d: 1.53,
    original: 'Greenwald, McGhee & Schwartz (1998)',
    X: { label: 'Musical instruments', words: W.INSTRUMENTS, kind: 'noun' },
    Y: { label: 'Weapons', words: W.WEAPONS, kind: 'noun' },
    A: PLEASANT_25,
    B: UNPLEASANT_25,
  },
  {
    n: 3,
    title: 'European- vs African-American names × pleasant vs unpleasant',
    d: 1.41,
    original: 'Greenwald, McGhee & Schwartz (1998)',
    X: { label: 'European-American names', words: W.EUROPEAN_AMERICAN_NAMES_GREENWALD, kind: 'name' },
    Y: { label: 'African-American names', words: W.AFRICAN_AMERICAN_NAMES_GREENWALD, kind: 'name' },
    A: PLEASANT_25,
    B: UNPLEASANT_25_NAMES,
  },
  {
    n: 4,
    title: 'European- vs African-American names (Bertrand & Mullainathan) × pleasant vs unpleasant',
    d: 1.5,
    original: 'Bertrand & Mullainathan (2004) names; attributes of Greenwald et al. (1998)',
    X: { label: 'European-American names', words: W.EUROPEAN_AMERICAN_NAMES_BERTRAND, kind: 'name' },
    Y: { label: 'African-American names', words: W.AFRICAN_AMERICAN_NAMES_BERTRAND, kind: 'name' },
    A: PLEASANT_25,
    B: UNPLEASANT_25_NAMES,
  },
  {
    n: 5,
    title: 'European- vs African-American names (Bertrand & Mullainathan) × pleasant vs unpleasant (short lists)',
    d: 1.28,
    original: 'Bertrand & Mullainathan (2004) names; attributes of Nosek, Banaji & Greenwald (2002)',
    X: { label: 'European-American names', words: W.EUROPEAN_AMERICAN_NAMES_BERTRAND, kind: 'name' },
    Y: { label: 'African-American names', words: W.AFRICAN_AMERICAN_NAMES_BERTRAND, kind: 'name' },
    A: PLEASANT_8,
    B: UNPLEASANT_8,
  },
  {
    n: 6,
    title: 'Male vs female names × career vs family',
    d: 1.81,
    original: 'Nosek, Banaji & Greenwald (2002)',
    X: { label: 'Male names', words: W.MALE_NAMES, kind: 'name' },
    Y: { label: 'Female names', words: W.FEMALE_NAMES, kind: 'name' },
    A: { label: 'Career', words: W.CAREER, kind: 'generic' },
    B: { label: 'Family', words: W.FAMILY, kind: 'generic' },
  },
  {
    n: 7,
    title: 'Math vs arts × male vs female terms',
    d: 1.06,
    original: 'Nosek, Banaji & Greenwald (2002)',
    X: { label: 'Math', words: W.MATH, kind: 'generic' },
    Y: { label: 'Arts', words: W.ARTS_7, kind: 'generic' },
    A: { label: 'Male terms', words: W.MALE_TERMS_7, kind: 'generic' },
    B: { label: 'Female terms', words: W.FEMALE_TERMS_7, kind: 'generic' },
  },
  {
    n: 8,
    title: 'Science vs arts × male vs female terms',
    d: 1.24,
    original: 'Nosek, Banaji & Greenwald (2002)',
    X: { label: 'Science', words: W.SCIENCE, kind: 'generic' },
    Y: { label: 'Arts', words: W.ARTS_8, kind: 'generic' },
    A: { label: 'Male terms', words: W.MALE_TERMS_8, kind: 'generic' },
    B: { label: 'Female terms', words: W.FEMALE_TERMS_8, kind: 'generic' },
  },
  {
    n: 9,
    title: 'Mental vs physical disease × temporary vs permanent',
    d: 1.38,
    original: 'Monteith & Pettit (2011)',
    X: { label: 'Mental disease', words: W.MENTAL_DISEASE, kind: 'adjective' },
    Y: { label: 'Physical disease', words: W.PHYSICAL_DISEASE, kind: 'generic' },
    A: { label: 'Temporary', words: W.TEMPORARY, kind: 'adjective' },
    B: { label: 'Permanent', words: W.PERMANENT, kind: 'adjective' },
  },
  {
    n: 10,
    title: "Young vs old people's names × pleasant vs unpleasant",
    d: 1.21,
    original: 'Nosek, Banaji & Greenwald (2002)',
    X: { label: "Young people's names", words: W.YOUNG_NAMES, kind: 'name' },
    Y: { label: "Old people's names", words: W.OLD_NAMES, kind: 'name' },
    A: PLEASANT_8,
    B: UNPLEASANT_8,
  },
];

const set = (s: SetSpec) => ({ label: s.label, words: [...s.words] });

const sizes = (t: TestSpec) =>
  `|X| = ${t.X.words.length}, |Y| = ${t.Y.words.length}, |A| = ${t.A.words.length}, |B| = ${t.B.words.length}`;

const weatProbe = (t: TestSpec): WeatProbe => ({
  family: 'weat',
  id: `caliskan-weat-${t.n}`,
  title: `WEAT ${t.n}: ${t.title}`,
  description:
    `Caliskan et al. (2017) WEAT ${t.n}, replicating the IAT of ${t.original}, with the paper's stimuli ` +
    `(${sizes(t)}). The paper reports d = ${t.d.toFixed(2)} on GloVe 840B (Common Crawl); ` +
    'other vectors (e.g. GloVe 6B) give different, often smaller, values — compare signs and magnitudes.',
  citation: { ...CALISKAN_CITATION },
  targets: { X: set(t.X), Y: set(t.Y) },
  attributes: { A: set(t.A), B: set(t.B) },
});

const seatProbe = (t: TestSpec): SeatProbe => {
  const setTemplates: NonNullable<SeatProbe['setTemplates']> = {};
  for (const key of ['X', 'Y', 'A', 'B'] as const) {
    if (t[key].kind !== 'generic') setTemplates[key] = [...TEMPLATES_BY_KIND[t[key].kind]];
  }
  return {
    family: 'seat',
    id: `caliskan-seat-${t.n}`,
    title: `SEAT ${t.n}: ${t.title}`,
    description:
      `SEAT version (May et al. 2019) of Caliskan et al. (2017) WEAT ${t.n}: the same stimuli (${sizes(t)}) ` +
      'put into semantically bleached sentence templates and compared as sentence embeddings. The ' +
      'templates were written for this workbench after May et al.\'s design (names, nouns and other ' +
      'words get different frames), so numbers are comparable in spirit, not identical, to the SEAT paper. ' +
      `The word-level WEAT in the paper gave d = ${t.d.toFixed(2)} on GloVe 840B.`,
    citation: { ...MAY_CITATION },
    targets: { X: set(t.X), Y: set(t.Y) },
    attributes: { A: set(t.A), B: set(t.B) },
    templates: [...GENERIC_TEMPLATES],
    ...(Object.keys(setTemplates).length > 0 ? { setTemplates } : {}),
  };
};

/** Published WEAT effect sizes on GloVe 840B, by test number (Caliskan et al. 2017, Table 1). */
export const CALISKAN_PUBLISHED_D: Readonly<Record<number, number>> = Object.freeze(
  Object.fromEntries(TESTS.map((t) => [t.n, t.d])),
);

export const CALISKAN_WEAT_PROBES: readonly WeatProbe[] = TESTS.map(weatProbe);
export const CALISKAN_SEAT_PROBES: readonly SeatProbe[] = TESTS.map(seatProbe);
