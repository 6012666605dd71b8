// A pronoun-resolution probe's run: each sentence's two candidates scored as continuations of
// `<sentence> "<pronoun>" refers to` (core/lm/coref/refersToPrompt.ts) through the one batching
// layer, the choice is the likelier, then the dataset's comparison from core: WinoBias pro vs anti
// per type, Winogender male vs female and the per-occupation correlations. The result keeps every
// sentence's two scores so the CSV and compare can show them.
import { accuracyGap, conditionAccuracy } from '../../../core/lm/coref/accuracyGap';
import type { CorefItemResult, CorefLikelihoodResult } from '../../../core/lm/coref/types';
import { chosenCandidate, refersToContinuation, refersToPrefix } from '../../../core/lm/coref/refersToPrompt';
import { occupationCorrelations } from '../../../core/lm/coref/winogenderOccupations';
import { validateLmRunOptions } from '../../../core/lmRun/options';
import { checkScorerKind, ScoreBatcher } from '../../../core/lmRun/scorer';
import { controlOf, lmOptionsOf, scorerOf } from '../shared/runContext';
import type { FamilyRunContext } from '../types';
import type { CorefLikelihoodProbe } from './schema';

export type { CorefItemResult, CorefLikelihoodResult } from '../../../core/lm/coref/types';

/** The dataset's comparison of scored sentences. Never throws. */
export function analyzeCoref(dataset: CorefLikelihoodResult['dataset'], items: readonly CorefItemResult[], stats: CorefLikelihoodProbe['occupationStats']): Omit<CorefLikelihoodResult, 'kind' | 'probeId' | 'title' | 'scoring' | 'items'> {
  const all = { n: items.length, correct: items.filter((i) => i.correct).length, accuracy: items.length ? items.filter((i) => i.correct).length / items.length : Number.NaN };
  if (dataset === 'winobias') {
    const types = [...new Set(items.map((i) => i.type ?? 'unstated'))].sort();
    return {
      dataset,
      overall: all,
      gap: accuracyGap(items, 'pro', 'anti'),
      compared: ['pro', 'anti'],
      byType: types.map((t) => ({ scope: t, gap: accuracyGap(items.filter((i) => (i.type ?? 'unstated') === t), 'pro', 'anti') })),
    };
  }
  return {
    dataset,
    overall: all,
    gap: accuracyGap(items, 'male', 'female'),
    compared: ['male', 'female'],
    neutral: conditionAccuracy(items, 'neutral'),
    occupations: occupationCorrelations(
      items.filter((i) => i.occupation).map((i) => ({ occupation: i.occupation!, condition: i.condition, toOccupation: i.choice === 0 })),
      stats ?? [],
    ),
  };
}

/**
 * @throws {UnsupportedModelError} for a model that cannot score continuations (a masked LM)
 * @throws the errors of validateLmRunOptions and the scorer
 */
export async function runCorefLikelihood(probe: CorefLikelihoodProbe, ctx: FamilyRunContext): Promise<CorefLikelihoodResult> {
  const scorer = scorerOf(ctx, 'coref-likelihood');
  const options = lmOptionsOf(ctx);
  const control = controlOf(ctx);
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const keys = probe.items.map((item) => {
    const prefix = refersToPrefix(item.sentence, item.pronoun);
    return item.candidates.map((c) => batcher.continuation(prefix, refersToContinuation(c))) as [string, string];
  });
  await batcher.flush(what);
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const items = probe.items.map((item, i): CorefItemResult => {
    const scores: [number, number] = [batcher.continuationScore(keys[i]![0]).total, batcher.continuationScore(keys[i]![1]).total];
    const choice = chosenCandidate(scores);
    return {
      id: item.id,
      condition: item.condition,
      ...(item.type ? { type: item.type } : {}),
      ...(item.occupation ? { occupation: item.occupation } : {}),
      ...(item.pairKey ? { pairKey: item.pairKey } : {}),
      sentence: item.sentence,
      pronoun: item.pronoun,
      candidates: [item.candidates[0], item.candidates[1]],
      answer: item.answer,
      scores,
      choice,
      correct: choice === item.answer,
    };
  });
  const analysis = analyzeCoref(probe.dataset, items, probe.occupationStats);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return { kind: 'coref-likelihood', probeId: probe.id, title: probe.title, scoring: 'refers-to-sum', ...analysis, items };
}
