// The prompt families on a model that may not follow instructions: the pre-run warning decision
// (probes/instructionModelWarning.ts: from each family module's needsInstructionModel and the model's
// chat-template flag, enumerated over every family of the registry) and the
// count of readable answers after a run. The answers are scripted through the fake scorer, so the
// expected counts are known by construction: the scripted calls are the ones that parse.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LM_RUN_OPTIONS,
  decisionPromptAnswers,
  iatPromptAnswers,
  promptAnswerCount,
  runLlmDecisionPrompt,
  runLlmIatPrompt,
  type LmRunOptions,
} from '../../../src/core/lmRun';
import { FAMILY_IDS, familyOf } from '../../../src/probes/families';
import { instructionModelWarning } from '../../../src/probes/instructionModelWarning';
import { createFakeScorer } from './fakeScorer';
import { DECISION_PROMPT_PROBE, IAT_PROMPT_PROBE, scenarioOf, stereotypedIatAnswer } from './promptProbes';

const OPTS: LmRunOptions = { ...DEFAULT_LM_RUN_OPTIONS, bootstrap: 0, permutations: 1000 };

describe('instructionModelWarning: decided from the family traits and the model', () => {
  const probeOf = (family: string) => ({ family, title: `A ${family} probe` });

  it('warns exactly for the two prompt families, and only on a model without a chat template', () => {
    const warned = (chatTemplate?: boolean) => FAMILY_IDS.filter((f) => instructionModelWarning(probeOf(f), { id: 'm', ...(chatTemplate === undefined ? {} : { chatTemplate }) }) !== null);
    expect(warned(false)).toEqual(['llm-iat-prompt', 'llm-decision-prompt']);
    expect(warned(true)).toEqual([]);
    expect(warned(undefined)).toEqual([]);
  });

  it('names the probe and the model in one sentence', () => {
    expect(instructionModelWarning({ family: 'llm-iat-prompt', title: 'Career IAT' }, { id: 'workbench/tiny-gpt2', chatTemplate: false })).toBe(
      '“Career IAT” needs an instruction (chat) model: workbench/tiny-gpt2 has no chat template, so it will most likely not answer in the requested format. Choose an instruction model to get a result.',
    );
  });
});

describe('promptAnswerCount: how many scripted answers parsed', () => {
  const iatProbe = { ...IAT_PROMPT_PROBE, iterations: 4 };
  const iatAnswer = stereotypedIatAnswer;
  /** Answers the calls whose 0-based index is in `readable`; the others get a base model's ramble. */
  const scripted = (readable: number[], answer: (prompt: string) => string) => {
    let call = 0;
    return (prompt: string) => (readable.includes(call++) ? answer(prompt) : '\n\n The first of the world. The first of the world.');
  };

  it('IAT: all 4, 2 of 4 (iterations 1 and 3), none of 4', async () => {
    const all = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: scripted([0, 1, 2, 3], iatAnswer) }), OPTS);
    const some = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: scripted([0, 2], iatAnswer) }), OPTS);
    const none = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: scripted([], iatAnswer) }), OPTS);
    expect(promptAnswerCount(iatPromptAnswers(all))).toEqual({ parsed: 4, total: 4, text: '4 of 4 answers parsed' });
    expect(promptAnswerCount(iatPromptAnswers(some))).toEqual({ parsed: 2, total: 4, text: '2 of 4 answers parsed' });
    expect(some.items.map((i) => i.dScore !== null)).toEqual([true, false, true, false]);
    expect(promptAnswerCount(iatPromptAnswers(none))).toEqual({
      parsed: 0,
      total: 4,
      text: 'None of the 4 answers could be read: the model did not answer in the requested format — use an instruction model',
    });
  });

  it('the headline carries the count only for the families whose results hold free-text answers', async () => {
    const some = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: scripted([0, 2], iatAnswer) }), OPTS);
    expect(familyOf(some.kind).headline(some).answers).toBe('2 of 4 answers parsed');
    const pairs = { kind: 'counterfactual-pairs', summary: { meanDelta: 0.5, ci: null, signFlip: { pValue: 0.5 } } } as never;
    expect(familyOf('counterfactual-pairs').headline(pairs).answers).toBeUndefined();
  });

  it('IAT with a chat template and still nothing readable points at the answers, not at the model type', async () => {
    const none = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: scripted([], iatAnswer), chatTemplate: true }), OPTS);
    expect(none.chatTemplate).toBe(true);
    expect(promptAnswerCount(iatPromptAnswers(none)).text).toBe('None of the 4 answers could be read: the model did not answer in the requested format — its answers are in the items');
    const one = await runLlmIatPrompt({ ...iatProbe, iterations: 1 }, createFakeScorer({ generate: scripted([], iatAnswer) }), OPTS);
    expect(promptAnswerCount(iatPromptAnswers(one)).text).toBe('The one answer could not be read: the model did not answer in the requested format — use an instruction model');
  });

  const decisionProbe = { ...DECISION_PROMPT_PROBE, generation: { maxNewTokens: 40, temperature: 0 } };
  const decisionAnswer = (prompt: string) => {
    const s = scenarioOf(prompt);
    return `Julia: ${s.stigmaTask}\nBen: ${s.defaultTask}`;
  };

  it('decision: all 6 prompts, 5 of 6 (all but the fourth), none of 6', async () => {
    const all = await runLlmDecisionPrompt(decisionProbe, createFakeScorer({ generate: scripted([0, 1, 2, 3, 4, 5], decisionAnswer) }), OPTS);
    const some = await runLlmDecisionPrompt(decisionProbe, createFakeScorer({ generate: scripted([0, 1, 2, 4, 5], decisionAnswer) }), OPTS);
    const none = await runLlmDecisionPrompt(decisionProbe, createFakeScorer({ generate: scripted([], decisionAnswer) }), OPTS);
    expect(promptAnswerCount(decisionPromptAnswers(all))).toEqual({ parsed: 6, total: 6, text: '6 of 6 answers parsed' });
    expect(promptAnswerCount(decisionPromptAnswers(some))).toEqual({ parsed: 5, total: 6, text: '5 of 6 answers parsed' });
    expect(some.items.map((i) => i.stigmaTaskTo)).toEqual(['stigma', 'stigma', 'stigma', null, 'stigma', 'stigma']);
    expect(promptAnswerCount(decisionPromptAnswers(none)).text).toBe('None of the 6 answers could be read: the model did not answer in the requested format — use an instruction model');
  });
});
