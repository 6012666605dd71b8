// The LM run path across the two workers, on real MessageChannels in Node: the scoring worker's API
// (runLmBatch) reaches the model worker's LM service over a scorer channel, as in the browser, with
// the hand-computable fake LM behind the service. It returns exactly what the core orchestration
// returns in-process, carries the progress inside each call, fits generation into the model's
// context on the model worker's side, and a closed channel aborts its call in flight while the
// loaded model keeps serving the next run's channel.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { CancelledError, InvalidLmInputError } from '../../src/core/errors';
import { DEFAULT_LM_RUN_OPTIONS, runLmProbeBatch, type LmProbeDefinition, type ScorerCallOptions, type ScorerGenerateOptions } from '../../src/core/lmRun';
import { getLmBuiltinProbe } from '../../src/probes/builtin';
import type { LmProbe } from '../../src/probes/lmSchema';
import { createLmService } from '../../src/runtime/lm/service';
import type { GenerationSettings } from '../../src/core/lmRun/scorer';
import type { LanguageModel, LmInfo } from '../../src/runtime/lm/types';
import { registerErrorTransfer } from '../../src/worker/modelProtocol';
import { createScorerChannels } from '../../src/worker/scorerChannels';
import { createScoringApi, endpointScorer } from '../../src/worker/scoringApi';
import type { RunProgress } from '../../src/worker/scoringProtocol';
import type { LmScorerEndpoint } from '../../src/runtime/lm/service';
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

async function serve(model: LanguageModel) {
  const service = createLmService(async () => model);
  await service.lmLoad({ type: 'embedded', id: 'fake' });
  const channels = createScorerChannels(service);
  let n = 0;
  const open = async () => {
    const { port1, port2 } = new MessageChannel();
    const id = `c${++n}`;
    await channels.openScorerChannel(port1, 'fake', id);
    return { port: port2, close: () => channels.closeScorerChannel(id) };
  };
  return { service, open };
}

describe('scorer channel: scoring worker ↔ model worker', () => {
  it('equals the in-process orchestration and reports lm progress', async () => {
    const { open } = await serve(fakeModel());
    const probes = [getLmBuiltinProbe('lm-counterfactual-basic')!, getLmBuiltinProbe('lm-pairwise-position-30')!] as LmProbe[];
    const events: RunProgress[] = [];
    let t = 0;
    const channel = await open();
    const results = await createScoringApi(() => (t += 100)).runLmBatch(probes, options, channel.port, ((p: RunProgress) => events.push(p)) as never);
    await channel.close();
    const direct = await runLmProbeBatch(probes as unknown as LmProbeDefinition[], fake, options);
    expect(results).toEqual(direct);
    expect(events.some((e) => e.stage === 'lm' && e.test === 2 && e.tests === 2)).toBe(true);
    expect(events.at(-1)).toEqual({ stage: 'finishing' });
  });

  it('carries the progress inside a scoring call across the channel', async () => {
    const { open } = await serve(fakeModel());
    const channel = await open();
    const endpoint = Comlink.wrap<LmScorerEndpoint>(channel.port);
    const scorer = endpointScorer(await endpoint.info(), endpoint);
    const passes: number[] = [];
    const texts = Array.from({ length: 20 }, (_, i) => `text number ${i}`);
    const out = await scorer.tokenLogProbs!(texts, { batchSize: 8, onProgress: (p) => passes.push(p.done) });
    expect(out.map((r) => r.total)).toEqual((await fake.tokenLogProbs!(texts)).map((r) => r.total));
    await new Promise((r) => setTimeout(r, 20)); // proxied callbacks arrive on channels of their own
    expect(passes).toEqual([8, 16, 20]);
    await channel.close();
  });

  it('caps generation at the room left in the context, and refuses a prompt that fills it', async () => {
    const generated: GenerationSettings[] = [];
    const { open } = await serve(fakeModel({ maxLength: 10, generated }));
    const channel = await open();
    const endpoint = Comlink.wrap<LmScorerEndpoint>(channel.port);
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
    void createScoringApi().runLmBatch(probe, options, first.port, (() => undefined) as never).catch(() => undefined);
    await inFlight;
    await first.close();
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toBeInstanceOf(CancelledError);
    expect((await service.lmLoaded()).map((i) => i.id)).toEqual(['fake']);
    hold.active = false;
    const second = await open();
    const results = await createScoringApi().runLmBatch(probe, options, second.port, (() => undefined) as never);
    expect(results).toEqual(await runLmProbeBatch(probe as unknown as LmProbeDefinition[], fake, options));
  });
});
