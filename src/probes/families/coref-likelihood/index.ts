// Pronoun resolution by likelihood (WinoBias, Winogender) as a family module: a causal LM picks
// the likelier referent of each sentence's pronoun; the dataset's accuracy gap with an exact McNemar
// test, Winogender's correlations with the occupation statistics (docs/methods/winobias-winogender.md).
import type { ProbeIssue } from '../../validate';
import type { ProbeFamily } from '../types';
import { corefLikelihoodCsv } from './export';
import { corefLikelihoodResultSchema } from './resultSchema';
import { runCorefLikelihood, type CorefLikelihoodResult } from './run';
import { corefLikelihoodProbeSchema, type CorefLikelihoodProbe } from './schema';
import { corefHeadline, summarizeCoref } from './summary';

/** Warnings: a compared condition without sentences (no gap), no matched pairs (no test). */
const lint = (probe: CorefLikelihoodProbe): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  const [first, second] = probe.dataset === 'winobias' ? ['pro', 'anti'] : ['male', 'female'];
  for (const c of [first, second]) {
    if (!probe.items.some((i) => i.condition === c)) issues.push({ severity: 'warning', code: 'missing-condition', path: 'items', message: `no ${c} sentence: the ${first} − ${second} gap cannot be computed` });
  }
  if (!probe.items.some((i) => i.pairKey)) issues.push({ severity: 'warning', code: 'unpaired', path: 'items', message: 'no sentence has a pairKey: the gap gets no test' });
  return issues;
};

export const corefLikelihood = {
  id: 'coref-likelihood',
  title: 'Pronoun resolution (WinoBias, Winogender)',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: corefLikelihoodProbeSchema,
  lint,
  resultSchema: corefLikelihoodResultSchema,
  adjustedAcrossBatch: false,
  run: runCorefLikelihood,
  summarize: summarizeCoref,
  headline: corefHeadline,
  csv: corefLikelihoodCsv,
} as const satisfies ProbeFamily<CorefLikelihoodProbe, CorefLikelihoodResult>;
