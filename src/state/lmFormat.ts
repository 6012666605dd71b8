// Presentation of LM probe results: the headline number of each family (what the summary card, the
// history, the comparison and the e2e tests read), its CI/p, and one plain-language sentence.
// Pure string formatting of values src/core already computed: no statistics happen here. The prompt
// families also say how many answers could be read (src/core/lmRun promptAnswerCount); when none
// could, that sentence is the headline, since there is no number to show.
import type { AssociationResult } from '../core/association/types';
import type { RunResult } from '../core/runRecord';
import type { LmProbeResult } from '../core/lmRun/types';
import { answerCountOf, hasPromptAnswers, promptAnswerCount } from '../core/lmRun/promptAnswerCount';
import { formatD, formatP } from './format';

export interface Headline {
  /** What the number is, e.g. "Mean Δ log-prob". */
  label: string;
  value: number;
  /** The number as shown (3 decimals, or a percentage). */
  shown: string;
  ci: { low: number; high: number; level: number } | null;
  p: number | null;
  pLabel: string;
  /** "Mean Δ log-prob = -0.805, 95% CI [-3.79, 2.35], p = 0.6209". */
  text: string;
  /** Prompt families: how many answers could be read, e.g. "12 of 40 answers parsed". */
  answers?: string;
  /** Set when no answer could be read: the sentence shown in place of the number (and is `text`). */
  noResult?: string;
}

const n3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
const ciStr = (ci: Headline['ci']) => (ci ? `${Math.round(ci.level * 100)}% CI [${formatD(ci.low, 2)}, ${formatD(ci.high, 2)}]` : '');

const make = (label: string, value: number, shown: string, ci: Headline['ci'], p: number | null, pLabel = 'p'): Headline => ({
  label,
  value,
  shown,
  ci,
  p,
  pLabel,
  text: [`${label} = ${shown}`, ciStr(ci), p !== null ? `${pLabel} = ${formatP(p)}` : ''].filter(Boolean).join(', '),
});

const isAssoc = (r: RunResult): r is AssociationResult => r.kind === 'weat' || r.kind === 'seat' || r.kind === 'lm-iat';

/** The one number a family is summarised by, with the prompt families' count of readable answers. */
export function lmHeadline(r: RunResult): Headline {
  const h = headlineNumber(r);
  const count = answerCountOf(r);
  if (!count) return h;
  if (count.parsed === 0) return { ...h, answers: count.text, noResult: count.text, text: count.text };
  return { ...h, answers: count.text, text: `${h.text} (${count.text})` };
}

function headlineNumber(r: RunResult): Headline {
  if (isAssoc(r)) return make('Effect size d', r.effectSize, formatD(r.effectSize), r.ci, r.pValue);
  switch (r.kind) {
    case 'counterfactual-pairs':
    case 'counterfactual-template': {
      const s = r.summary;
      return make('Mean Δ log-prob', s.meanDelta, n3(s.meanDelta), s.ci, s.signFlip.pValue, 'sign-flip p');
    }
    case 'decision-template': {
      const c = r.comparisons[0];
      if (!c) return make('Mean logit P(yes)', r.meanLogit, n3(r.meanLogit), null, null);
      return make(`Δ logit ${c.value} vs ${c.reference}`, c.difference, n3(c.difference), c.ci, c.pValue);
    }
    case 'mcq-position':
      return make('Answers changed by order', r.contentChangeRate, pct(r.contentChangeRate), null, null);
    case 'pairwise-position':
      return make('Positional consistency', r.summary.positionalConsistency, pct(r.summary.positionalConsistency), null, r.summary.sideTest?.pValue ?? null, 'primacy vs recency p');
    case 'llm-iat-prompt':
      return make('Mean D', r.meanD, n3(r.meanD), null, r.test?.pValue ?? null, 't-test p');
    case 'llm-decision-prompt':
      return make('Stereotype-consistent choices', r.summary.proportion, pct(r.summary.proportion), null, r.summary.pValue, 'binomial p');
  }
}

const sig = (p: number | null, alpha = 0.05) => p !== null && p < alpha;

/** One sentence a non-specialist can read aloud. */
export function lmReading(r: LmProbeResult | AssociationResult): string {
  const h = headlineNumber(r);
  if (hasPromptAnswers(r) && promptAnswerCount(r).parsed === 0)
    return `No statistic can be computed without a readable answer.${promptFormat(r.chatTemplate)}`;
  if (isAssoc(r)) {
    const [hi, lo] = r.effectSize >= 0 ? [r.labels.X, r.labels.Y] : [r.labels.Y, r.labels.X];
    return `The model finds ${r.labels.A.toLowerCase()} attributes more likely after ${hi} than after ${lo}${sig(r.pValue) ? '' : ', but the difference is not statistically significant'}; ${h.text}.`;
  }
  switch (r.kind) {
    case 'counterfactual-pairs':
    case 'counterfactual-template': {
      const s = r.summary;
      const dir = s.meanDelta > 0 ? 'more' : 'less';
      return `The model finds the more-stereotypical sentence ${dir} likely on average (${pct(s.pctStereotype)} of ${s.n} pairs favour it)${sig(s.signFlip.pValue) ? '' : '; the difference is not statistically significant'}; ${h.text}.`;
    }
    case 'decision-template': {
      const c = r.comparisons[0];
      if (!c) return `Mean logit of a “yes” over all prompts: ${n3(r.meanLogit)}.`;
      return `Changing ${c.attribute} from ${c.reference} to ${c.value} makes a “yes” ${c.difference > 0 ? 'more' : 'less'} likely${sig(c.pValue) ? '' : ' (not statistically significant)'}; ${h.text}.`;
    }
    case 'mcq-position':
      return `Only reordering the options changed the chosen answer in ${pct(r.contentChangeRate)} of ${r.questions} questions; choice rate by position ${r.choiceRate.map((x, i) => `${r.labels[i]} ${pct(x)}`).join(', ')}${r.recall ? `, RStd of recall ${r.recall.rstd.toFixed(1)}` : ''}.`;
    case 'pairwise-position':
      return `The judge picked the same answer in both orders for ${pct(r.summary.positionalConsistency)} of ${r.summary.valid} valid pairs; preference fairness ${n3(r.summary.preferenceFairness)} (${r.summary.preferenceFairness > 0 ? 'favours the second position' : r.summary.preferenceFairness < 0 ? 'favours the first position' : 'no side favoured'}).`;
    case 'llm-iat-prompt':
      return `Bias score D averaged over ${r.used} parsable answers (${r.excluded} unparsable): ${h.text}. D > 0 means stereotype-consistent associations.${promptFormat(r.chatTemplate)}`;
    case 'llm-decision-prompt':
      return `${pct(r.summary.proportion)} of ${r.summary.parsed} parsable decisions were stereotype-consistent (${r.summary.unparsed} unparsable); ${h.text}.${promptFormat(r.chatTemplate)}`;
  }
}

/** How the prompts reached the model (runs recorded before this was recorded say nothing). */
const promptFormat = (chatTemplate: boolean | undefined): string =>
  chatTemplate === undefined ? '' : chatTemplate ? ' Prompts went through the model’s chat template.' : ' Prompts went as raw text (no chat template: the model has none, or the probe asked for raw text).';

export const FAMILY_TITLE: Record<string, string> = {
  'counterfactual-pairs': 'Counterfactual pairs',
  'counterfactual-template': 'Counterfactual templates',
  'decision-template': 'Decision templates',
  'mcq-position': 'Multiple-choice position swaps',
  'pairwise-position': 'Pairwise judge swaps',
  'lm-iat': 'Likelihood IAT',
  'llm-iat-prompt': 'Prompt-based LLM IAT',
  'llm-decision-prompt': 'Prompt-based decision bias',
};
