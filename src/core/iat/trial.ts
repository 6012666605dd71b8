// One trial of the seven-block human IAT, as the participant screen records it and the trials CSV
// stores it (one row per trial, the tidy long form analysts expect). The record says which pairing a
// combined block had rather than leaving it to the block number, because counterbalancing puts either
// pairing first: the score is computed by pairing (docs/methods/iat-d-score.md).

/** The seven blocks: 1 targets, 2 attributes, 3/4 first combined pairing, 5 targets reversed, 6/7 second pairing. */
export type IatBlock = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The combined blocks, the only ones the D score reads. */
export const COMBINED_BLOCKS = [3, 4, 6, 7] as const;
export type CombinedBlock = (typeof COMBINED_BLOCKS)[number];

/** Which attribute shares a key with target X in a combined block ('' in blocks 1, 2, 5). */
export type IatPairing = 'XA' | 'XB' | '';

/**
 * How errors were handled when the trials were recorded: 'built-in' (the participant had to press the
 * correct key; the latency is to the correct response) or 'none' (the latency is of the first, wrong
 * response; the scorer replaces it with the block's mean correct latency + 600 ms).
 */
export type ErrorCorrection = 'built-in' | 'none';

export interface IatTrial {
  participant: string;
  block: IatBlock;
  /** Position within the block, 1-based. */
  trial: number;
  /** The label of the category the stimulus belongs to (one of the two targets or two attributes). */
  category: string;
  stimulus: string;
  pairing: IatPairing;
  /** 1 when the first key pressed was the correct one. */
  correct: 0 | 1;
  /** Milliseconds from the stimulus to the correct response (to the first response when errorCorrection is 'none'). */
  latencyMs: number;
  /** Absent means 'built-in'. */
  errorCorrection?: ErrorCorrection;
}

export const isCombinedBlock = (block: IatBlock): block is CombinedBlock => block === 3 || block === 4 || block === 6 || block === 7;
