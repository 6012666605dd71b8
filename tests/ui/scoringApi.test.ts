// The scoring worker's code run directly (no Worker): it embeds through the given embedder,
// reports progress in order, and returns exactly what the core computes for the same inputs.
import { describe, expect, it } from 'vitest';
import { buildAssociationInput, runAssociationBatch } from '../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import type { WeatProbe } from '../../src/probes/schema';
import { createScoringApi } from '../../src/worker/scoringApi';
import type { RunProgress } from '../../src/worker/scoringProtocol';

// Deterministic toy vectors: each word hashed to 8 dimensions.
const vec = (w: string) => {
  const v = new Float32Array(8);
  for (let i = 0; i < w.length; i++) v[(i * 7 + w.charCodeAt(i)) % 8]! += (w.charCodeAt(i) % 13) - 6;
  return v;
};
const embedder = {
  embedWords: async (ws: string[]) => ws.map((w) => (w.startsWith('oov') ? null : vec(w))),
  embedSentences: async (ss: string[]) => ss.map(vec),
};
const probe: WeatProbe = {
  family: 'weat',
  id: 'toy',
  title: 'Toy',
  targets: { X: { label: 'Xs', words: ['apple', 'pear', 'plum', 'oovx'] }, Y: { label: 'Ys', words: ['car', 'bus', 'train'] } },
  attributes: { A: { label: 'As', words: ['good', 'nice'] }, B: { label: 'Bs', words: ['bad', 'awful'] } },
};

describe('scoring API', () => {
  it('matches the core, reports progress, drops and lists OOV', async () => {
    const options = { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 500, bootstrap: 50, seed: 5, exactLimit: 10 };
    const events: RunProgress[] = [];
    let t = 0;
    const api = createScoringApi(() => (t += 100));
    const results = await api.runBatch([probe, { ...probe, id: 'toy2' }], options, embedder as never, ((p: RunProgress) => events.push(p)) as never);
    const direct = runAssociationBatch([await buildAssociationInput(probe, embedder), await buildAssociationInput({ ...probe, id: 'toy2' }, embedder)], options);
    expect(results).toEqual(direct);
    expect(results[0]!.oov.X).toEqual(['oovx']);
    expect(events[0]).toEqual({ stage: 'embedding', unit: 'words', count: expect.any(Number) });
    expect(events.some((e) => e.stage === 'permutations' && e.test === 2 && e.tests === 2 && e.done === e.total)).toBe(true);
    expect(events.at(-1)).toEqual({ stage: 'finishing' });
  });
  it('passes named errors through (all-OOV set)', async () => {
    const api = createScoringApi();
    const bad = { ...probe, targets: { ...probe.targets, Y: { label: 'Ys', words: ['oov1', 'oov2'] } } };
    const err = await api.runBatch([bad], DEFAULT_ASSOCIATION_OPTIONS, embedder as never, (() => undefined) as never).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/Y/);
    expect((err as Error).name).toMatch(/^(AllOutOfVocabularyError|InvalidWordSetError)$/);
  });
});
