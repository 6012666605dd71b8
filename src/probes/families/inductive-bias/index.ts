// Inductive bias by random hypotheses (Boopathy et al.) as a family module: a class-lab experiment
// that needs no model (it samples its own random networks and features,
// docs/methods/inductive-bias.md), bits per model class side by side, a long CSV.
import type { ProbeFamily } from '../types';
import { inductiveBiasCsv } from './export';
import { inductiveBiasResultSchema } from './resultSchema';
import { runInductiveBiasProbe, type InductiveBiasResult } from './run';
import { inductiveBiasProbeSchema, type InductiveBiasProbe } from './schema';
import { inductiveBiasHeadline, summarizeInductiveBias } from './summary';

export const inductiveBias = {
  id: 'inductive-bias',
  title: 'Inductive bias (random hypotheses)',
  modality: 'none',
  needs: () => 'nothing',
  needsInstructionModel: false,
  schema: inductiveBiasProbeSchema,
  lint: () => [],
  resultSchema: inductiveBiasResultSchema,
  adjustedAcrossBatch: false,
  run: runInductiveBiasProbe,
  summarize: summarizeInductiveBias,
  headline: inductiveBiasHeadline,
  csv: inductiveBiasCsv,
} as const satisfies ProbeFamily<InductiveBiasProbe, InductiveBiasResult>;
