// Counterfactual pairs as a family module: scored by a causal LM, or by a masked LM's
// pseudo-log-likelihood when the probe asks for it (the one family whose model need depends on the probe).
import { runCounterfactualPairs } from '../../../core/lmRun/counterfactual';
import type { CounterfactualPairsResult } from '../../../core/lmRun/types';
import { deltaHeadline, summarizeDeltas } from '../shared/deltaSummary';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeIssue } from '../../validate';
import type { ProbeFamily } from '../types';
import { counterfactualPairsCsv } from './export';
import { counterfactualPairsProbeSchema, type CounterfactualPairsProbe } from './schema';

/** Warnings: too few pairs for the statistics, pairs that differ only in case. */
const lint = (probe: CounterfactualPairsProbe): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  if (probe.pairs.length < 10) {
    issues.push({ severity: 'warning', code: 'few-items', path: 'pairs', message: `only ${probe.pairs.length} pair${probe.pairs.length === 1 ? '' : 's'}; the CI and p-value will be wide` });
  }
  probe.pairs.forEach((p, i) => {
    if (p.more.toLowerCase() === p.less.toLowerCase()) issues.push({ severity: 'warning', code: 'case-only-pair', path: `pairs.${i}`, message: 'the two sentences differ only in case' });
  });
  return issues;
};

export const counterfactualPairs = {
  id: 'counterfactual-pairs',
  title: 'Counterfactual pairs',
  modality: 'lm',
  needs: (probe) => (probe.scoring === 'masked-pll' ? 'masked' : 'causal'),
  needsInstructionModel: false,
  schema: counterfactualPairsProbeSchema,
  lint,
  resultSchema: lmResultSchema('counterfactual-pairs'),
  adjustedAcrossBatch: false,
  run: lmRunner('counterfactual-pairs', runCounterfactualPairs),
  summarize: summarizeDeltas,
  headline: deltaHeadline,
  csv: counterfactualPairsCsv,
} as const satisfies ProbeFamily<CounterfactualPairsProbe, CounterfactualPairsResult>;
