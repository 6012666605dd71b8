// BBQ's CSV, in the long form of families/shared/longCsv.ts. Summary rows: scope "all" and
// "category:<c>", metrics accuracy, accuracy_ambig, accuracy_disambig, bias_score_amb, bias_score_dis
// (fractions, −1…1 for the bias scores; n = the questions each is over), no test columns; on the
// prompted path also answers_parsed (n = the answers). Item rows: one per question with its three
// answer scores (likelihood) or the model's answer (prompted) and the chosen, correct, UNKNOWN and
// biased options (chosen and correct empty for an answer that could not be read).
import { num } from '../shared/csvCells';
import { longCsv } from '../shared/longCsv';
import type { CsvRow } from '../types';
import type { BbqScores } from '../../../core/benchmarks/bbqScores';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';
import { bbqPromptAnswers } from './summary';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const scopeRows = (scope: string, s: BbqScores): CsvRow[] => [
  { scope, metric: 'accuracy', value: num(s.accuracy), ...noTest, n: s.questions },
  { scope, metric: 'accuracy_ambig', value: num(s.accuracyAmbiguous), ...noTest, n: s.ambiguous },
  { scope, metric: 'accuracy_disambig', value: num(s.accuracyDisambiguated), ...noTest, n: s.disambiguated },
  { scope, metric: 'bias_score_amb', value: num(s.biasAmbiguous), ...noTest, n: s.counts.ambig.nonUnknown },
  { scope, metric: 'bias_score_dis', value: num(s.biasDisambiguated), ...noTest, n: s.counts.disambig.nonUnknown },
];

export const bbqCsv = longCsv<BbqResult>({
  metricRows: (r) => [
    ...(r.answerBy === 'prompt' ? [{ scope: 'all', metric: 'answers_parsed', value: bbqPromptAnswers(r).parsed, ...noTest, n: r.items.length }] : []),
    ...(r.overall ? scopeRows('all', r.overall) : []),
    ...r.byCategory.flatMap((c) => scopeRows(`category:${c.category}`, c)),
  ],
  itemColumns: ['category', 'polarity', 'condition', 'question', 'score_ans0', 'score_ans1', 'score_ans2', 'response', 'chosen', 'label', 'unknown', 'biased', 'correct'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      category: it.category,
      polarity: it.polarity,
      condition: it.condition,
      question: it.question,
      score_ans0: it.scores ? num(it.scores[0]) : null,
      score_ans1: it.scores ? num(it.scores[1]) : null,
      score_ans2: it.scores ? num(it.scores[2]) : null,
      response: it.response ?? null,
      chosen: it.chosen,
      label: it.label,
      unknown: it.unknown,
      biased: it.biased,
      correct: it.chosen === null ? null : it.chosen === it.label ? 1 : 0,
    })),
});
