// An inductive-bias probe's run: the probe's settings as core's experiment options, one seeded
// experiment (core/inductiveBias/inductiveBiasExperiment.ts) on the run's seed, progress per sampled
// hypothesis and cancel between them. No model is loaded. The result keeps every sampled loss (the
// headless JSON and the chart need them) and each class's estimate as core returns it.
import { CancelledError } from '../../../core/errors';
import type { InductiveBiasResult } from '../../../core/inductiveBias/inductiveBiasLabResult';
import { runInductiveBiasExperiment } from '../../../core/inductiveBias/inductiveBiasExperiment';
import type { FamilyRunContext } from '../types';
import type { HypothesisClassSetting, InductiveBiasProbe } from './schema';

export type { InductiveBiasClassResult, InductiveBiasResult } from '../../../core/inductiveBias/inductiveBiasLabResult';

export const classLabel = (c: HypothesisClassSetting): string =>
  c.kind === 'random-mlp' ? `Random ReLU networks (width ${c.width}, depth ${c.depth})` : `Random Fourier features (width ${c.width}, bandwidth ${c.bandwidth})`;

export async function runInductiveBiasProbe(probe: InductiveBiasProbe, ctx: FamilyRunContext): Promise<InductiveBiasResult> {
  const classes = runInductiveBiasExperiment(
    { task: probe.task, classes: probe.classes, hypotheses: probe.hypotheses, target: probe.target, model: probe.lossModel, level: probe.level },
    ctx.options.seed,
    (done, total) => {
      if (ctx.signal?.aborted) throw new CancelledError('The run was cancelled.');
      ctx.onProgress?.({ stage: 'sampling', done, total });
    },
  );
  return {
    kind: 'inductive-bias',
    probeId: probe.id,
    title: probe.title,
    seed: ctx.options.seed,
    task: { ...probe.task },
    hypotheses: probe.hypotheses,
    target: probe.target,
    lossModel: probe.lossModel,
    level: probe.level,
    classes: classes.map((c, i) => ({ label: classLabel(probe.classes[i]!), hypothesisClass: probe.classes[i]!, losses: Array.from(c.losses), estimate: c.estimate })),
  };
}
