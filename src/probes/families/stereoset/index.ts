// StereoSet intrasentence (Nadeem et al. 2021) as a family module: items imported from the dataset's
// dev.json, each of three sentences scored by the LM, SS, LMS and ICAT per bias type and overall
// (docs/methods/stereoset.md), a long CSV.
import type { ProbeIssue } from '../../validate';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { stereoSetCsv } from './export';
import { stereoSetResultSchema } from './resultSchema';
import type { StereoSetResult } from '../../../core/benchmarks/stereoSetResult';
import { runStereoSet } from './run';
import { stereoSetProbeSchema, type StereoSetProbe } from './schema';
import { stereoSetHeadline, summarizeStereoSet } from './summary';

const lint = (probe: StereoSetProbe): ProbeIssue[] =>
  probe.items.length < 10 ? [{ severity: 'warning', code: 'few-items', path: 'items', message: `only ${probe.items.length} item${probe.items.length === 1 ? '' : 's'}; SS moves in steps of ${(100 / probe.items.length).toFixed(0)} points` }] : [];

export const stereoSet = {
  id: 'stereoset',
  title: 'StereoSet',
  modality: 'lm',
  needs: (probe) => (probe.scoring === 'masked-pll' ? 'masked' : 'causal'),
  needsInstructionModel: false,
  schema: stereoSetProbeSchema,
  lint,
  resultSchema: stereoSetResultSchema,
  adjustedAcrossBatch: false,
  run: lmRunner('stereoset', runStereoSet),
  summarize: summarizeStereoSet,
  headline: stereoSetHeadline,
  csv: stereoSetCsv,
} as const satisfies ProbeFamily<StereoSetProbe, StereoSetResult>;
