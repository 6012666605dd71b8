// What one LMS-k lab run records (the simplicity-lms family's result): the settings that made it,
// the three test accuracies the lesson compares, the training accuracy and the loss curve — not the
// data or the network, which the seed and settings regenerate. Declared in core beside the
// experiment so the run record's union of results (core/runRecord.ts) can name it.
import type { SlabCount } from './lmsData';
import type { OptimizerKind } from './optimizer';

export interface LmsLabSettings {
  k: SlabCount;
  slabCoordinates: number;
  noiseCoordinates: number;
  margin: number;
  rotate: boolean;
  trainSize: number;
  testSize: number;
  width: number;
  depth: number;
  optimizer: OptimizerKind;
  learningRate: number;
  weightDecay: number;
  epochs: number;
  batchSize: number;
}

export interface SimplicityLmsResult {
  kind: 'simplicity-lms';
  probeId: string;
  title: string;
  seed: number;
  settings: LmsLabSettings;
  /** Input dimension the network sees (1 linear + slab + noise coordinates). */
  inputs: number;
  cleanAccuracy: number;
  /** Test accuracy with the linear coordinate randomised (permuted across the test set). */
  linearRandomisedAccuracy: number;
  /** Test accuracy with every slab coordinate randomised. */
  slabsRandomisedAccuracy: number;
  trainAccuracy: number;
  lossCurve: { epoch: number; trainLoss: number }[];
}
