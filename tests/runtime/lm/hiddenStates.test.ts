// The runtime's hidden-state operation on a feature-extraction export (tests/fixtures/feature-
// extraction/minilm: the layout and graph interface of Xenova/all-MiniLM-L6-v2, tiny random weights)
// against torch: scripts/lm/fixtures/build_feature_extraction.py ran the same encoder in torch on
// the same ids and mean-pooled its last hidden state (reference.json). On both Node backends the
// loader must feed the graph's three inputs and read `last_hidden_state`; texts of different lengths
// share a padded batch, so the mask must keep padding out of the mean. Through the model worker's
// service and a scorer endpoint (the worker protocol, in Node) the same vectors come back. The
// fixture's dynamic q8 (model_quantized.onnx) quantises each activation tensor with one scale, so a
// text's vector moves with the rest of its batch: the load-time probe must find that from the hidden
// states (the graph has no logits) and run each text alone. A graph that outputs logits only is
// refused by name, with what to pick instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../../src/core/errors';
import { loadLanguageModel } from '../../../src/runtime/lm/node';
import { createLmService, scorerEndpoint } from '../../../src/runtime/lm/service';
import { maxAbsDiff } from './helpers';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const MINILM = path.join(FIXTURES, 'feature-extraction', 'minilm');
const ref = JSON.parse(readFileSync(path.join(MINILM, 'reference.json'), 'utf8')) as { texts: Record<string, { ids: number[]; pooled: number[] }> };
const TEXTS = Object.keys(ref.texts);

describe.each(['node', 'wasm'] as const)('hiddenStates on the all-MiniLM-L6-v2 stand-in (%s)', (device) => {
  it('equals torch’s mean-pooled last hidden state for every text, whatever the batch', async () => {
    const lm = await loadLanguageModel(MINILM, { device });
    try {
      expect(lm.info.backend).toBe(device);
      for (const t of TEXTS) expect(lm.tokenize(t).ids, t).toEqual(ref.texts[t]!.ids);
      expect(new Set(TEXTS.map((t) => ref.texts[t]!.ids.length)).size).toBeGreaterThan(1);
      const batched = await lm.hiddenStates(TEXTS, { batchSize: 8 });
      const alone = await lm.hiddenStates(TEXTS, { batchSize: 1 });
      expect(batched).toHaveLength(TEXTS.length);
      TEXTS.forEach((t, i) => {
        expect(batched[i]).toHaveLength(32);
        expect(maxAbsDiff(Array.from(batched[i]!), ref.texts[t]!.pooled), t).toBeLessThan(5e-6);
        expect(maxAbsDiff(Array.from(alone[i]!), Array.from(batched[i]!)), t).toBeLessThan(2e-5);
      });
    } finally {
      await lm.dispose();
    }
  });
});

describe('hiddenStates of the dynamically quantised (q8) export', () => {
  it('are measured one text per pass, so a text’s vector does not depend on its batch', async () => {
    const lm = await loadLanguageModel(MINILM, { device: 'node', dtype: 'q8' });
    try {
      expect(lm.info).toMatchObject({ dtype: 'q8', passes: 'one-sequence-per-pass' });
      const batched = await lm.hiddenStates(TEXTS, { batchSize: 8 });
      const alone = await lm.hiddenStates(TEXTS, { batchSize: 1 });
      TEXTS.forEach((t, i) => {
        expect(Array.from(batched[i]!), t).toEqual(Array.from(alone[i]!));
        // q8 is an approximation of the fp32 network: near torch's vectors, not equal to them.
        expect(maxAbsDiff(Array.from(alone[i]!), ref.texts[t]!.pooled), t).toBeLessThan(0.2);
      });
    } finally {
      await lm.dispose();
    }
  });
});

describe('hiddenStates across the model worker’s protocol', () => {
  it('a scorer endpoint returns the vectors the model gives, with progress', async () => {
    const service = createLmService((source, opts) => loadLanguageModel(source.type === 'path' ? source.path : '', { ...opts, device: 'node' }));
    const info = await service.lmLoad({ type: 'path', path: MINILM });
    const { endpoint } = scorerEndpoint(service, info.id);
    const progress: number[] = [];
    const vectors = await endpoint.hiddenStates(TEXTS.slice(0, 3), { batchSize: 2 }, (p) => progress.push(p.done));
    TEXTS.slice(0, 3).forEach((t, i) => expect(maxAbsDiff(Array.from(vectors[i]!), ref.texts[t]!.pooled)).toBeLessThan(5e-6));
    expect(progress.at(-1)).toBe(3);
    await service.lmUnload(info.id);
  });
});

describe('a logits-only export', () => {
  it('is refused with the named error and what to pick instead', async () => {
    const lm = await loadLanguageModel(path.join(FIXTURES, 'hub-matrix', 'matrix', 'bert'), { device: 'node' });
    try {
      const err = await lm.hiddenStates(['doctor']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnsupportedModelError);
      expect((err as Error).message).toMatch(/outputs no hidden states .*fill-mask export gives only logits.*feature-extraction export/);
    } finally {
      await lm.dispose();
    }
  });
});
