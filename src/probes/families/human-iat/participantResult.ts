// What the participant screen keeps and exports once the seven blocks are done: every trial as the
// trials CSV stores it (src/core/iat/trial.ts, built-in error correction), the improved D of core's
// scoreParticipant, the model's d on the same words (WEAT or the likelihood IAT, named), and the plain words the result screen shows
// for D. The words live here, not in the screen, so they are tested and the same in the JSON.
import { scoreParticipant, type IatParticipantScore } from '../../../core/iat/participantScore';
import type { IatTrial } from '../../../core/iat/trial';
import type { IatModelMeasure } from './modelMeasure';
import type { IatRunSide } from './result';
import type { IatDesign } from './schema';
import type { IatBlockPlan, IatCategoryKey, IatPlannedTrial, IatSessionPlan } from './sessionPlan';

export const IAT_RESULT_FORMAT = 'bias-workbench-iat-result@1';

/** Project Implicit's feedback bands for |D| (conventions, not part of the 2003 algorithm). */
export const D_BAND_LIMITS = { slight: 0.15, moderate: 0.35, strong: 0.65 } as const;
export type DBand = 'little or no' | 'slight' | 'moderate' | 'strong';

export interface ParticipantIatResult {
  format: typeof IAT_RESULT_FORMAT;
  probeId: string;
  title: string;
  participant: string;
  /** Names this result among a class's (participant codes carry its tag): the random participant id of the session. */
  nonce: string;
  streamSeed: number;
  firstPairing: 'XA' | 'XB';
  design: IatDesign;
  labels: Record<IatCategoryKey, string>;
  /** ISO time the last trial was answered. */
  finishedAt: string;
  score: IatParticipantScore;
  /**
   * The model's d on the same four sets: WEAT on the word vectors the page had loaded, or the
   * likelihood IAT on its language model. `measure` is absent in results kept before the language
   * model side existed (WEAT).
   */
  model: { measure?: IatModelMeasure; effectSize: number | null; pValue: number };
  trials: IatTrial[];
}

/** One answered trial as the trials CSV stores it. */
export const trialRecord = (participant: string, block: IatBlockPlan, planned: IatPlannedTrial, label: string, correct: boolean, latencyMs: number): IatTrial => ({
  participant,
  block: block.block,
  trial: planned.trial,
  category: label,
  stimulus: planned.stimulus,
  pairing: block.pairing,
  correct: correct ? 1 : 0,
  latencyMs,
  errorCorrection: 'built-in',
});

export function buildParticipantResult(plan: IatSessionPlan, model: IatRunSide, trials: readonly IatTrial[], finishedAt: Date): ParticipantIatResult {
  const effectSize = model.effectSize;
  return {
    format: IAT_RESULT_FORMAT,
    probeId: model.probeId,
    title: model.title,
    participant: plan.participant,
    nonce: plan.participant,
    streamSeed: plan.streamSeed,
    firstPairing: plan.firstPairing,
    design: model.design,
    labels: { X: model.stimuli.X.label, Y: model.stimuli.Y.label, A: model.stimuli.A.label, B: model.stimuli.B.label },
    finishedAt: finishedAt.toISOString(),
    score: scoreParticipant(plan.participant, trials),
    model: { measure: model.measure, effectSize: Number.isNaN(effectSize) ? null : effectSize, pValue: model.pValue },
    trials: [...trials],
  };
}

/** The conventional band of |D|: below 0.15 little or no, then slight, moderate (≥ 0.35), strong (≥ 0.65). */
export function dBand(d: number): DBand {
  const m = Math.abs(d);
  if (m >= D_BAND_LIMITS.strong) return 'strong';
  if (m >= D_BAND_LIMITS.moderate) return 'moderate';
  if (m >= D_BAND_LIMITS.slight) return 'slight';
  return 'little or no';
}

export const D_BANDS_TEXT = 'Bands by convention (Project Implicit): |D| below 0.15 little or no association, from 0.15 slight, from 0.35 moderate, from 0.65 strong.';

const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/**
 * What a D says in words: which pairing was faster and the band, e.g. "You sorted faster when
 * flowers shared a key with pleasant words (and insects with unpleasant words): a moderate
 * association of flowers with pleasant words relative to insects." D > 0 means faster with X and A
 * on one key (docs/methods/iat-d-score.md).
 */
export function dMeaning(score: IatParticipantScore, labels: Record<IatCategoryKey, string>): string {
  const [X, Y, A, B] = [labels.X, labels.Y, labels.A, labels.B].map(lower) as [string, string, string, string];
  if (score.d === null) return 'No D could be computed: a combined block had too few usable trials (fewer than two different response times, or none under 10 seconds).';
  const band = dBand(score.d);
  const fast = score.flags.fastResponder ? ' More than 10% of your responses were faster than 300 ms, so this D would be left out of a class summary.' : '';
  if (band === 'little or no') return `You sorted about equally fast with either pairing: little or no association of ${X} with ${A} or with ${B}, relative to ${Y}.${fast}`;
  const [withA, other] = score.d > 0 ? [A, B] : [B, A];
  return `You sorted faster when ${X} shared a key with ${withA} (and ${Y} with ${other}): a ${band} association of ${X} with ${withA} relative to ${Y}.${fast}`;
}
