// The likelihood IAT as a family module: WEAT's sets and statistics, with s(w, A, B) read from a
// causal LM; its result is an association result of kind 'lm-iat', written in the LM long CSV form.
import { runLmIat } from '../../../core/lmRun/association';
import type { AssociationResult } from '../../../core/association/types';
import { longAssociationCsv } from '../shared/associationCsv';
import { associationResultSchema } from '../shared/associationResultSchema';
import { associationHeadline } from '../shared/associationSummary';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { lmIatProbeSchema, type LmIatProbe } from './schema';
import { summarizeLmIat } from './summary';

export const lmIat = {
  id: 'lm-iat',
  title: 'Likelihood IAT',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: lmIatProbeSchema,
  lint: () => [],
  resultSchema: associationResultSchema('lm-iat'),
  adjustedAcrossBatch: true,
  run: lmRunner('lm-iat', runLmIat),
  summarize: summarizeLmIat,
  headline: associationHeadline,
  csv: longAssociationCsv,
} as const satisfies ProbeFamily<LmIatProbe, AssociationResult>;
