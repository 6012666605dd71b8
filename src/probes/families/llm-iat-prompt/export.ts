// The prompt-based LLM IAT in the CSV: mean D (one-sample t-test), excluded iterations and unparsed
// lines; one row per iteration with the prompt and the model's answer.
import type { LlmIatPromptResult } from '../../../core/lmRun/types';
import { chatTemplateCell, list, num } from '../shared/csvCells';
import { longCsv, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

export const llmIatPromptCsv = longCsv<LlmIatPromptResult>({
  metricRows: (r): CsvRow[] => [
    { scope: 'all', metric: 'mean_d', value: num(r.meanD), ...testCiCells(r.testCi), p_value: num(r.test?.pValue), p_method: r.test ? 't-test' : null, n: r.used },
    { scope: 'all', metric: 'excluded_iterations', value: r.excluded, n: r.iterations },
    { scope: 'all', metric: 'unparsed_lines', value: r.totals.unparsedLines, n: r.iterations },
  ],
  itemColumns: ['group0', 'group1', 'a', 'b', 'c', 'd', 'd_score', 'parsed_pairs', 'missing', 'conflicting', 'unparsed_lines', 'prompt', 'chat_template', 'response'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      group0: it.group0,
      group1: it.group1,
      a: it.a,
      b: it.b,
      c: it.c,
      d: it.d,
      d_score: num(it.dScore),
      parsed_pairs: it.parsedPairs,
      missing: list(it.missing),
      conflicting: list(it.conflicting),
      unparsed_lines: list(it.unparsedLines),
      prompt: it.prompt,
      chat_template: chatTemplateCell(r.chatTemplate),
      response: it.response,
    })),
});
