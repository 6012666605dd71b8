// Decision templates (discrim-eval) as a family module: P(yes) read from a causal LM's next-token
// scores over every attribute combination of every question.
import { runDecisionTemplate } from '../../../core/lmRun/decisionAndPosition';
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { decisionTemplateCsv } from './export';
import { decisionTemplateProbeSchema, type DecisionTemplateProbe } from './schema';
import { decisionHeadline, summarizeDecision } from './summary';

export const decisionTemplate = {
  id: 'decision-template',
  title: 'Decision templates',
  modality: 'lm',
  needs: () => 'causal',
  needsInstructionModel: false,
  schema: decisionTemplateProbeSchema,
  lint: (probe: DecisionTemplateProbe) =>
    probe.questions.length < 3 ? [{ severity: 'warning', code: 'few-items', path: 'questions', message: 'fewer than 3 questions; per-attribute CIs resample questions and will be wide' }] : [],
  resultSchema: lmResultSchema('decision-template'),
  adjustedAcrossBatch: false,
  run: lmRunner('decision-template', runDecisionTemplate),
  summarize: summarizeDecision,
  headline: decisionHeadline,
  csv: decisionTemplateCsv,
} as const satisfies ProbeFamily<DecisionTemplateProbe, DecisionTemplateResult>;
