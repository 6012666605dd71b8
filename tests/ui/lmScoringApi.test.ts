// The scoring worker's LM entry (runLmBatch) run directly: with the hand-computable fake LM behind the
// same kind of proxy the page builds (plain async functions, no signals), it returns exactly what
// the core orchestration returns in-process, reports progress as the 'lm' stage, and fits generation
// into the model's context the way the core does (prompt tokens + answer ≤ maxLength).
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS, runLmProbeBatch, type LmProbeDefinition } from '../../src/core/lmRun';
import { getLmBuiltinProbe } from '../../src/probes/builtin';
import type { LmProbe } from '../../src/probes/lmSchema';
import { createScoringApi, proxyScorer } from '../../src/worker/scoringApi';
import type { GenerateRequest, RunProgress, ScoringLanguageModel } from '../../src/worker/scoringProtocol';
import { createFakeScorer } from '../core/lmRun/fakeScorer';

const fake = createFakeScorer();
/** What client.ts builds: every call forwarded, no AbortSignal crossing. */
const port = (generated: GenerateRequest[] = []): ScoringLanguageModel => ({
  tokenize: async (t) => ({ ids: t.split(/\s+/).filter(Boolean).map((_, i) => i) }),
  tokenLogProbs: async (texts) => [...(await fake.tokenLogProbs!(texts))],
  continuationLogProbs: async (pairs) => [...(await fake.continuationLogProbs!(pairs))],
  pseudoLogLikelihood: async (texts) => [...(await fake.pseudoLogLikelihood!(texts))],
  generate: async (_p, o) => {
    generated.push(o);
    return { text: '' };
  },
});
const options = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 500, bootstrap: 50, seed: 3 };

describe('scoring API: LM probes', () => {
  it('equals the in-process orchestration and reports lm progress', async () => {
    const probes = [getLmBuiltinProbe('lm-counterfactual-basic')!, getLmBuiltinProbe('lm-pairwise-position-30')!] as LmProbe[];
    const events: RunProgress[] = [];
    let t = 0;
    const results = await createScoringApi(() => (t += 100)).runLmBatch(probes, options, { id: 'fake', kind: 'causal-lm' }, port() as never, ((p: RunProgress) => events.push(p)) as never);
    const direct = await runLmProbeBatch(probes as unknown as LmProbeDefinition[], fake, options);
    expect(results).toEqual(direct);
    expect(events.some((e) => e.stage === 'lm' && e.test === 2 && e.tests === 2)).toBe(true);
    expect(events.at(-1)).toEqual({ stage: 'finishing' });
  });

  it('passes the progress inside each scoring call back as a proxied callback', async () => {
    const probe = getLmBuiltinProbe('lm-counterfactual-basic')! as LmProbe; // 48 texts: one call at batchSize 8
    const marked: boolean[] = [];
    const relaying: ScoringLanguageModel = {
      ...port(),
      tokenLogProbs: async (texts, batchSize, onProgress) => {
        marked.push((onProgress as unknown as Record<symbol, unknown>)[Comlink.proxyMarker] === true);
        return [...(await fake.tokenLogProbs!(texts, { batchSize: batchSize!, onProgress: onProgress! }))];
      },
    };
    const events: RunProgress[] = [];
    let t = 0;
    await createScoringApi(() => (t += 100)).runLmBatch([probe], { ...options, batchSize: 8 }, { id: 'fake', kind: 'causal-lm' }, relaying as never, ((p: RunProgress) => events.push(p)) as never);
    expect(marked).toEqual([true]);
    const score = events.flatMap((e) => (e.stage === 'lm' && e.step === 'score' ? [e.done] : []));
    expect(score).toEqual([8, 16, 24, 32, 40, 48]);
  });

  it('caps generation at the room left in the context, and refuses a prompt that fills it', async () => {
    const generated: GenerateRequest[] = [];
    const scorer = proxyScorer({ id: 'fake', kind: 'causal-lm', maxLength: 10 }, port(generated) as never);
    await scorer.generate!('one two three four five six', { maxNewTokens: 50, greedy: true });
    expect(generated[0]!.maxNewTokens).toBe(3);
    await expect(scorer.generate!('a b c d e f g h i', { maxNewTokens: 5, greedy: true })).rejects.toThrow(/fills the model's context/);
  });
});
