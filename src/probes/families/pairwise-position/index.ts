// Pairwise judge swaps as a family module: a causal LM judges each pair of answers in both orders.
import { runPairwisePosition } from '../../../core/lmRun/decisionAndPosition';
import type { PairwisePositionResult } from '../../../core/lmRun/types';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { pairwisePositionCsv } from './export';
import { pairwisePositionProbeSchema, type PairwisePositionProbe } from './schema';
import { pairwiseHeadline, summarizePairwise } from './summary';

export const pairwisePosition = {
  id: 'pairwise-position',
  title: 'Pairwise judge swaps',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: pairwisePositionProbeSchema,
  lint: () => [],
  resultSchema: lmResultSchema('pairwise-position'),
  adjustedAcrossBatch: false,
  run: lmRunner('pairwise-position', runPairwisePosition),
  summarize: summarizePairwise,
  headline: pairwiseHeadline,
  csv: pairwisePositionCsv,
} as const satisfies ProbeFamily<PairwisePositionProbe, PairwisePositionResult>;
