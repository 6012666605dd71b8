// The improved D score of one participant (Greenwald, Nosek & Banaji 2003, Table 4), step by step as
// docs/methods/iat-d-score.md states it: drop trials over 10 s, flag more than 10% under 300 ms, one
// inclusive sample SD per block pair (3 with 6, 4 with 7), the +600 ms error replacement only for
// trials recorded without forced correction, D per pair by pairing (XB minus XA, so D > 0 means faster
// when X shares a key with A), D the mean of the two. Everything a reader needs to check the number
// (block means, SDs, trial counts, flags) comes back with it; a D that cannot be computed is null with
// the flag that says why, never NaN.
import { InvalidTrialsError } from '../errors';
import { isDegenerateSpread, mean, standardDeviation } from '../stats/descriptive';
import { isCombinedBlock, type CombinedBlock, type ErrorCorrection, type IatTrial } from './trial';

/** Trials slower than this are dropped (a trial of exactly this latency is kept). */
export const SLOW_TRIAL_MS = 10_000;
/** Trials faster than this count towards the fast-responder flag. */
export const FAST_TRIAL_MS = 300;
/** A participant with more than this percentage of fast trials is flagged. */
export const FAST_RESPONDER_PERCENT = 10;
/** Added to a block's mean correct latency to replace an error latency recorded without forced correction. */
export const ERROR_PENALTY_MS = 600;

export interface IatBlockPairScore {
  /** The practice pair is blocks 3 and 6, the test pair blocks 4 and 7. */
  blocks: readonly [CombinedBlock, CombinedBlock];
  /** Mean latency (ms) of the pair's block with pairing XA, after the error treatment; null without trials. */
  meanXA: number | null;
  meanXB: number | null;
  /** Sample SD (n − 1) of all kept latencies of both blocks, before any error replacement. */
  inclusiveSd: number | null;
  /** (meanXB − meanXA) / inclusiveSd; null when a mean or the SD is missing or the SD is zero. */
  d: number | null;
  trialsXA: number;
  trialsXB: number;
}

export interface IatTrialCounts {
  /** Trials recorded in blocks 3, 4, 6, 7. */
  recorded: number;
  /** Of those, kept for scoring (not slower than 10 s). */
  scored: number;
  /** Dropped as slower than 10 s. */
  droppedSlow: number;
  /** Recorded trials faster than 300 ms (counted before dropping slow ones). */
  fast: number;
  /** Scored trials with an error (correct = 0). */
  errors: number;
}

export interface IatParticipantScore {
  participant: string;
  /** (practice.d + test.d) / 2; null when either is null. */
  d: number | null;
  practice: IatBlockPairScore;
  test: IatBlockPairScore;
  /** The pairing of blocks 3 and 4 (the counterbalancing order); null when the participant has no combined trials. */
  firstPairing: 'XA' | 'XB' | null;
  errorTreatment: 'built-in' | 'replaced-600';
  trials: IatTrialCounts;
  /** fast / recorded (0 without trials). */
  fastShare: number;
  flags: {
    /** More than 10% of recorded trials under 300 ms. */
    fastResponder: boolean;
    /** A block pair's D could not be computed (a missing block, fewer than two distinct latencies, no correct trial to replace errors by). */
    tooFewTrials: boolean;
  };
  /** Counted in the class summary: has a D and is not a fast responder. */
  included: boolean;
}

/** The pairing each combined block had, checked: one per block, 3 = 4, 6 = 7, 3 ≠ 6. */
function blockPairings(participant: string, trials: readonly IatTrial[]): Map<CombinedBlock, 'XA' | 'XB'> {
  const pairings = new Map<CombinedBlock, 'XA' | 'XB'>();
  for (const t of trials) {
    if (!isCombinedBlock(t.block)) continue;
    if (t.pairing !== 'XA' && t.pairing !== 'XB') {
      throw new InvalidTrialsError(`participant ${participant}, block ${t.block}, trial ${t.trial}: a combined block needs pairing XA or XB, got '${t.pairing}'`);
    }
    const seen = pairings.get(t.block);
    if (seen === undefined) pairings.set(t.block, t.pairing);
    else if (seen !== t.pairing) throw new InvalidTrialsError(`participant ${participant}, block ${t.block}: the pairing changes within the block (${seen} and ${t.pairing})`);
  }
  const same = (a: CombinedBlock, b: CombinedBlock) => {
    const pa = pairings.get(a);
    const pb = pairings.get(b);
    if (pa && pb && pa !== pb) throw new InvalidTrialsError(`participant ${participant}: blocks ${a} and ${b} must have the same pairing, got ${pa} and ${pb}`);
  };
  same(3, 4);
  same(6, 7);
  const first = pairings.get(3) ?? pairings.get(4);
  const second = pairings.get(6) ?? pairings.get(7);
  if (first && second && first === second) {
    throw new InvalidTrialsError(`participant ${participant}: blocks 3–4 and 6–7 must have opposite pairings, both are ${first}`);
  }
  return pairings;
}

function checkTrials(participant: string, trials: readonly IatTrial[]): ErrorCorrection {
  const seen = new Set<string>();
  let correction: ErrorCorrection | undefined;
  for (const t of trials) {
    if (t.participant !== participant) throw new InvalidTrialsError(`a trial of participant ${t.participant} was given with those of ${participant}`);
    if (!isCombinedBlock(t.block) && t.pairing !== '') throw new InvalidTrialsError(`participant ${participant}, block ${t.block}, trial ${t.trial}: only blocks 3, 4, 6, 7 have a pairing`);
    if (!(Number.isFinite(t.latencyMs) && t.latencyMs >= 0)) throw new InvalidTrialsError(`participant ${participant}, block ${t.block}, trial ${t.trial}: latency must be a finite number ≥ 0, got ${t.latencyMs}`);
    if (t.correct !== 0 && t.correct !== 1) throw new InvalidTrialsError(`participant ${participant}, block ${t.block}, trial ${t.trial}: correct must be 0 or 1`);
    const key = `${t.block}:${t.trial}`;
    if (seen.has(key)) throw new InvalidTrialsError(`participant ${participant}, block ${t.block}: trial ${t.trial} appears twice`);
    seen.add(key);
    const c = t.errorCorrection ?? 'built-in';
    if (correction !== undefined && c !== correction) throw new InvalidTrialsError(`participant ${participant}: error_correction must be the same on all trials (found ${correction} and ${c})`);
    correction = c;
  }
  return correction ?? 'built-in';
}

function pairScore(
  blocks: readonly [CombinedBlock, CombinedBlock],
  kept: ReadonlyMap<CombinedBlock, readonly IatTrial[]>,
  pairings: ReadonlyMap<CombinedBlock, 'XA' | 'XB'>,
  replaceErrors: boolean,
): IatBlockPairScore {
  const blockMean = (block: CombinedBlock): number | null => {
    const trials = kept.get(block) ?? [];
    if (trials.length === 0) return null;
    if (!replaceErrors) return mean(trials.map((t) => t.latencyMs));
    const correct = trials.filter((t) => t.correct === 1).map((t) => t.latencyMs);
    if (correct.length === trials.length) return mean(correct);
    if (correct.length === 0) return null;
    const replacement = mean(correct) + ERROR_PENALTY_MS;
    return mean(trials.map((t) => (t.correct === 1 ? t.latencyMs : replacement)));
  };
  const [a, b] = blocks;
  const xaBlock = pairings.get(a) === 'XA' || pairings.get(b) === 'XB' ? a : b;
  const xbBlock = xaBlock === a ? b : a;
  const all = [...(kept.get(a) ?? []), ...(kept.get(b) ?? [])].map((t) => t.latencyMs);
  const sd = all.length >= 2 ? standardDeviation(all, 'sample') : null;
  const usableSd = sd !== null && !isDegenerateSpread(sd, all) ? sd : null;
  const meanXA = blockMean(xaBlock);
  const meanXB = blockMean(xbBlock);
  const d = meanXA !== null && meanXB !== null && usableSd !== null ? (meanXB - meanXA) / usableSd : null;
  return {
    blocks,
    meanXA,
    meanXB,
    inclusiveSd: sd,
    d,
    trialsXA: kept.get(xaBlock)?.length ?? 0,
    trialsXB: kept.get(xbBlock)?.length ?? 0,
  };
}

/**
 * The improved D score of one participant from all their trials (any blocks; only 3, 4, 6, 7 are read).
 * @throws {InvalidTrialsError} for trials of another participant, a repeated (block, trial), a missing
 * or inconsistent pairing, a latency that is not a finite number ≥ 0, or mixed error_correction
 */
export function scoreParticipant(participant: string, trials: readonly IatTrial[]): IatParticipantScore {
  const correction = checkTrials(participant, trials);
  const pairings = blockPairings(participant, trials);
  const combined = trials.filter((t) => isCombinedBlock(t.block));
  const kept = new Map<CombinedBlock, IatTrial[]>();
  let droppedSlow = 0;
  let fast = 0;
  let errors = 0;
  for (const t of combined) {
    if (t.latencyMs < FAST_TRIAL_MS) fast++;
    if (t.latencyMs > SLOW_TRIAL_MS) {
      droppedSlow++;
      continue;
    }
    if (t.correct === 0) errors++;
    const block = t.block as CombinedBlock;
    const list = kept.get(block);
    if (list) list.push(t);
    else kept.set(block, [t]);
  }
  const replaceErrors = correction === 'none';
  const practice = pairScore([3, 6], kept, pairings, replaceErrors);
  const test = pairScore([4, 7], kept, pairings, replaceErrors);
  const d = practice.d !== null && test.d !== null ? (practice.d + test.d) / 2 : null;
  const recorded = combined.length;
  // fast / recorded > 10%, compared in whole numbers so 4 of 40 is exactly not flagged.
  const fastResponder = fast * 100 > FAST_RESPONDER_PERCENT * recorded;
  const second = pairings.get(6) ?? pairings.get(7);
  const firstPairing = pairings.get(3) ?? pairings.get(4) ?? (second === undefined ? null : second === 'XA' ? 'XB' : 'XA');
  return {
    participant,
    d,
    practice,
    test,
    firstPairing,
    errorTreatment: replaceErrors ? 'replaced-600' : 'built-in',
    trials: { recorded, scored: recorded - droppedSlow, droppedSlow, fast, errors },
    fastShare: recorded > 0 ? fast / recorded : 0,
    flags: { fastResponder, tooFewTrials: d === null },
    included: d !== null && !fastResponder,
  };
}
