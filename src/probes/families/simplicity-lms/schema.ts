// An LMS-k simplicity-bias lesson (Shah et al. 2020; docs/methods/simplicity-bias.md) as a probe: the
// data, network and training settings a class can change, with the lesson's defaults
// (core/simplicity DEFAULT_LMS_EXPERIMENT), so a probe file may name only what it changes. Whole
// numbers are bounded so a class laptop trains in seconds; the ranges are exported for the form and
// the messages.
import { z } from 'zod';
import { DEFAULT_LMS_EXPERIMENT } from '../../../core/simplicity/lmsExperiment';
import { probeBaseFields } from '../../probeFields';

/** Bounds of the whole-number settings (inclusive). */
export const LMS_INTEGER_RANGES = Object.freeze({
  slabCoordinates: { min: 1, max: 49 },
  noiseCoordinates: { min: 0, max: 50 },
  trainSize: { min: 100, max: 20_000 },
  testSize: { min: 100, max: 20_000 },
  width: { min: 1, max: 256 },
  depth: { min: 1, max: 4 },
  epochs: { min: 1, max: 200 },
  batchSize: { min: 1, max: 1024 },
});

const whole = (name: keyof typeof LMS_INTEGER_RANGES, fallback: number) => {
  const { min, max } = LMS_INTEGER_RANGES[name];
  return z.number().int(`${name} must be a whole number`).min(min).max(max).default(fallback);
};

const D = DEFAULT_LMS_EXPERIMENT;

export const simplicityLmsProbeSchema = z.object({
  family: z.literal('simplicity-lms'),
  ...probeBaseFields,
  data: z
    .object({
      /** Slabs per slab coordinate. */
      k: z.union([z.literal(3), z.literal(5), z.literal(7)]).default(D.data.k),
      slabCoordinates: whole('slabCoordinates', D.data.slabCoordinates),
      noiseCoordinates: whole('noiseCoordinates', D.data.noiseCoordinates),
      /** Gap between slabs as a fraction of the data width; the slabs must keep a positive width (core checks). */
      margin: z.number().gt(0).lt(0.5).default(D.data.margin),
      rotate: z.boolean().default(D.data.rotate),
      trainSize: whole('trainSize', D.data.trainSize),
      testSize: whole('testSize', D.data.testSize),
    })
    .prefault({}),
  network: z
    .object({
      width: whole('width', D.network.width),
      /** Hidden ReLU layers. */
      depth: whole('depth', D.network.depth),
    })
    .prefault({}),
  training: z
    .object({
      optimizer: z.enum(['sgd', 'adam']).default(D.training.kind),
      learningRate: z.number().gt(0).max(10).default(D.training.learningRate),
      weightDecay: z.number().min(0).max(1).default(D.training.weightDecay),
      epochs: whole('epochs', D.training.epochs),
      batchSize: whole('batchSize', D.training.batchSize),
    })
    .prefault({}),
});

export type SimplicityLmsProbe = z.infer<typeof simplicityLmsProbeSchema>;
