// WEAT (Caliskan et al. 2017) as a family module: word sets looked up in a word-vector table, the
// permutation test and effect size of core/association, a wide CSV row per test.
import type { AssociationResult } from '../../../core/association/types';
import { wideAssociationCsv } from '../shared/associationCsv';
import { lintWordSets } from '../shared/associationFields';
import { associationResultSchema } from '../shared/associationResultSchema';
import { associationHeadline, summarizeWordVectorTest } from '../shared/associationSummary';
import { buildWeatInput } from '../../../core/association/buildAssociationInput';
import { wordVectorRunner } from '../shared/wordVectorRun';
import type { ProbeFamily } from '../types';
import { weatProbeSchema, type WeatProbe } from './schema';

export const weat = {
  id: 'weat',
  title: 'WEAT',
  modality: 'vectors',
  needs: () => 'embedding',
  needsInstructionModel: false,
  schema: weatProbeSchema,
  lint: lintWordSets,
  resultSchema: associationResultSchema('weat'),
  adjustedAcrossBatch: true,
  adjustsBatchOfOne: true,
  run: wordVectorRunner(buildWeatInput),
  summarize: summarizeWordVectorTest,
  headline: associationHeadline,
  csv: wideAssociationCsv,
} as const satisfies ProbeFamily<WeatProbe, AssociationResult>;
