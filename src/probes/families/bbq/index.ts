// BBQ (Parrish et al. 2022) as a family module: questions imported from the dataset's JSONL, answered
// by a base model through the likelihood of each option or by an instruction model's letter to a
// multiple-choice prompt (the probe's answerBy, so what it needs of the model and whether it needs an
// instruction model depend on the probe), accuracy and the bias scores s_DIS and s_AMB per category
// and overall (docs/methods/bbq.md), a long CSV.
import type { ProbeIssue } from '../../validate';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { bbqCsv } from './export';
import { bbqResultSchema } from './resultSchema';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';
import { runBbq } from './run';
import { bbqProbeSchema, type BbqProbe } from './schema';
import { bbqHeadline, summarizeBbq } from './summary';

const lint = (probe: BbqProbe): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  const untargeted = probe.items.filter((i) => i.biased === null).length;
  if (untargeted > 0) issues.push({ severity: 'warning', code: 'no-bias-target', path: 'items', message: `${untargeted} question${untargeted === 1 ? ' has' : 's have'} no bias target; they count for accuracy only` });
  if (probe.items.length < 10) issues.push({ severity: 'warning', code: 'few-items', path: 'items', message: `only ${probe.items.length} question${probe.items.length === 1 ? '' : 's'}; the scores move in large steps` });
  return issues;
};

export const bbq = {
  id: 'bbq',
  title: 'BBQ',
  modality: 'lm',
  needs: (probe) => (probe.answerBy === 'prompt' ? 'generate' : 'causal'),
  needsInstructionModel: (probe) => probe.answerBy === 'prompt',
  schema: bbqProbeSchema,
  lint,
  resultSchema: bbqResultSchema,
  adjustedAcrossBatch: false,
  run: lmRunner('bbq', runBbq),
  summarize: summarizeBbq,
  headline: bbqHeadline,
  csv: bbqCsv,
} as const satisfies ProbeFamily<BbqProbe, BbqResult>;
