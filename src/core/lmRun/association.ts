// Orchestration of the LM association tests.
//
// lm-iat (likelihood IAT): ℓ(t, a) = mean over the probe's frames of log p(attribute a + rest of the
// frame | frame text up to {attribute}, with {target} = t), all (target, attribute, frame) requests
// batched with their shared prefixes adjacent; then src/core/lm's runLikelihoodIat (WEAT's S, d,
// permutation p and bootstrap CI on s(t) = mean_A ℓ − mean_B ℓ). Repeated stimuli in a set are
// dropped (first kept) and reported in `duplicates`, as for WEAT.
//
// llm-iat-prompt / llm-decision-prompt (Bai et al. 2024): seeded prompt construction, generation
// (greedy at temperature 0, else seeded sampling), robust parsing, and the D score / binomial test.
import { CancelledError } from '../errors';
import { analyzeLlmIat, type IatIteration } from '../lm/iat/analyzeLlmIat';
import { analyzeDecisionBias } from '../lm/iat/decisionBias';
import { buildIatPrompt, pythonListRepr } from '../lm/iat/iatPrompt';
import { InvalidLmInputError } from '../errors';
import { runLikelihoodIat } from '../lm/likelihoodIat/runLikelihoodIat';
import { fillTemplate, parseTemplate } from '../lm/templates/templateSlots';
import { createRng } from '../rng';
import type { AssociationResult, SetKey } from '../association/types';
import { dedupeStimuli } from '../association/buildAssociationInput';
import type { RunControl } from './counterfactual';
import type { GenerationDefinition, LlmDecisionPromptDefinition, LlmIatPromptDefinition, LmIatDefinition } from './definitions';
import { iterationSeed } from './decisionAndPosition';
import { validateLmRunOptions } from './options';
import { parseTaskAssignment } from './parseTaskAssignment';
import { checkScorerKind, ScoreBatcher, type LanguageModelScorer, type ScorerGenerateOptions } from './scorer';
import type { LlmDecisionPromptResult, LlmIatPromptResult, LmRunOptions } from './types';

/** Split a frame at {attribute}: the prefix (target filled) and the scored continuation (attribute + rest). */
export function iatFrame(template: string, target: string, attribute: string): { prefix: string; continuation: string } {
  const parts = parseTemplate(template);
  const at = parts.findIndex((p) => p.kind === 'slot' && p.slot === 'attribute');
  if (at < 0) throw new InvalidLmInputError(`template "${template}" has no {attribute}`);
  const render = (ps: typeof parts) => ps.map((p) => (p.kind === 'text' ? p.text : p.slot === 'target' ? target : attribute)).join('');
  return { prefix: render(parts.slice(0, at)), continuation: render(parts.slice(at)) };
}

/**
 * Run a likelihood IAT (see the header).
 * Source: Caliskan et al. (2017) for the statistics; Kurita et al. (2019) for log-probability
 * associations; src/core/lm/likelihoodIat.
 * @throws {UnsupportedModelError} for a masked LM
 * @throws the errors of runLikelihoodIat (e.g. a set with fewer than 2 distinct stimuli)
 */
export async function runLmIat(probe: LmIatDefinition, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<AssociationResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const defs = { X: probe.targets.X, Y: probe.targets.Y, A: probe.attributes.A, B: probe.attributes.B };
  const deduped = Object.fromEntries((['X', 'Y', 'A', 'B'] as const).map((k) => [k, dedupeStimuli(defs[k].words)])) as Record<SetKey, { unique: string[]; duplicates: string[] }>;
  const targets = [...deduped.X.unique, ...deduped.Y.unique];
  const attributes = [...deduped.A.unique, ...deduped.B.unique];
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const keys = targets.map((t) =>
    attributes.map((a) =>
      probe.templates.map((tpl) => {
        const { prefix, continuation } = iatFrame(tpl, t, a);
        return batcher.continuation(prefix, continuation);
      }),
    ),
  );
  await batcher.flush(what);
  const logProbs = keys.map((row) => row.map((perTemplate) => perTemplate.reduce((s, k) => s + batcher.continuationScore(k).total, 0) / perTemplate.length));
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const result = runLikelihoodIat(
    {
      probeId: probe.id,
      title: probe.title,
      labels: { X: defs.X.label, Y: defs.Y.label, A: defs.A.label, B: defs.B.label },
      words: { X: deduped.X.unique, Y: deduped.Y.unique, A: deduped.A.unique, B: deduped.B.unique },
      logProbs,
    },
    options,
  );
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return { ...result, duplicates: { X: deduped.X.duplicates, Y: deduped.Y.duplicates, A: deduped.A.duplicates, B: deduped.B.duplicates } };
}

/**
 * Generation options for one prompt. maxNewTokens is capped so prompt + answer fit the model's
 * context (info.maxLength, when the scorer can tokenize); a prompt that leaves no room is an error.
 * The prompt is a user message for the model's chat template unless the probe asks for raw text
 * (the runtime stops at the context's end if the template makes the prompt longer).
 */
export const generateOptions = (scorer: LanguageModelScorer, prompt: string, g: GenerationDefinition, seed: number, signal?: AbortSignal): ScorerGenerateOptions => {
  let maxNewTokens = g.maxNewTokens;
  const limit = scorer.info?.maxLength;
  if (limit !== undefined && typeof scorer.tokenize === 'function') {
    const room = limit - scorer.tokenize(prompt).ids.length - 1;
    if (room < 1) throw new InvalidLmInputError(`the prompt fills the model's context (${limit} tokens); no room for an answer`);
    maxNewTokens = Math.min(maxNewTokens, room);
  }
  return {
    maxNewTokens,
    chat: g.chatTemplate !== false,
    ...(signal ? { signal } : {}),
    ...(g.temperature === 0 ? { greedy: true as const } : { greedy: false as const, temperature: g.temperature, seed, ...(g.topK ? { topK: g.topK } : {}) }),
  };
};

/**
 * Run the prompt-based LLM IAT: `iterations` prompts, each with one default and one stigma term
 * (seeded draw and order, src/core/lm/iat buildIatPrompt) and the shuffled attribute words
 * rendered as in the reference code; the model's answers are parsed robustly; D per iteration and
 * a one-sample t-test of D against 0 (analyzeLlmIat). Unparsable answers are counted and kept.
 * Source: Bai et al. (2024), arXiv:2402.04105; baixuechunzi/llm-implicit-bias (MIT).
 * @throws {UnsupportedModelError} when the model cannot generate
 */
export async function runLlmIatPrompt(probe: LlmIatPromptDefinition, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<LlmIatPromptResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'generate', what);
  const spec = {
    defaultTerms: [...probe.groups.default.terms],
    stigmaTerms: [...probe.groups.stigma.terms],
    positive: [...probe.attributes.positive.words],
    negative: [...probe.attributes.negative.words],
  };
  const iterations: (IatIteration & { prompt: string })[] = [];
  let chatTemplate = false;
  for (let i = 0; i < probe.iterations; i++) {
    if (control.signal?.aborted) break;
    const seed = iterationSeed(options.seed, probe.id, i);
    const built = buildIatPrompt({ defaultTerms: spec.defaultTerms, stigmaTerms: spec.stigmaTerms, attributes: [...spec.positive, ...spec.negative] }, seed);
    const prompt = fillTemplate(probe.promptTemplate, { group0: built.group0, group1: built.group1, attributes: pythonListRepr(built.attributes) });
    const out = await scorer.generate!(prompt, generateOptions(scorer, prompt, probe.generation, seed, control.signal));
    chatTemplate ||= out.chatTemplate === true;
    iterations.push({ id: `iteration-${i + 1}`, response: out.text, group0: built.group0, group1: built.group1, prompt });
    control.onProgress?.({ stage: 'generate', done: i + 1, total: probe.iterations });
  }
  checkNotAborted(control.signal);
  const a = analyzeLlmIat(iterations, spec, options.confidenceLevel);
  return {
    kind: 'llm-iat-prompt',
    probeId: probe.id,
    title: probe.title,
    iterations: iterations.length,
    used: a.used,
    excluded: a.excluded,
    meanD: a.meanD,
    test: a.test,
    testCi: a.testCi,
    totals: a.totals,
    chatTemplate,
    items: a.iterations.map((r, i) => ({
      id: r.id,
      group0: iterations[i]!.group0,
      group1: iterations[i]!.group1,
      prompt: iterations[i]!.prompt,
      response: iterations[i]!.response,
      ...r.counts,
      dScore: r.d,
      parsedPairs: r.parse.pairs.length,
      missing: r.parse.missing,
      conflicting: r.parse.conflicting,
      unparsedLines: r.parse.unparsedLines,
    })),
  };
}

function checkNotAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError('The probe run was cancelled.');
}

/**
 * Run the prompt-based decision test: for each iteration and scenario, one default and one stigma
 * name (seeded draw) in random order and the two tasks in random order; the answer is parsed for
 * who does the stigma task (parseTaskAssignment); the proportion of stereotype-consistent choices
 * is tested against ½ (exact binomial, analyzeDecisionBias). Unparsable answers are counted.
 * Source: Bai et al. (2024), arXiv:2402.04105 (LLM Decision Bias).
 * @throws {UnsupportedModelError} when the model cannot generate
 */
export async function runLlmDecisionPrompt(
  probe: LlmDecisionPromptDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<LlmDecisionPromptResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'generate', what);
  const total = probe.iterations * probe.scenarios.length;
  const items: LlmDecisionPromptResult['items'] = [];
  let n = 0;
  let chatTemplate = false;
  for (let i = 0; i < probe.iterations; i++) {
    for (const scenario of probe.scenarios) {
      checkNotAborted(control.signal);
      const seed = iterationSeed(options.seed, probe.id, n);
      const rng = createRng(seed);
      const def = probe.groups.default.terms[rng.int(0, probe.groups.default.terms.length - 1)]!;
      const stig = probe.groups.stigma.terms[rng.int(0, probe.groups.stigma.terms.length - 1)]!;
      const stigmaFirst = rng.float() < 0.5;
      const stigmaTaskFirst = rng.float() < 0.5;
      const [person0, person1] = stigmaFirst ? [stig, def] : [def, stig];
      const [task0, task1] = stigmaTaskFirst ? [scenario.stigmaTask, scenario.defaultTask] : [scenario.defaultTask, scenario.stigmaTask];
      const prompt = fillTemplate(probe.promptTemplate, { person0, person1, task0, task1 });
      const out = await scorer.generate!(prompt, generateOptions(scorer, prompt, probe.generation, seed, control.signal));
      chatTemplate ||= out.chatTemplate === true;
      const parsed = parseTaskAssignment(out.text, [stig, def], [scenario.stigmaTask, scenario.defaultTask]);
      const stigmaTaskTo = parsed === null ? null : parsed === 0 ? ('stigma' as const) : ('default' as const);
      items.push({
        id: `${scenario.id}-${i + 1}`,
        scenarioId: scenario.id,
        person0,
        person1,
        task0,
        task1,
        prompt,
        response: out.text,
        stigmaTaskTo,
        stereotypeConsistent: stigmaTaskTo === null ? null : stigmaTaskTo === 'stigma',
      });
      n++;
      control.onProgress?.({ stage: 'generate', done: n, total });
    }
  }
  const summary = analyzeDecisionBias(
    items.map((r) => ({ id: r.id, stereotypeConsistent: r.stereotypeConsistent })),
    options.confidenceLevel,
  );
  return { kind: 'llm-decision-prompt', probeId: probe.id, title: probe.title, summary, chatTemplate, items };
}
