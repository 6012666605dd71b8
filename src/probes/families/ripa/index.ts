// RIPA (Ethayarajh, Duvenaud & Hirst 2019; as in WEFE) as a family module: two target sets scored
// along the relation of attribute word pairs in a word-vector table, tested like WEAT
// (docs/methods/ripa.md), a long CSV.
import type { RipaResult } from '../../../core/association/ripa';
import type { ProbeFamily } from '../types';
import { ripaCsv } from './export';
import { lintRipa } from './lint';
import { ripaResultSchema } from './resultSchema';
import { runRipaProbe } from './run';
import { ripaProbeSchema, type RipaProbe } from './schema';
import { ripaHeadline, summarizeRipa } from './summary';

export const ripa = {
  id: 'ripa',
  title: 'RIPA',
  modality: 'vectors',
  needs: () => 'embedding',
  needsInstructionModel: false,
  schema: ripaProbeSchema,
  lint: lintRipa,
  resultSchema: ripaResultSchema,
  adjustedAcrossBatch: true,
  adjustsBatchOfOne: true,
  run: runRipaProbe,
  summarize: summarizeRipa,
  headline: ripaHeadline,
  csv: ripaCsv,
} as const satisfies ProbeFamily<RipaProbe, RipaResult>;
