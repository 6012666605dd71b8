// The BiasLens-style representation probe (Gao et al. 2025) as a family module on word vectors: a
// linear probe learns the A-vs-B direction from the model's own vectors, the target concepts'
// alignment asymmetry along it is tested like WEAT (docs/methods/representation-probe.md).
import type { RepresentationProbeResult } from '../../../core/association/representationProbe';
import type { ProbeFamily } from '../types';
import { representationProbeCsv } from './export';
import { lintRepresentationProbe } from './lint';
import { representationProbeResultSchema } from './resultSchema';
import { runRepresentationProbeFamily } from './run';
import { representationProbeSchema, type RepresentationProbe } from './schema';
import { representationHeadline, summarizeRepresentationProbe } from './summary';

export const representationProbe = {
  id: 'representation-probe',
  title: 'Representation probe',
  modality: 'vectors',
  needs: () => 'embedding',
  needsInstructionModel: false,
  schema: representationProbeSchema,
  lint: lintRepresentationProbe,
  resultSchema: representationProbeResultSchema,
  adjustedAcrossBatch: true,
  adjustsBatchOfOne: true,
  run: runRepresentationProbeFamily,
  summarize: summarizeRepresentationProbe,
  headline: representationHeadline,
  csv: representationProbeCsv,
} as const satisfies ProbeFamily<RepresentationProbe, RepresentationProbeResult>;
