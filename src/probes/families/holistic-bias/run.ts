// A HolisticBias probe's run: the seeded sample of sentences (./sample.ts) scored through the shared
// batching layer (ScoreBatcher.text, the whole-text log-probs the counterfactual and StereoSet
// families request), each reduced to its mean log-probability per token, then the Likelihood Bias
// per axis (./likelihoodBias.ts).
import type { RunControl } from '../../../core/lmRun/counterfactual';
import { validateLmRunOptions } from '../../../core/lmRun/options';
import { checkScorerKind, ScoreBatcher, type LanguageModelScorer } from '../../../core/lmRun/scorer';
import type { LmRunOptions } from '../../../core/lmRun/types';
import { likelihoodBias } from './likelihoodBias';
import type { HolisticBiasItemRow, HolisticBiasResult } from './result';
import { sampleHolisticBias } from './sample';
import type { HolisticBiasProbe } from './schema';

/**
 * Score the probe's sample and compute the Likelihood Bias.
 * @throws {UnsupportedModelError} for a model without causal log-probs
 */
export async function runHolisticBias(probe: HolisticBiasProbe, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<HolisticBiasResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}" (${probe.scoring})`;
  checkScorerKind(scorer, 'causal', what);
  const plan = sampleHolisticBias(probe);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  for (const s of plan.sentences) batcher.text(s.text);
  await batcher.flush(what);
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const items: HolisticBiasItemRow[] = plan.sentences.map((s) => {
    const t = batcher.textScore(s.text);
    return { ...s, score: t.total / t.logProbs.length };
  });
  const lb = likelihoodBias(items);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return {
    kind: 'holistic-bias',
    probeId: probe.id,
    title: probe.title,
    scoring: probe.scoring,
    sample: { perCell: probe.sample.perCell, seed: probe.sample.seed, templates: plan.templates, sentences: items.length },
    comparisons: lb.comparisons,
    significant: lb.significant,
    likelihoodBias: lb.likelihoodBias,
    axes: lb.axes,
    items,
  };
}
