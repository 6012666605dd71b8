// The BiasLens-style representation probe (Gao et al. 2025) on a language model: the concept
// direction is learned from the model's own hidden states (the last layer, mean-pooled over each
// word's tokens) instead of a word-vector table. The registry gives each family one modality, so
// this is the word-vector family's probe, statistics, summary, CSV and card under an id of its own
// with modality 'lm' (docs/methods/representation-probe.md, "Language models").
import type { RepresentationProbeLmResult } from '../../../core/association/representationProbe';
import type { ProbeFamily } from '../types';
import { representationProbeCsv } from '../representation-probe/export';
import { lintRepresentationProbe } from '../representation-probe/lint';
import { representationProbeResultSchemaOf } from '../representation-probe/resultSchema';
import { representationHeadline, summarizeRepresentationProbe } from '../representation-probe/summary';
import { runRepresentationProbeLm } from './run';
import { representationProbeLmSchema, type RepresentationProbeLm } from './schema';

export const representationProbeLm = {
  id: 'representation-probe-lm',
  title: 'Representation probe (LM hidden states)',
  modality: 'lm',
  needs: () => 'hidden-states',
  needsInstructionModel: false,
  schema: representationProbeLmSchema,
  lint: lintRepresentationProbe,
  resultSchema: representationProbeResultSchemaOf('representation-probe-lm'),
  adjustedAcrossBatch: true,
  run: runRepresentationProbeLm,
  summarize: summarizeRepresentationProbe,
  headline: representationHeadline,
  csv: representationProbeCsv,
} as const satisfies ProbeFamily<RepresentationProbeLm, RepresentationProbeLmResult>;
