// Prompt-based decision bias in the CSV: the share of stereotype-consistent choices (exact binomial
// vs ½) and the unparsed count; one row per iteration with the prompt and the model's answer.
import type { LlmDecisionPromptResult } from '../../../core/lmRun/types';
import { chatTemplateCell, num } from '../shared/csvCells';
import { longCsv, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

export const llmDecisionPromptCsv = longCsv<LlmDecisionPromptResult>({
  metricRows: (r): CsvRow[] => [
    { scope: 'all', metric: 'proportion_consistent', value: num(r.summary.proportion), ...testCiCells(r.summary.ci), p_value: num(r.summary.pValue), p_method: r.summary.pValue === null ? null : 'exact', n: r.summary.parsed },
    { scope: 'all', metric: 'unparsed', value: r.summary.unparsed, n: r.items.length },
  ],
  itemColumns: ['scenario_id', 'person0', 'person1', 'task0', 'task1', 'stigma_task_to', 'stereotype_consistent', 'prompt', 'chat_template', 'response'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      scenario_id: it.scenarioId,
      person0: it.person0,
      person1: it.person1,
      task0: it.task0,
      task1: it.task1,
      stigma_task_to: it.stigmaTaskTo,
      stereotype_consistent: it.stereotypeConsistent === null ? null : String(it.stereotypeConsistent),
      prompt: it.prompt,
      chat_template: chatTemplateCell(r.chatTemplate),
      response: it.response,
    })),
});
