// Batch-dependent graphs (src/runtime/lm/batchInvariance.ts). The fake below quantises a batch's
// logits the way DynamicQuantizeLinear quantises activations: one step for the whole tensor
// (max |x| over every row / 127), so a row's numbers move with the other rows — as q8 exports do.
// The toy causal model (toyModel.ts) is batch-invariant by construction.
import { describe, expect, it } from 'vitest';
import { BATCH_INVARIANCE_TOLERANCE, batchDependence, onePassPerSequence } from '../../../src/runtime/lm/batchInvariance';
import { createLanguageModel, type ForwardFn } from '../../../src/runtime/lm/languageModel';
import { TOY_CAUSAL_INFO, toyCausalForward, toyTokenizer, V } from './toyModel';

/** The toy model with its logits quantised per call: step = max |logit| over the whole batch / 127. */
const perTensorQuantised = (log: number[][] = []): ForwardFn => {
  const toy = toyCausalForward();
  return async (input, want) => {
    log.push(input.mask.map((m) => m.length));
    const out = await toy(input, want);
    const logits = out.logits!;
    let max = 0;
    for (const v of logits) max = Math.max(max, Math.abs(v));
    const step = max / 127;
    return { ...out, logits: logits.map((v) => Math.round(v / step) * step) };
  };
};

const TEXTS = ['ab c ab c a', 'x', 'ca ab. a b c', 'cab', 'b.', 'a a a a a a a'];

describe('batch invariance', () => {
  it('the probe sees no dependence in the toy model and a large one in the per-tensor quantised one', async () => {
    expect(await batchDependence(toyCausalForward(), V)).toBe(0);
    expect(await batchDependence(perTensorQuantised(), V)).toBeGreaterThan(BATCH_INVARIANCE_TOLERANCE);
  });

  it('batched scores of a per-tensor quantised model move with the batch; one pass per sequence makes them equal to scoring each text alone', async () => {
    // As load.ts marks such a model: every distinct sequence runs whole, none is read off a longer row.
    const info = { ...TOY_CAUSAL_INFO, passes: 'one-sequence-per-pass' as const };
    const lm = (fwd: ForwardFn) => createLanguageModel({ info, tokenizer: toyTokenizer(), forward: fwd });
    const alone = await Promise.all(TEXTS.map(async (t) => (await lm(perTensorQuantised()).tokenLogProbs([t], { batchSize: 1 }))[0]!));
    const batched = await lm(perTensorQuantised()).tokenLogProbs(TEXTS, { batchSize: 8 });
    expect(batched).not.toEqual(alone);
    const log: number[][] = [];
    const fixed = await lm(onePassPerSequence(perTensorQuantised(log))).tokenLogProbs(TEXTS, { batchSize: 8 });
    expect(fixed).toEqual(alone);
    // Every pass had one row, cut to the text's real length (BOS + its tokens): no padding.
    expect(log.every((rows) => rows.length === 1)).toBe(true);
    expect(log.map((rows) => rows[0]).sort((a, b) => a! - b!)).toEqual(TEXTS.map((t) => toyTokenizer().encode(t, false).length + 1).sort((a, b) => a - b));
  });
});
