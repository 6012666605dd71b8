// The whole LMS-k experiment of the class lab in one seeded call: generate the data, train the
// network, and measure test accuracy clean, with the linear coordinate randomised (S) and with every
// slab coordinate randomised (Sᶜ). This is what a family's run will call and what the headless JSON
// carries; the network itself is returned for the lab's decision-boundary picture.
import { generateLms, rotateRows, type LmsData, type LmsOptions } from './lmsData';
import { createMlp, type Mlp } from './mlp';
import { randomisedAccuracy } from './randomisedAccuracy';
import { labStream } from './seededDraws';
import { trainMlp, type EpochReport, type TrainingOptions } from './train';

export interface LmsExperimentOptions {
  readonly data: LmsOptions;
  readonly network: { readonly width: number; readonly depth: number };
  readonly training: TrainingOptions;
}

export interface LmsExperimentResult {
  readonly cleanAccuracy: number;
  /** Test accuracy with the linear coordinate randomised (the paper's S-randomised accuracy). */
  readonly linearRandomisedAccuracy: number;
  /** Test accuracy with all slab coordinates randomised (Sᶜ-randomised). */
  readonly slabsRandomisedAccuracy: number;
  readonly trainAccuracy: number;
  readonly lossCurve: readonly EpochReport[];
  readonly data: LmsData;
  readonly mlp: Mlp;
}

/**
 * The lesson's set-up: the paper's construction (k = 5, margin 0.1, random rotation, depth-2 ReLU
 * network, SGD with step 0.1 and weight decay 5·10⁻⁵) at a size a browser worker trains in well under
 * a second (10 inputs instead of 50, width 32 instead of 100, 2 000 examples instead of 100 000).
 */
export const DEFAULT_LMS_EXPERIMENT: LmsExperimentOptions = Object.freeze({
  data: Object.freeze({ k: 5, slabCoordinates: 9, noiseCoordinates: 0, margin: 0.1, rotate: true, trainSize: 2000, testSize: 1000 }),
  network: Object.freeze({ width: 32, depth: 2 }),
  training: Object.freeze({ kind: 'sgd', learningRate: 0.1, weightDecay: 5e-5, epochs: 15, batchSize: 32 }),
});

/**
 * Runs one LMS-k experiment. Streams (all from `seed`): 'lms/train', 'lms/test', 'lms/rotation',
 * 'lms/init', 'lms/order', 'lms/randomise-linear', 'lms/randomise-slabs'.
 * @throws {InvalidOptionError} for invalid data, network or training options; whatever `onEpoch` throws
 */
export function runLmsExperiment(options: LmsExperimentOptions, seed: number, onEpoch?: (report: EpochReport) => void): LmsExperimentResult {
  const data = generateLms(options.data, seed);
  const mlp = createMlp({ inputs: data.dim, width: options.network.width, depth: options.network.depth, outputs: 2 }, labStream(seed, 'lms/init'));
  const trainInputs = { ...data.train, x: rotateRows(data.train.x, data.dim, data.rotation) };
  const lossCurve = trainMlp(mlp, trainInputs, options.training, labStream(seed, 'lms/order'), onEpoch);
  const none = labStream(seed, 'lms/clean');
  return {
    cleanAccuracy: randomisedAccuracy(mlp, data.test, data.rotation, [], none),
    linearRandomisedAccuracy: randomisedAccuracy(mlp, data.test, data.rotation, [data.linearCoordinate], labStream(seed, 'lms/randomise-linear')),
    slabsRandomisedAccuracy: randomisedAccuracy(mlp, data.test, data.rotation, data.slabCoordinates, labStream(seed, 'lms/randomise-slabs')),
    trainAccuracy: randomisedAccuracy(mlp, data.train, data.rotation, [], none),
    lossCurve,
    data,
    mlp,
  };
}
