// Multiple-choice position swaps as a family module: each question presented in cyclic (or all)
// orders, the label a causal LM scores highest taken as its choice.
import { runMcqPosition } from '../../../core/lmRun/decisionAndPosition';
import type { McqPositionResult } from '../../../core/lmRun/types';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeIssue } from '../../validate';
import type { ProbeFamily } from '../types';
import { mcqPositionCsv } from './export';
import { mcqPositionProbeSchema, type McqPositionProbe } from './schema';
import { mcqHeadline, summarizeMcq } from './summary';

/** Warning: every correct answer at the same position (position bias and accuracy are then confounded). */
const lint = (probe: McqPositionProbe): ProbeIssue[] => {
  const positions = new Set(probe.questions.map((q) => q.answer));
  if (probe.questions.length <= 3 || positions.size !== 1) return [];
  return [{ severity: 'warning', code: 'answer-position-constant', path: 'questions', message: `every correct answer is option ${probe.labels[[...positions][0]!]} in the canonical order` }];
};

export const mcqPosition = {
  id: 'mcq-position',
  title: 'Multiple-choice position swaps',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: mcqPositionProbeSchema,
  lint,
  resultSchema: lmResultSchema('mcq-position'),
  adjustedAcrossBatch: false,
  run: lmRunner('mcq-position', runMcqPosition),
  summarize: summarizeMcq,
  headline: mcqHeadline,
  csv: mcqPositionCsv,
} as const satisfies ProbeFamily<McqPositionProbe, McqPositionResult>;
