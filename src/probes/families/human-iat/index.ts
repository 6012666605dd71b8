// The human IAT (Greenwald, Nosek & Banaji 2003) as a family module: a participant sorts the probe's
// four word sets on the participant screen (src/ui/iat), and the run computes the model's number on
// the same words (WEAT on word vectors), shown beside the participant's D on its own axis.
import { lintWordSets } from '../shared/associationFields';
import type { ProbeFamily } from '../types';
import { humanIatCsv } from './export';
import { humanIatResultSchema, type HumanIatResult } from './result';
import { runHumanIatProbe } from './run';
import { humanIatProbeSchema, type HumanIatProbe } from './schema';
import { humanIatHeadline, summarizeHumanIat } from './summary';

export const humanIat = {
  id: 'human-iat',
  title: 'Human IAT',
  modality: 'vectors',
  needs: () => 'embedding',
  needsInstructionModel: false,
  schema: humanIatProbeSchema,
  lint: lintWordSets,
  resultSchema: humanIatResultSchema,
  adjustedAcrossBatch: true,
  adjustsBatchOfOne: true,
  run: runHumanIatProbe,
  summarize: summarizeHumanIat,
  headline: humanIatHeadline,
  csv: humanIatCsv,
} as const satisfies ProbeFamily<HumanIatProbe, HumanIatResult>;
