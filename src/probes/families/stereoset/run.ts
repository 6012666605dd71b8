// A StereoSet probe's run: every sentence scored through the shared batching layer (ScoreBatcher,
// the same requests the counterfactual families make: whole-text log-probs for a causal LM,
// pseudo-log-likelihoods for a masked LM), each sentence reduced to the number the methods note
// names for the probe's scoring, then SS, LMS and ICAT per bias type and overall.
import { InvalidLmInputError } from '../../../core/errors';
import { sharedTokenPositions } from '../../../core/lmRun/alignTokens';
import type { RunControl } from '../../../core/lmRun/counterfactual';
import { validateLmRunOptions } from '../../../core/lmRun/options';
import { checkScorerKind, ScoreBatcher, type LanguageModelScorer, type ScoredPll } from '../../../core/lmRun/scorer';
import type { LmRunOptions } from '../../../core/lmRun/types';
import type { StereoSetProbe } from './schema';
import { stereoSetScoresByType } from '../../../core/benchmarks/stereoSetScores';
import type { StereoSetItemRow, StereoSetResult } from '../../../core/benchmarks/stereoSetResult';

const SENTENCES = ['stereotype', 'antiStereotype', 'unrelated'] as const;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The mean PLL of the tokens of `own` that are not shared with both other sentences of its item:
 * the filled blank (docs/methods/stereoset.md, masked LM).
 * @throws {InvalidLmInputError} when the sentence has no token of its own
 */
function blankPll(own: ScoredPll, others: readonly ScoredPll[], id: string): number {
  const sharedWithAll = others.map((o) => new Set(sharedTokenPositions(own.ids, o.ids).a));
  const blank = own.logProbs.filter((_, i) => !sharedWithAll.every((s) => s.has(i)));
  if (blank.length === 0) throw new InvalidLmInputError(`item "${id}": a sentence has no token the other two lack, so its filled blank cannot be scored`);
  return mean(blank);
}

/**
 * Score every item's three sentences and compute SS, LMS, ICAT.
 * @throws {UnsupportedModelError} when the model cannot score the probe's way
 */
export async function runStereoSet(probe: StereoSetProbe, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<StereoSetResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}" (${probe.scoring})`;
  const masked = probe.scoring === 'masked-pll';
  checkScorerKind(scorer, masked ? 'masked' : 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  for (const item of probe.items) {
    for (const s of SENTENCES) {
      if (masked) batcher.pll(item[s]);
      else batcher.text(item[s]);
    }
  }
  await batcher.flush(what);
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });

  const scoreOf = (item: StereoSetProbe['items'][number], which: (typeof SENTENCES)[number]): number => {
    if (masked) {
      const own = batcher.pllScore(item[which]);
      return blankPll(own, SENTENCES.filter((s) => s !== which).map((s) => batcher.pllScore(item[s])), item.id);
    }
    const t = batcher.textScore(item[which]);
    return probe.scoring === 'causal-full' ? t.total : t.total / t.logProbs.length;
  };
  const items: StereoSetItemRow[] = probe.items.map((item) => ({
    id: item.id,
    target: item.target,
    biasType: item.biasType,
    stereotype: item.stereotype,
    antiStereotype: item.antiStereotype,
    unrelated: item.unrelated,
    scoreStereotype: scoreOf(item, 'stereotype'),
    scoreAntiStereotype: scoreOf(item, 'antiStereotype'),
    scoreUnrelated: scoreOf(item, 'unrelated'),
  }));
  const scores = stereoSetScoresByType(items.map((r) => ({ target: r.target, biasType: r.biasType, stereotype: r.scoreStereotype, antiStereotype: r.scoreAntiStereotype, unrelated: r.scoreUnrelated })));
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return { kind: 'stereoset', probeId: probe.id, title: probe.title, scoring: probe.scoring, ...scores, items };
}
