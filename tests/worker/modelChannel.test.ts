// The run path across the two workers, on real MessageChannels in Node: the scoring worker's API
// (run) reaches the model worker over a model channel, as in the browser. Word vectors (toy hashed
// vectors) and the hand-computable fake LM behind the LM service give exactly what the core
// computes in-process; progress (in each LM call too) and named errors cross; generation is fitted
// into the model's context on the model worker's side; a closed channel aborts its LM call in
// flight while the loaded model keeps serving the next run's channel.
import * as Comlink from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { CancelledError, InvalidLmInputError } from '../../src/core/errors';
import { buildAssociationInput, runAssociationBatch } from '../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { DEFAULT_LM_RUN_OPTIONS, type LanguageModelScorer, type LmProbeDefinition, type LmRunOptions, type ScorerCallOptions, type ScorerGenerateOptions } from '../../src/core/lmRun';
import type { AnyProbe } from '../../src/probes/families';
import { runProbes } from '../../src/probes/runProbes';

/** The run path in-process, on the scorer itself (what the worker's run must reproduce over the channel). */
const runProbesOn = (probes: readonly LmProbeDefinition[], scorer: LanguageModelScorer, options: LmRunOptions) => runProbes(probes as unknown as AnyProbe[], { scorer, options });
import { getLmBuiltinProbe } from '../../src/probes/builtin';
import type { LmProbe } from '../../src/probes/lmSchema';
import type { WeatProbe } from '../../src/probes/schema';
import { createLmService } from '../../src/runtime/lm/service';
import type { GenerationSettings } from '../../src/core/lmRun/scorer';
import type { LanguageModel, LmInfo } from '../../src/runtime/lm/types';
import { registerErrorTransfer } from '../../src/worker/modelProtocol';
import { createModelChannels, type LmEndpoint } from '../../src/worker/modelChannels';
import type { ModelWorkerApi } from '../../src/worker/modelProtocol';
import { createScoringApi, endpointScorer } from '../../src/worker/scoringApi';
import type { RunProgress } from '../../src/worker/scoringProtocol';
import { createFakeScorer, tokensOf } from '../core/lmRun/fakeScorer';

registerErrorTransfer(Comlink);

const fake = createFakeScorer();
const options = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 500, bootstrap: 50, seed: 3 };

interface Hold {
  /** While true, tokenLogProbs calls `entered` and waits for its signal's abort, then calls `aborted`. */
  active: boolean;
  entered: () => void;
  aborted: (e: unknown) => void;
}

/** The fake scorer as the runtime's loaded model. */
function fakeModel(opts: { maxLength?: number; generated?: GenerationSettings[]; hold?: Hold } = {}): LanguageModel {
  const info = { id: 'fake', source: 'embedded', kind: 'causal-lm', modelType: 'fake', backend: 'wasm', dtype: 'fp32', availableDtypes: ['fp32'], sha256: {}, vocabularySize: 10, chatTemplate: false, ...(opts.maxLength ? { maxLength: opts.maxLength } : {}) } satisfies LmInfo;
  return {
    info,
    tokenize: (text: string) => ({ tokens: tokensOf(text), ids: tokensOf(text).map((_, i) => i) }),
    tokenLogProbs: (texts: readonly string[], o?: ScorerCallOptions) => {
      const hold = opts.hold;
      if (!hold?.active) return fake.tokenLogProbs!(texts, o);
      hold.entered();
      return new Promise((_, reject) =>
        o!.signal!.addEventListener('abort', () => {
          const e = new CancelledError('aborted');
          hold.aborted(e);
          reject(e);
        }),
      );
    },
    continuationLogProbs: (pairs: readonly { prefix: string; continuation: string }[], o?: ScorerCallOptions) => fake.continuationLogProbs!(pairs, o),
    pseudoLogLikelihood: (texts: readonly string[], o?: ScorerCallOptions) => fake.pseudoLogLikelihood!(texts, o),
    generate: async (_prompt: string, o: ScorerGenerateOptions) => {
      const { signal: _s, onProgress: _p, ...settings } = o;
      opts.generated?.push(settings);
      return { text: '', tokens: [], ids: [], logProbs: [], finishReason: 'eos', chatTemplate: false };
    },
    dispose: async () => undefined,
  } as unknown as LanguageModel;
}

// Deterministic toy vectors: each word hashed to 8 dimensions; words starting "oov" are unknown.
const vec = (w: string) => {
  const v = new Float32Array(8);
  for (let i = 0; i < w.length; i++) v[(i * 7 + w.charCodeAt(i)) % 8]! += (w.charCodeAt(i) % 13) - 6;
  return v;
};
const toyVectors = {
  embedWords: async (_id: string, ws: string[]) => ws.map((w) => (w.startsWith('oov') ? null : vec(w))),
  embedSentences: async (_id: string, ss: string[]) => ss.map(vec),
} as unknown as ModelWorkerApi;
const toyEmbedder = { embedWords: (ws: string[]) => toyVectors.embedWords('toy', ws), embedSentences: (ss: string[]) => toyVectors.embedSentences('toy', ss) };

/** The model worker's side: the LM service (with `model` loaded as "fake") and toy vectors, served on channels. */
async function serve(model: LanguageModel = fakeModel()) {
  const service = createLmService(async () => model);
  await service.lmLoad({ type: 'embedded', id: 'fake' });
  const channels = createModelChannels(toyVectors, service);
  let n = 0;
  const open = async (modelId = 'fake') => {
    const { port1, port2 } = new MessageChannel();
    const id = `c${++n}`;
    await channels.openModelChannel(port1, modelId, id);
    return { port: port2, close: () => channels.closeModelChannel(id) };
  };
  return { service, open };
}

const weat: WeatProbe = {
  family: 'weat',
  id: 'toy',
  title: 'Toy',
  targets: { X: { label: 'Xs', words: ['apple', 'pear', 'plum', 'oovx'] }, Y: { label: 'Ys', words: ['car', 'bus', 'train'] } },
  attributes: { A: { label: 'As', words: ['good', 'nice'] }, B: { label: 'Bs', words: ['bad', 'awful'] } },
};

describe('model channel: word vectors', () => {
  it('matches the core, reports progress, drops and lists OOV', async () => {
    const { open } = await serve();
    const options = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 500, bootstrap: 50, seed: 5, exactLimit: 10 };
    const events: RunProgress[] = [];
    let t = 0;
    const channel = await open('toy');
    const results = await createScoringApi(() => (t += 100)).run([weat, { ...weat, id: 'toy2' }], options, channel.port, ((p: RunProgress) => events.push(p)) as never);
    const direct = runAssociationBatch([await buildAssociationInput(weat, toyEmbedder), await buildAssociationInput({ ...weat, id: 'toy2' }, toyEmbedder)], options);
    expect(results).toEqual(direct);
    expect((results[0] as { oov: { X: string[] } }).oov.X).toEqual(['oovx']);
    expect(events[0]).toEqual({ stage: 'embedding', unit: 'words', count: expect.any(Number) });
    expect(events.some((e) => e.stage === 'permutations' && e.test === 2 && e.tests === 2 && e.done === e.total)).toBe(true);
    expect(events.at(-1)).toEqual({ stage: 'finishing' });
  });

  it('passes named errors through (all-OOV set)', async () => {
    const { open } = await serve();
    const bad = { ...weat, targets: { ...weat.targets, Y: { label: 'Ys', words: ['oov1', 'oov2'] } } };
    const channel = await open('toy');
    const err = await createScoringApi()
      .run([bad], { ...DEFAULT_LM_RUN_OPTIONS, ...DEFAULT_ASSOCIATION_OPTIONS }, channel.port, (() => undefined) as never)
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(/Y/);
    expect((err as Error).name).toMatch(/^(AllOutOfVocabularyError|InvalidWordSetError)$/);
  });
});

describe('model channel: language model', () => {
  it('equals the in-process orchestration and reports lm progress', async () => {
    const { open } = await serve();
    const probes = [getLmBuiltinProbe('lm-counterfactual-basic')!, getLmBuiltinProbe('lm-pairwise-position-30')!] as LmProbe[];
    const events: RunProgress[] = [];
    let t = 0;
    const channel = await open();
    const results = await createScoringApi(() => (t += 100)).run(probes, options, channel.port, ((p: RunProgress) => events.push(p)) as never);
    await channel.close();
    const direct = await runProbesOn(probes as unknown as LmProbeDefinition[], fake, options);
    expect(results).toEqual(direct);
    expect(events.some((e) => e.stage === 'lm' && e.test === 2 && e.tests === 2)).toBe(true);
    expect(events.at(-1)).toEqual({ stage: 'finishing' });
  });

  it('carries the progress inside a scoring call across the channel', async () => {
    const { open } = await serve();
    const channel = await open();
    const endpoint = Comlink.wrap<LmEndpoint>(channel.port);
    const scorer = endpointScorer(await endpoint.info(), endpoint);
    const passes: number[] = [];
    const texts = Array.from({ length: 20 }, (_, i) => `text number ${i}`);
    const out = await scorer.tokenLogProbs!(texts, { batchSize: 8, onProgress: (p) => passes.push(p.done) });
    expect(out.map((r) => r.total)).toEqual((await fake.tokenLogProbs!(texts)).map((r) => r.total));
    // Proxied callbacks arrive on channels of their own, after the call's answer or before it.
    await vi.waitFor(() => expect(passes.at(-1)).toBe(20), { timeout: 10_000 });
    expect(passes).toEqual([8, 16, 20]);
    await channel.close();
  });

  it('caps generation at the room left in the context, and refuses a prompt that fills it', async () => {
    const generated: GenerationSettings[] = [];
    const { open } = await serve(fakeModel({ maxLength: 10, generated }));
    const channel = await open();
    const endpoint = Comlink.wrap<LmEndpoint>(channel.port);
    const scorer = endpointScorer(await endpoint.info(), endpoint);
    expect(scorer.info).toEqual({ id: 'fake', kind: 'causal-lm', maxLength: 10 });
    await scorer.generate!('one two three four five six', { maxNewTokens: 50, greedy: true });
    expect(generated[0]!.maxNewTokens).toBe(3);
    await expect(scorer.generate!('a b c d e f g h i', { maxNewTokens: 5, greedy: true })).rejects.toBeInstanceOf(InvalidLmInputError);
    await channel.close();
  });

  it('closing a channel aborts its call in flight; the loaded model serves the next channel', async () => {
    let entered!: () => void;
    const inFlight = new Promise<void>((r) => (entered = r));
    const aborted: unknown[] = [];
    const hold: Hold = { active: true, entered: () => entered(), aborted: (e) => aborted.push(e) };
    const { service, open } = await serve(fakeModel({ hold }));
    const probe = [getLmBuiltinProbe('lm-counterfactual-basic')!] as LmProbe[];
    const first = await open();
    // In the browser the page also terminates this scoring worker; here its run is left pending.
    void createScoringApi().run(probe, options, first.port, (() => undefined) as never).catch(() => undefined);
    await inFlight;
    await first.close();
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toBeInstanceOf(CancelledError);
    expect((await service.lmLoaded()).map((i) => i.id)).toEqual(['fake']);
    hold.active = false;
    const second = await open();
    const results = await createScoringApi().run(probe, options, second.port, (() => undefined) as never);
    expect(results).toEqual(await runProbesOn(probe as unknown as LmProbeDefinition[], fake, options));
  });
});
