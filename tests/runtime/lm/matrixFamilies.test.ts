// Every LM probe family on every architecture row of the fixture matrix (tiny random-weight models in
// the Hub layout and I/O naming of real repos: tests/fixtures/hub-matrix), through the runtime's
// Node loader on onnxruntime-node, as the CLI runs them. Per causal row, one built-in of every causal
// family runs to a complete result, and each result is checked two independent ways:
//   - the numbers equal the same run with the KV cache switched off (every forward pass recomputed
//     from scratch: a different feed path, no past tensors) to 1e-4, which is where a wrongly sized,
//     typed or masked past would show;
//   - the counterfactual pairs' sentence scores equal ONNX Runtime run directly on the same file
//     (ortReference.ts: its own feeds, float64 log-softmax), to 1e-4.
// Per masked row, the masked family runs and its pseudo-log-likelihoods equal the reference's (each
// token masked in turn, run directly). The prompt families are also run on the scripted fixtures,
// whose greedy answer is known (SCRIPT.md), so the parsing and scoring of a real answer are checked
// exactly: every iteration parses, and D or the stereotype-consistent share has its known value.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS, type LanguageModelScorer, type LmProbeDefinition, type LmRunOptions } from '../../../src/core/lmRun';
import { runProbes } from '../../../src/probes/runProbes';
import type { AnyProbe } from '../../../src/probes/families';

const runLmProbeBatch = (probes: readonly LmProbeDefinition[], scorer: LanguageModelScorer, options: LmRunOptions) => runProbes(probes as unknown as AnyProbe[], { scorer, options });
import { LM_BUILTIN_PROBES, type LmBuiltinProbeId } from '../../../src/probes/builtin/lm';
import type { LmProbe } from '../../../src/probes/lmSchema';
import { loadLanguageModel } from '../../../src/runtime/lm/node';
import type { LanguageModel } from '../../../src/runtime/lm/types';
import { askScriptedDecision, askScriptedIat, SCRIPTED_IAT_ANSWER } from '../../fixtures/hub-matrix/scriptedProbes';
import { openReference, type ReferenceModel } from './ortReference';

const MATRIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'hub-matrix', 'matrix');
const rowsOfKind = (arch: RegExp) =>
  readdirSync(MATRIX)
    .filter((r) => !r.startsWith('scripted-'))
    .filter((r) => arch.test(((JSON.parse(readFileSync(path.join(MATRIX, r, 'config.json'), 'utf8')) as { architectures?: string[] }).architectures ?? [])[0] ?? ''))
    .sort();
const CAUSAL_ROWS = rowsOfKind(/(ForCausalLM|LMHeadModel)$/);
const MASKED_ROWS = rowsOfKind(/ForMaskedLM$/);

/**
 * The first built-in of every family a causal LM runs (masked-LM scoring left out): one per family.
 * discrim-eval is left out too: it scores through decision-template's path (scoreDecisionPrompts),
 * run here already, and its prompts (≈430 tokens) are longer than the matrix models' 256 positions.
 */
const CAUSAL_PROBES = Object.values(LM_BUILTIN_PROBES)
  .filter((p) => !('scoring' in p && p.scoring === 'masked-pll'))
  .filter((p) => p.family !== 'discrim-eval')
  .filter((p, i, all) => all.findIndex((q) => q.family === p.family) === i)
  .map((p) => p.id as LmBuiltinProbeId);

const OPTIONS: LmRunOptions = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 500, bootstrap: 50, seed: 1 };

/** The model with every scoring call forced onto the full-recompute path (no past tensors). */
const withoutKvCache = (lm: LanguageModel): LanguageModel =>
  new Proxy(lm, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof v !== 'function') return v;
      if (key === 'tokenLogProbs' || key === 'continuationLogProbs' || key === 'generate')
        return (a: unknown, o: Record<string, unknown> = {}) => (v as (a: unknown, o: unknown) => unknown).call(target, a, { ...o, kvCache: false });
      return (v as (...args: unknown[]) => unknown).bind(target);
    },
  });

/** Every number in `a` equals the one at the same place in `b` to `tol` (same shape, same strings). */
function expectSameNumbers(a: unknown, b: unknown, tol: number, where = 'result'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) expect(Number.isNaN(a), where).toBe(Number.isNaN(b));
    else if (!Number.isFinite(a) || !Number.isFinite(b)) expect(a, where).toBe(b);
    else expect(Math.abs(a - b), `${where}: ${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, where).toBe(b.length);
    a.forEach((x, i) => expectSameNumbers(x, b[i], tol, `${where}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), where).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectSameNumbers((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol, `${where}.${k}`);
    return;
  }
  expect(a, where).toEqual(b);
}

/**
 * The decision built-in fills 6 questions × 48 attribute combinations with a long prompt; without the
 * KV cache that is most of this file's time, so two questions (96 prompts) stand for it.
 */
const trimmed = (probe: LmProbe): LmProbe => (probe.family === 'decision-template' ? { ...probe, questions: probe.questions.slice(0, 2) } : probe);

/** The row's fp32 model on onnxruntime-node and its direct ORT reference, for the tests of a describe block. */
function rowModel(row: string): { readonly lm: LanguageModel; readonly ref: ReferenceModel } {
  const folder = path.join(MATRIX, row);
  const held: { lm?: LanguageModel; ref?: ReferenceModel } = {};
  beforeAll(async () => {
    held.lm = await loadLanguageModel(folder, { device: 'node', dtype: 'fp32' });
    held.ref = await openReference(folder);
  }, 120_000);
  afterAll(async () => {
    await held.lm?.dispose();
    await held.ref?.release();
  });
  return {
    get lm() {
      return held.lm!;
    },
    get ref() {
      return held.ref!;
    },
  };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe.each(CAUSAL_ROWS)('matrix/%s: every causal family', (row) => {
  const loaded = rowModel(row);

  it.each(CAUSAL_PROBES)('%s: complete result, the same without the KV cache to 1e-4', async (id) => {
    const probe = trimmed(structuredClone(LM_BUILTIN_PROBES[id]) as LmProbe) as LmProbeDefinition;
    const [cached] = await runLmProbeBatch([probe], loaded.lm, OPTIONS);
    const [recomputed] = await runLmProbeBatch([probe], withoutKvCache(loaded.lm), OPTIONS);
    expect(cached!.kind === probe.family || (cached!.kind === 'lm-iat' && probe.family === 'lm-iat')).toBe(true);
    if ('items' in cached! && Array.isArray(cached.items)) expect(cached.items.length).toBeGreaterThan(0);
    expectSameNumbers(cached, recomputed, 1e-4);
  }, 180_000);

  it('counterfactual pairs: each sentence score equals ONNX Runtime run directly on the file (1e-4)', async () => {
    const probe = LM_BUILTIN_PROBES['lm-counterfactual-basic'];
    const result = (await runLmProbeBatch([structuredClone(probe) as LmProbeDefinition], loaded.lm, OPTIONS))[0]!;
    if (result.kind !== 'counterfactual-pairs') throw new Error(result.kind);
    expect(result.items.length).toBe(probe.pairs.length);
    for (const item of result.items.slice(0, 6)) {
      for (const [text, score] of [
        [item.more, item.scoreMore],
        [item.less, item.scoreLess],
      ] as const) {
        const [scored] = await loaded.lm.tokenLogProbs([text]);
        const reference = await loaded.ref.logProbs([...scored!.context.ids, ...scored!.ids]);
        expect(reference.length).toBe(scored!.context.ids.length - 1 + scored!.ids.length);
        const scoredPart = reference.slice(scored!.context.ids.length - 1);
        expect(Math.abs(score - sum(scoredPart))).toBeLessThan(1e-4);
      }
    }
  }, 120_000);
});

describe.each(MASKED_ROWS)('matrix/%s: the masked family', (row) => {
  const loaded = rowModel(row);

  it('lm-counterfactual-masked runs to a complete result', async () => {
    const probe = LM_BUILTIN_PROBES['lm-counterfactual-masked'];
    const result = (await runLmProbeBatch([structuredClone(probe) as LmProbeDefinition], loaded.lm, OPTIONS))[0]!;
    if (result.kind !== 'counterfactual-pairs') throw new Error(result.kind);
    expect(result.items.length).toBe(probe.pairs.length);
    expect(result.items.every((i) => Number.isFinite(i.scoreMore) && Number.isFinite(i.scoreLess))).toBe(true);
  }, 180_000);

  it('pseudo-log-likelihoods equal ONNX Runtime run directly, each token masked in turn (1e-4)', async () => {
    const texts = ['The doctor said that she was tired.', 'He worked as a nurse in the city.'];
    const pll = await loaded.lm.pseudoLogLikelihood(texts);
    for (const [k, text] of texts.entries()) {
      const full = loaded.lm.tokenize(text).ids;
      const expected = await loaded.ref.pseudoLogLikelihood(full);
      expect(pll[k]!.logProbs.length).toBe(expected.length);
      pll[k]!.logProbs.forEach((lp, i) => expect(Math.abs(lp - expected[i]!)).toBeLessThan(1e-4));
    }
  }, 120_000);
});

describe('scripted fixtures: the prompt families parse a real answer', () => {
  /** Run `probe` on the scripted fixture `row` (fp32, onnxruntime-node). */
  const runOnScripted = async (row: string, probe: LmProbeDefinition) => {
    const lm = await loadLanguageModel(path.join(MATRIX, row), { device: 'node' });
    try {
      return (await runLmProbeBatch([probe], lm, OPTIONS))[0]!;
    } finally {
      await lm.dispose();
    }
  };

  it('llm-iat-prompt on matrix/scripted-iat: every iteration parses all four words, D known exactly', async () => {
    const probe = askScriptedIat(structuredClone(LM_BUILTIN_PROBES['lm-llm-iat-gender-career']), 'scripted-iat', 4) as LmProbeDefinition;
    const result = await runOnScripted('scripted-iat', probe);
    if (result.kind !== 'llm-iat-prompt') throw new Error(result.kind);
    expect(result.chatTemplate).toBe(true);
    expect(result.items.map((i) => i.parsedPairs)).toEqual([4, 4, 4, 4]);
    expect(result.items.map((i) => i.response)).toEqual(Array(4).fill(SCRIPTED_IAT_ANSWER));
    // a = female–family 2, b = female–career 0, c = male–family 0, d = male–career 2.
    expect(result.meanD).toBeCloseTo(2 / 2.01 + 2 / 2.01 - 1, 12);
  }, 120_000);

  it('llm-decision-prompt on matrix/scripted-decision: every answer parses as stereotype-consistent', async () => {
    const probe = askScriptedDecision(structuredClone(LM_BUILTIN_PROBES['lm-llm-decision-gender-career']), 'scripted-decision', 3) as LmProbeDefinition;
    const result = await runOnScripted('scripted-decision', probe);
    if (result.kind !== 'llm-decision-prompt') throw new Error(result.kind);
    expect(result.chatTemplate).toBe(true);
    expect(result.items.map((i) => i.stigmaTaskTo)).toEqual(['stigma', 'stigma', 'stigma']);
    expect(result.items.map((i) => i.stereotypeConsistent)).toEqual([true, true, true]);
  }, 120_000);
});
