// Judge verbosity bias as a family module: a causal LM judges each answer against its padded twin
// in both orders (docs/methods/judge-verbosity.md).
import { runJudgeVerbosity, type JudgeVerbosityResult } from '../../../core/lmRun/judgeVerbosity';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { judgeVerbosityCsv } from './export';
import { judgeVerbosityProbeSchema, type JudgeVerbosityProbe } from './schema';
import { judgeVerbosityHeadline, summarizeJudgeVerbosity } from './summary';

export const judgeVerbosity = {
  id: 'judge-verbosity',
  title: 'Judge verbosity (2×2)',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: judgeVerbosityProbeSchema,
  lint: () => [],
  resultSchema: lmResultSchema('judge-verbosity'),
  adjustedAcrossBatch: false,
  run: lmRunner('judge-verbosity', runJudgeVerbosity),
  summarize: summarizeJudgeVerbosity,
  headline: judgeVerbosityHeadline,
  csv: judgeVerbosityCsv,
} as const satisfies ProbeFamily<JudgeVerbosityProbe, JudgeVerbosityResult>;
