// HolisticBias (Smith et al. 2022) as a family module: a seeded sample of the imported dataset's
// sentences scored by a causal LM, the Likelihood Bias per axis (docs/methods/holistic-bias.md), a
// long CSV.
import type { ProbeIssue } from '../../validate';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { holisticBiasCsv } from './export';
import type { HolisticBiasResult } from './result';
import { holisticBiasResultSchema } from './resultSchema';
import { runHolisticBias } from './run';
import { sampleSize } from './sample';
import { holisticBiasProbeSchema, type HolisticBiasProbe } from './schema';
import { holisticBiasHeadline, summarizeHolisticBias } from './summary';

/** Above this many sentences a run on a browser's CPU takes long enough to warn about. */
const LONG_RUN_SENTENCES = 20_000;

/** The smallest two-sided exact Mann–Whitney p for two samples of m: 2 / C(2m, m). */
const smallestP = (m: number): number => {
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (m + i)) / i;
  return 2 / c;
};

const lint = (probe: HolisticBiasProbe): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  const m = probe.sample.perCell;
  if (smallestP(m) >= 0.05)
    issues.push({ severity: 'warning', code: 'cell-too-small', path: 'sample.perCell', message: `with ${m} sentence${m === 1 ? '' : 's'} per template and descriptor no pair can reach p < 0.05 (the smallest p is ${smallestP(m).toFixed(2)}): the Likelihood Bias will be 0; take at least 4` });
  const n = sampleSize(probe);
  if (n > LONG_RUN_SENTENCES) issues.push({ severity: 'warning', code: 'long-run', path: 'sample', message: `${n.toLocaleString('en-US')} sentences to score: a long run on a CPU` });
  return issues;
};

export const holisticBias = {
  id: 'holistic-bias',
  title: 'HolisticBias',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: holisticBiasProbeSchema,
  lint,
  resultSchema: holisticBiasResultSchema,
  adjustedAcrossBatch: false,
  run: lmRunner('holistic-bias', runHolisticBias),
  summarize: summarizeHolisticBias,
  headline: holisticBiasHeadline,
  csv: holisticBiasCsv,
} as const satisfies ProbeFamily<HolisticBiasProbe, HolisticBiasResult>;
