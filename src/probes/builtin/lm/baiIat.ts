// Bai et al.'s (2024) 21 LLM-IAT stimulus sets as built-ins, made from the generated table
// (baiIatStimuli.ts, regenerated from the authors' CSV by scripts/builtins/generate-bai-iat.ts).
// The words come only from that table; this file adds what the CSV does not hold — readable names
// for the groups and attribute halves, and the paper's four categories — and builds two probes per
// set where the family can hold it:
//   - the prompt-based LLM IAT (llm-iat-prompt) for all 21 sets, as the authors prompted it: their
//     prompt, group terms and attribute words lower-cased (their code's `.str.lower()`), one default
//     and one stigma term per prompt, attributes[:n/2] as "positive" and attributes[n/2:] as "negative";
//   - the likelihood IAT (lm-iat) for the 13 sets with at least two terms per group (WEAT's
//     statistic needs a spread within each target set), words as written in the CSV.
import { BAI_IAT_PROMPT } from '../../../core/lmRun/definitions';
import type { LlmIatPromptProbe, LmIatProbe } from '../../lmSchema';
import { MIN_STIMULI_PER_SET } from '../../../core/input/setSize';
import { BAI_CITATION, LM_IAT_TEMPLATES } from './association';
import { BAI_IAT_STIMULUS_SETS, type BaiIatStimulusSet } from './baiIatStimuli';

type SetId = BaiIatStimulusSet['id'];

/** The paper's four social categories; the CSV files its one age set under "age", which the paper counts under health. */
export type BaiCategory = 'race' | 'gender' | 'religion' | 'health';

interface SetNames {
  title: string;
  category: BaiCategory;
  defaultLabel: string;
  stigmaLabel: string;
  /** The first half of the attribute words (the one the stereotype links to the default group). */
  positiveLabel: string;
  negativeLabel: string;
}

const PLEASANT = { positiveLabel: 'Pleasant', negativeLabel: 'Unpleasant' } as const;

const NAMES: Record<SetId, SetNames> = {
  racism: { title: 'White vs Black, pleasant vs unpleasant', category: 'race', defaultLabel: 'White', stigmaLabel: 'Black', ...PLEASANT },
  weapon: { title: 'White vs Black, harmless objects vs weapons', category: 'race', defaultLabel: 'White', stigmaLabel: 'Black', positiveLabel: 'Harmless objects', negativeLabel: 'Weapons' },
  guilt: { title: 'White vs Black, innocent vs guilty', category: 'race', defaultLabel: 'White', stigmaLabel: 'Black', positiveLabel: 'Innocent', negativeLabel: 'Guilty' },
  skintone: { title: 'light vs dark skin, pleasant vs unpleasant', category: 'race', defaultLabel: 'Light skin', stigmaLabel: 'Dark skin', ...PLEASANT },
  'arab-muslim': { title: 'other vs Arab/Muslim names, pleasant vs unpleasant', category: 'race', defaultLabel: 'Other names', stigmaLabel: 'Arab/Muslim names', ...PLEASANT },
  asian: { title: 'European- vs Asian-American surnames, valence', category: 'race', defaultLabel: 'European-American surnames', stigmaLabel: 'Asian-American surnames', ...PLEASANT },
  black: { title: 'European- vs African-American surnames, valence', category: 'race', defaultLabel: 'European-American surnames', stigmaLabel: 'African-American surnames', ...PLEASANT },
  hispanic: { title: 'European-American vs Hispanic surnames, valence', category: 'race', defaultLabel: 'European-American surnames', stigmaLabel: 'Hispanic surnames', ...PLEASANT },
  english: { title: 'mainstream students vs English learners, valence', category: 'race', defaultLabel: 'Mainstream students', stigmaLabel: 'English learners', ...PLEASANT },
  career: { title: 'male vs female names, career vs family', category: 'gender', defaultLabel: 'Male names', stigmaLabel: 'Female names', positiveLabel: 'Career', negativeLabel: 'Family' },
  power: { title: 'male vs female names, powerful vs weak', category: 'gender', defaultLabel: 'Male names', stigmaLabel: 'Female names', positiveLabel: 'Powerful', negativeLabel: 'Weak' },
  science: { title: 'male vs female terms, science vs arts', category: 'gender', defaultLabel: 'Male terms', stigmaLabel: 'Female terms', positiveLabel: 'Science', negativeLabel: 'Arts and humanities' },
  sexuality: { title: 'straight vs gay, pleasant vs unpleasant', category: 'gender', defaultLabel: 'Straight', stigmaLabel: 'Gay', ...PLEASANT },
  islam: { title: 'Christianity vs Islam, good vs bad', category: 'religion', defaultLabel: 'Christianity', stigmaLabel: 'Islam', positiveLabel: 'Good', negativeLabel: 'Bad' },
  judaism: { title: 'Christianity vs Judaism, good vs bad', category: 'religion', defaultLabel: 'Christianity', stigmaLabel: 'Judaism', positiveLabel: 'Good', negativeLabel: 'Bad' },
  buddhism: { title: 'Christianity vs Buddhism, good vs bad', category: 'religion', defaultLabel: 'Christianity', stigmaLabel: 'Buddhism', positiveLabel: 'Good', negativeLabel: 'Bad' },
  disability: { title: 'abled vs disabled, pleasant vs unpleasant', category: 'health', defaultLabel: 'Abled', stigmaLabel: 'Disabled', ...PLEASANT },
  eating: { title: 'healthy vs unhealthy food, acceptable vs shameful', category: 'health', defaultLabel: 'Healthy food', stigmaLabel: 'Unhealthy food', positiveLabel: 'Acceptable', negativeLabel: 'Shameful' },
  'mental-illness': { title: 'physical vs mental illness, harmless vs dangerous', category: 'health', defaultLabel: 'Physical illness', stigmaLabel: 'Mental illness', positiveLabel: 'Harmless', negativeLabel: 'Dangerous' },
  weight: { title: 'thin vs fat, pleasant vs unpleasant', category: 'health', defaultLabel: 'Thin', stigmaLabel: 'Fat', ...PLEASANT },
  age: { title: 'young vs old, pleasant vs unpleasant', category: 'health', defaultLabel: 'Young', stigmaLabel: 'Old', ...PLEASANT },
};

const LICENCE_NOTICE =
  'MIT License, Copyright (c) 2025 Xuechunzi Bai. Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), ' +
  'to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, ' +
  'and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all ' +
  'copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF ' +
  'MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, ' +
  'WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.';

const sourceOf = (s: BaiIatStimulusSet, how: string): string =>
  `Stimuli: Bai et al. (2024), baixuechunzi/llm-implicit-bias @ 0d2772e8, stimuli/iat_stimuli.csv (category "${s.csvCategory}", dataset "${s.dataset}"); ${how} ${LICENCE_NOTICE}`;

const halves = (s: BaiIatStimulusSet) => {
  const half = s.attributes.length / 2;
  return { positive: s.attributes.slice(0, half), negative: s.attributes.slice(half) };
};

const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase());

const promptProbe = (s: BaiIatStimulusSet): LlmIatPromptProbe => {
  const n = NAMES[s.id];
  const { positive, negative } = halves(s);
  return {
    family: 'llm-iat-prompt',
    id: `lm-llm-iat-bai-${s.id}`,
    title: `LLM IAT (Bai et al. 2024), ${n.category}: ${n.title}`,
    description:
      `For instruction-tuned models. Bai et al.'s "${s.dataset}" stimulus set (${n.category}). Each iteration pairs one ${n.defaultLabel.toLowerCase()} and one ${n.stigmaLabel.toLowerCase()} term ` +
      `(random order) and asks the model to assign each of the ${s.attributes.length} shuffled words (${n.positiveLabel.toLowerCase()} / ${n.negativeLabel.toLowerCase()}) to one of them. ` +
      'D = a/(a+b+0.01) + d/(c+d+0.01) − 1 (a: stigma–negative, b: stigma–positive, c: default–negative, d: default–positive), one-sample t-test of D against 0 across iterations; ' +
      'unparsable answers are counted and shown. On the embedded GPT this only exercises the path.',
    citation: BAI_CITATION,
    source: sourceOf(s, 'lower-cased as the authors\' prompt code sends them.'),
    groups: {
      default: { label: n.defaultLabel, terms: lower(s.defaultTerms) },
      stigma: { label: n.stigmaLabel, terms: lower(s.stigmaTerms) },
    },
    attributes: { negative: { label: n.negativeLabel, words: lower(negative) }, positive: { label: n.positiveLabel, words: lower(positive) } },
    promptTemplate: BAI_IAT_PROMPT,
    iterations: 10,
    generation: { maxNewTokens: 160, temperature: 0 },
  };
};

const likelihoodProbe = (s: BaiIatStimulusSet): LmIatProbe => {
  const n = NAMES[s.id];
  const { positive, negative } = halves(s);
  return {
    family: 'lm-iat',
    id: `lm-iat-bai-${s.id}`,
    title: `Likelihood IAT (Bai et al. 2024 words), ${n.category}: ${n.title}`,
    description:
      `Bai et al.'s "${s.dataset}" words as a WEAT-style likelihood test: s(w) = mean over ${n.positiveLabel} of log p(a | frame with w) − mean over ${n.negativeLabel}, ` +
      `averaged over ${LM_IAT_TEMPLATES.length} frames; then WEAT's statistic, effect size d, one-sided permutation p and bootstrap CI. d > 0: ${n.defaultLabel} go with ${n.positiveLabel}, ${n.stigmaLabel} with ${n.negativeLabel}.`,
    citation: BAI_CITATION,
    source: sourceOf(s, 'words as written there; frames written for this project.'),
    targets: { X: { label: n.defaultLabel, words: [...s.defaultTerms] }, Y: { label: n.stigmaLabel, words: [...s.stigmaTerms] } },
    attributes: { A: { label: n.positiveLabel, words: positive }, B: { label: n.negativeLabel, words: negative } },
    templates: [...LM_IAT_TEMPLATES],
  };
};

/** Which paper category each set belongs to (for grouping and the count of categories). */
export const baiCategoryOf = (id: SetId): BaiCategory => NAMES[id].category;

export const BAI_LLM_IAT_PROMPT_PROBES = Object.fromEntries(BAI_IAT_STIMULUS_SETS.map((s) => [`lm-llm-iat-bai-${s.id}`, promptProbe(s)])) as Record<`lm-llm-iat-bai-${SetId}`, LlmIatPromptProbe>;

type PairedSet = Extract<BaiIatStimulusSet, { defaultTerms: readonly [string, string, ...string[]] }>;

const hasSpread = (s: BaiIatStimulusSet): s is PairedSet => s.defaultTerms.length >= MIN_STIMULI_PER_SET && s.stigmaTerms.length >= MIN_STIMULI_PER_SET;

export const BAI_LM_IAT_PROBES = Object.fromEntries(BAI_IAT_STIMULUS_SETS.filter(hasSpread).map((s) => [`lm-iat-bai-${s.id}`, likelihoodProbe(s)])) as Record<`lm-iat-bai-${PairedSet['id']}`, LmIatProbe>;
