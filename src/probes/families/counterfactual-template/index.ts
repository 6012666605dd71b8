// Counterfactual templates as a family module: each fill of the template scored with either
// group's term by a causal LM; summarised as counterfactual pairs are.
import { runCounterfactualTemplate } from '../../../core/lmRun/counterfactual';
import type { CounterfactualTemplateResult } from '../../../core/lmRun/types';
import { deltaHeadline, summarizeDeltas } from '../shared/deltaSummary';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { counterfactualTemplateCsv } from './export';
import { counterfactualTemplateProbeSchema, type CounterfactualTemplateProbe } from './schema';

export const counterfactualTemplate = {
  id: 'counterfactual-template',
  title: 'Counterfactual templates',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: counterfactualTemplateProbeSchema,
  lint: () => [],
  resultSchema: lmResultSchema('counterfactual-template'),
  adjustedAcrossBatch: false,
  run: lmRunner('counterfactual-template', runCounterfactualTemplate),
  summarize: summarizeDeltas,
  headline: deltaHeadline,
  csv: counterfactualTemplateCsv,
} as const satisfies ProbeFamily<CounterfactualTemplateProbe, CounterfactualTemplateResult>;
