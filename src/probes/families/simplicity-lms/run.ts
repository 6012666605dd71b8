// An LMS-k probe's run: the probe's settings as core's experiment options, one seeded experiment
// (core/simplicity/lmsExperiment.ts) on the run's seed, progress after every epoch carrying that
// curve so far (the live loss curve), and cancel between epochs. No model is loaded: the
// network is the experiment's own. The result keeps the numbers and the loss curve, not the data.
import { CancelledError } from '../../../core/errors';
import { runLmsExperiment, type LmsExperimentOptions } from '../../../core/simplicity/lmsExperiment';
import type { SimplicityLmsResult } from '../../../core/simplicity/lmsLabResult';
import type { FamilyRunContext } from '../types';
import type { SimplicityLmsProbe } from './schema';

export type { SimplicityLmsResult };

export const lmsExperimentOptions = (p: SimplicityLmsProbe): LmsExperimentOptions => ({
  data: { ...p.data },
  network: { ...p.network },
  training: { kind: p.training.optimizer, learningRate: p.training.learningRate, weightDecay: p.training.weightDecay, epochs: p.training.epochs, batchSize: p.training.batchSize },
});

export async function runSimplicityLmsProbe(probe: SimplicityLmsProbe, ctx: FamilyRunContext): Promise<SimplicityLmsResult> {
  const epochs = probe.training.epochs;
  const soFar: { epoch: number; trainLoss: number }[] = [];
  const r = runLmsExperiment(lmsExperimentOptions(probe), ctx.options.seed, (report) => {
    if (ctx.signal?.aborted) throw new CancelledError('The run was cancelled.');
    soFar.push({ epoch: report.epoch, trainLoss: report.trainLoss });
    ctx.onProgress?.({ stage: 'training', done: report.epoch, total: epochs, lossCurve: [...soFar] });
  });
  return {
    kind: 'simplicity-lms',
    probeId: probe.id,
    title: probe.title,
    seed: ctx.options.seed,
    settings: { ...probe.data, ...probe.network, ...probe.training },
    inputs: r.data.dim,
    cleanAccuracy: r.cleanAccuracy,
    linearRandomisedAccuracy: r.linearRandomisedAccuracy,
    slabsRandomisedAccuracy: r.slabsRandomisedAccuracy,
    trainAccuracy: r.trainAccuracy,
    lossCurve: r.lossCurve.map((e) => ({ epoch: e.epoch, trainLoss: e.trainLoss })),
  };
}
