// The human IAT beside a language model: the same seven-block participant screen as the human IAT
// (src/ui/iat), with the model's side the likelihood IAT on the same words instead of WEAT on word
// vectors. A family of its own because a family runs on one kind of model. Its CSV is the likelihood
// IAT's long form with kind `human-iat-lm`.
import { longAssociationCsv } from '../shared/associationCsv';
import type { ProbeFamily } from '../types';
import { humanIatLmResultSchema, lmSide, type HumanIatLmResult } from './result';
import { runHumanIatLmProbe } from './run';
import { humanIatLmProbeSchema, type HumanIatLmProbe } from './schema';
import { humanIatLmHeadline, summarizeHumanIatLm } from './summary';

export const humanIatLm = {
  id: 'human-iat-lm',
  title: 'Human IAT beside a language model',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: humanIatLmProbeSchema,
  lint: () => [],
  resultSchema: humanIatLmResultSchema,
  adjustedAcrossBatch: true,
  run: runHumanIatLmProbe,
  summarize: summarizeHumanIatLm,
  headline: humanIatLmHeadline,
  csv: {
    ...longAssociationCsv,
    summaryRows: (r: HumanIatLmResult, meta) => longAssociationCsv.summaryRows(lmSide(r), meta).map((row) => ({ ...row, kind: r.kind })),
    itemRows: (r: HumanIatLmResult, meta) => longAssociationCsv.itemRows(lmSide(r), meta).map((row) => ({ ...row, kind: r.kind })),
  },
} as const satisfies ProbeFamily<HumanIatLmProbe, HumanIatLmResult>;
