// LMS-k simplicity bias (Shah et al. 2020) as a family module: a class-lab experiment that needs no
// model (it trains its own small network, docs/methods/simplicity-bias.md), three test accuracies
// and a loss curve, a long CSV.
import type { ProbeFamily } from '../types';
import { simplicityLmsCsv } from './export';
import { simplicityLmsResultSchema } from './resultSchema';
import { runSimplicityLmsProbe, type SimplicityLmsResult } from './run';
import { simplicityLmsProbeSchema, type SimplicityLmsProbe } from './schema';
import { simplicityLmsHeadline, summarizeSimplicityLms } from './summary';

export const simplicityLms = {
  id: 'simplicity-lms',
  title: 'LMS-k simplicity bias',
  modality: 'none',
  needs: () => 'nothing',
  needsInstructionModel: false,
  schema: simplicityLmsProbeSchema,
  lint: () => [],
  resultSchema: simplicityLmsResultSchema,
  adjustedAcrossBatch: false,
  run: runSimplicityLmsProbe,
  summarize: summarizeSimplicityLms,
  headline: simplicityLmsHeadline,
  csv: simplicityLmsCsv,
} as const satisfies ProbeFamily<SimplicityLmsProbe, SimplicityLmsResult>;
