// An inductive-bias lesson (Boopathy et al.; docs/methods/inductive-bias.md) as a probe: the toy
// task, the model classes compared side by side, how many random hypotheses each, the target test
// error and the loss model, with the lesson's defaults (core/inductiveBias
// DEFAULT_INDUCTIVE_BIAS_EXPERIMENT). Whole numbers are bounded so a class laptop samples in seconds.
import { z } from 'zod';
import { DEFAULT_INDUCTIVE_BIAS_EXPERIMENT } from '../../../core/inductiveBias/inductiveBiasExperiment';
import { probeBaseFields } from '../../probeFields';

/** Bounds of the whole-number settings (inclusive). */
export const INDUCTIVE_BIAS_INTEGER_RANGES = Object.freeze({
  inputs: { min: 1, max: 8 },
  trainSize: { min: 2, max: 200 },
  testSize: { min: 10, max: 2000 },
  hypotheses: { min: 10, max: 5000 },
  width: { min: 1, max: 512 },
  depth: { min: 1, max: 4 },
});

const whole = (name: keyof typeof INDUCTIVE_BIAS_INTEGER_RANGES) => {
  const { min, max } = INDUCTIVE_BIAS_INTEGER_RANGES[name];
  return z.number().int(`${name} must be a whole number`).min(min).max(max);
};

const D = DEFAULT_INDUCTIVE_BIAS_EXPERIMENT;

const hypothesisClassSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('random-mlp'), width: whole('width'), depth: whole('depth') }),
  z.object({ kind: z.literal('random-features'), width: whole('width'), bandwidth: z.number().gt(0).max(100) }),
]);

export const inductiveBiasProbeSchema = z.object({
  family: z.literal('inductive-bias'),
  ...probeBaseFields,
  task: z
    .object({
      inputs: whole('inputs').default(D.task.inputs),
      trainSize: whole('trainSize').default(D.task.trainSize),
      testSize: whole('testSize').default(D.task.testSize),
    })
    .prefault({}),
  /** The model classes compared, side by side (one to four). */
  classes: z
    .array(hypothesisClassSchema)
    .min(1, 'name at least one model class')
    .max(4, 'at most four model classes side by side')
    .default(() => D.classes.map((c) => ({ ...c }))),
  hypotheses: whole('hypotheses').default(D.hypotheses),
  /** Target test MSE ε: the bits are −log₂ P(loss ≤ ε). */
  target: z.number().gt(0).default(D.target),
  lossModel: z.enum(['normal', 'scaled-noncentral-chi-squared']).default(D.model),
  level: z.number().gt(0).lt(1).default(D.level),
});

export type InductiveBiasProbe = z.infer<typeof inductiveBiasProbeSchema>;
export type HypothesisClassSetting = InductiveBiasProbe['classes'][number];
