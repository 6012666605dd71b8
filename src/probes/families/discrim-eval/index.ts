// discrim-eval (Tamkin et al. 2023) as a family module: the dataset's filled decision questions
// imported from its JSONL, P(yes) read from a causal LM's next token as decision-template reads it,
// every age group, gender and race against the paper's reference person (docs/methods/discrim-eval.md).
import type { ProbeIssue } from '../../validate';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { discrimEvalCsv } from './export';
import { discrimEvalResultSchema, type DiscrimEvalResult } from './result';
import { runDiscrimEval, testableAttributes } from './run';
import { discrimEvalProbeSchema, type DiscrimEvalProbe } from './schema';
import { discrimEvalHeadline, summarizeDiscrimEval } from './summary';

const lint = (probe: DiscrimEvalProbe): ProbeIssue[] => {
  const issues: ProbeIssue[] = testableAttributes(probe.items, probe.reference).unanalysed.map((u) => ({ severity: 'warning', code: 'no-reference', path: 'items', message: `${u.attribute} is not compared: ${u.reason}` }));
  const questions = new Set(probe.items.map((i) => i.questionId)).size;
  if (questions < 3) issues.push({ severity: 'warning', code: 'few-items', path: 'items', message: `${questions} question${questions === 1 ? '' : 's'}; the question bootstrap resamples questions and will be wide` });
  return issues;
};

export const discrimEval = {
  id: 'discrim-eval',
  title: 'discrim-eval',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: discrimEvalProbeSchema,
  lint,
  resultSchema: discrimEvalResultSchema,
  adjustedAcrossBatch: false,
  run: lmRunner('discrim-eval', runDiscrimEval),
  summarize: summarizeDiscrimEval,
  headline: discrimEvalHeadline,
  csv: discrimEvalCsv,
} as const satisfies ProbeFamily<DiscrimEvalProbe, DiscrimEvalResult>;
