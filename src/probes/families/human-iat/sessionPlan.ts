// The trials one participant will see, worked out before the first trial from their own seeded
// stream (docs/methods/iat-d-score.md, "The participant screen"): which pairing comes first, each
// block's categories on the left and right keys, and each trial's category and word. Pure and
// deterministic, so the screen only shows and times what this returns, a test can check the
// balance and counterbalancing without a browser, and a participant's session can be re-derived from
// the probe, its seed and the participant id kept with their result.
import { createRng, type Rng } from '../../../core/rng';
import type { IatBlock, IatPairing } from '../../../core/iat/trial';
import type { IatDesign } from './schema';

export type IatCategoryKey = 'X' | 'Y' | 'A' | 'B';
export type IatSide = 'left' | 'right';

export interface IatPlannedTrial {
  /** Position within the block, 1-based. */
  trial: number;
  category: IatCategoryKey;
  stimulus: string;
  /** The key that is correct for this stimulus in this block. */
  side: IatSide;
}

export interface IatBlockPlan {
  block: IatBlock;
  /** 'XA' or 'XB' on the combined blocks 3, 4, 6, 7; '' elsewhere. */
  pairing: IatPairing;
  left: readonly IatCategoryKey[];
  right: readonly IatCategoryKey[];
  trials: IatPlannedTrial[];
}

export interface IatSessionPlan {
  participant: string;
  streamSeed: number;
  firstPairing: 'XA' | 'XB';
  blocks: IatBlockPlan[];
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a participant's stream seed from "<seed>:<participant>". */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const participantStreamSeed = (seed: number, participant: string): number => fnv1a32(`${seed}:${participant}`);

type Layout = Omit<IatBlockPlan, 'trials'>;

/** The seven blocks' keys: attributes stay A left, B right; the targets switch sides after block 4. */
export function blockLayouts(firstPairing: 'XA' | 'XB'): Layout[] {
  const xa = { left: ['X', 'A'], right: ['Y', 'B'] } as const;
  const xb = { left: ['Y', 'A'], right: ['X', 'B'] } as const;
  const [first, second] = firstPairing === 'XA' ? [xa, xb] : [xb, xa];
  const secondPairing = firstPairing === 'XA' ? 'XB' : 'XA';
  return [
    { block: 1, pairing: '', left: [first.left[0]], right: [first.right[0]] },
    { block: 2, pairing: '', left: ['A'], right: ['B'] },
    { block: 3, pairing: firstPairing, left: first.left, right: first.right },
    { block: 4, pairing: firstPairing, left: first.left, right: first.right },
    { block: 5, pairing: '', left: [second.left[0]], right: [second.right[0]] },
    { block: 6, pairing: secondPairing, left: second.left, right: second.right },
    { block: 7, pairing: secondPairing, left: second.left, right: second.right },
  ];
}

/** n trials split between two categories as equally as possible (the odd one to a random one), shuffled. */
function balanced(rng: Rng, n: number, a: IatCategoryKey, b: IatCategoryKey): IatCategoryKey[] {
  const extra = n % 2 === 1 ? (rng.int(0, 1) === 0 ? a : b) : null;
  const list: IatCategoryKey[] = [];
  for (let i = 0; i < Math.floor(n / 2); i++) list.push(a, b);
  if (extra) list.push(extra);
  rng.shuffle(list);
  return list;
}

/** The category of each trial of a block: single-category blocks balanced; combined blocks alternate target and attribute. */
function blockCategories(rng: Rng, layout: Layout, n: number): IatCategoryKey[] {
  const keys = [...layout.left, ...layout.right];
  const targets = keys.filter((k) => k === 'X' || k === 'Y');
  const attributes = keys.filter((k) => k === 'A' || k === 'B');
  if (targets.length === 0 || attributes.length === 0) return balanced(rng, n, keys[0]!, keys[1]!);
  const targetFirst = rng.int(0, 1) === 0;
  const nFirst = Math.ceil(n / 2);
  const t = balanced(rng, targetFirst ? nFirst : n - nFirst, 'X', 'Y');
  const a = balanced(rng, targetFirst ? n - nFirst : nFirst, 'A', 'B');
  const [first, second] = targetFirst ? [t, a] : [a, t];
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? first[i / 2]! : second[(i - 1) / 2]!));
}

/**
 * The participant's session: the first pairing (drawn when the design counterbalances), then block by
 * block the trials, words dealt from a per-category shuffled deck that is reshuffled when it runs out.
 * `sets` are the four sets' words (at least one each; repeats are shown once per deck).
 */
export function planIatSession(sets: Readonly<Record<IatCategoryKey, readonly string[]>>, design: IatDesign, participant: string): IatSessionPlan {
  const streamSeed = participantStreamSeed(design.seed, participant);
  const rng = createRng(streamSeed);
  const firstPairing = design.firstPairing === 'counterbalanced' ? (rng.int(0, 1) === 0 ? 'XA' : 'XB') : design.firstPairing;
  const words = Object.fromEntries((['X', 'Y', 'A', 'B'] as const).map((k) => [k, [...new Set(sets[k].map((w) => w.trim()))]])) as Record<IatCategoryKey, string[]>;
  const decks: Record<IatCategoryKey, string[]> = { X: [], Y: [], A: [], B: [] };
  const deal = (k: IatCategoryKey): string => {
    if (decks[k].length === 0) {
      decks[k] = [...words[k]];
      rng.shuffle(decks[k]);
    }
    return decks[k].pop()!;
  };
  const blocks = blockLayouts(firstPairing).map((layout, i): IatBlockPlan => {
    const categories = blockCategories(rng, layout, design.blockLengths[i]!);
    const trials = categories.map((category, j) => ({ trial: j + 1, category, stimulus: deal(category), side: layout.left.includes(category) ? ('left' as const) : ('right' as const) }));
    return { ...layout, trials };
  });
  return { participant, streamSeed, firstPairing, blocks };
}
