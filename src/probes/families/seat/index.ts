// SEAT (May et al. 2019) as a family module: each stimulus put into its set's templates and the sentences
// embedded, then the same association test and CSV as WEAT.
import type { AssociationResult } from '../../../core/association/types';
import { wideAssociationCsv } from '../shared/associationCsv';
import { lintWordSets } from '../shared/associationFields';
import { associationResultSchema } from '../shared/associationResultSchema';
import { associationHeadline, summarizeWordVectorTest } from '../shared/associationSummary';
import { buildSeatInput } from '../../../core/association/buildAssociationInput';
import { wordVectorRunner } from '../shared/wordVectorRun';
import type { ProbeFamily } from '../types';
import { seatProbeSchema, type SeatProbe } from './schema';

export const seat = {
  id: 'seat',
  title: 'SEAT',
  modality: 'vectors',
  needs: () => 'embedding',
  needsInstructionModel: false,
  schema: seatProbeSchema,
  lint: lintWordSets,
  resultSchema: associationResultSchema('seat'),
  adjustedAcrossBatch: true,
  adjustsBatchOfOne: true,
  run: wordVectorRunner(buildSeatInput),
  summarize: summarizeWordVectorTest,
  headline: associationHeadline,
  csv: wideAssociationCsv,
} as const satisfies ProbeFamily<SeatProbe, AssociationResult>;
