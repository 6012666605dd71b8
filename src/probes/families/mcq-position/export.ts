// MCQ position swaps in the CSV: choice rate, recall, PriDe prior and debiased rates per position,
// RStd, accuracy and the content change rate; one row per presentation (question × order).
import type { McqPositionResult } from '../../../core/lmRun/types';
import { list, num, numberList } from '../shared/csvCells';
import { longCsv, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

export const mcqPositionCsv = longCsv<McqPositionResult>({
  metricRows: (r): CsvRow[] => {
    const pos = (p: number) => `position:${r.labels[p]}`;
    return [
      ...r.choiceRate.map((v, p) => ({ scope: pos(p), metric: 'choice_rate', value: v, n: r.presentations })),
      ...(r.recall ? r.recall.recall.map((v, p) => ({ scope: pos(p), metric: 'recall', value: v, n: r.recall!.support[p]! })) : []),
      ...(r.recall
        ? [
            { scope: 'all', metric: 'rstd', value: num(r.recall.rstd), n: r.presentations },
            { scope: 'all', metric: 'accuracy', value: num(r.recall.accuracy), n: r.presentations },
          ]
        : []),
      { scope: 'all', metric: 'content_change_rate', value: num(r.contentChangeRate), ...testCiCells(r.contentChangeCi), n: r.questions },
      ...r.pridePrior.map((v, p) => ({ scope: pos(p), metric: 'pride_prior', value: v, n: r.questions })),
      ...r.debiasedChoiceRate.map((v, p) => ({ scope: pos(p), metric: 'debiased_choice_rate', value: v, n: r.presentations })),
      ...(r.debiasedRecall
        ? [
            { scope: 'all', metric: 'debiased_rstd', value: num(r.debiasedRecall.rstd), n: r.presentations },
            { scope: 'all', metric: 'debiased_accuracy', value: num(r.debiasedRecall.accuracy), n: r.presentations },
          ]
        : []),
    ];
  },
  itemColumns: ['question_id', 'presentation', 'order', 'label_log_probs', 'chosen', 'chosen_content', 'debiased_chosen', 'gold'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: `${it.questionId}#${it.presentation}`,
      question_id: it.questionId,
      presentation: it.presentation,
      order: list(it.order),
      label_log_probs: numberList(it.labelLogProbs),
      chosen: r.labels[it.chosen] ?? null,
      chosen_content: it.chosenContent,
      debiased_chosen: r.labels[it.debiasedChosen] ?? null,
      gold: it.gold === null ? null : (r.labels[it.gold] ?? null),
    })),
});
