// What a family's run takes from the run context: the model of its modality (a family run without
// one is a programming error of the caller, reported as the named UnsupportedModelError) and the LM
// options with their defaults (word-vector runs record only the association options).
import type { Embedder } from '../../../core/embeddings/embedder';
import { UnsupportedModelError } from '../../../core/errors';
import type { RunControl } from '../../../core/lmRun/counterfactual';
import type { LanguageModelScorer } from '../../../core/lmRun/scorer';
import { DEFAULT_LM_RUN_OPTIONS, type LmRunOptions } from '../../../core/lmRun/types';
import type { FamilyRunContext } from '../types';

export const embedderOf = (ctx: FamilyRunContext, family: string): Embedder => {
  if (!ctx.embedder) throw new UnsupportedModelError(`${family} runs on word vectors; no word-vector model was given`);
  return ctx.embedder;
};

export const scorerOf = (ctx: FamilyRunContext, family: string): LanguageModelScorer => {
  if (!ctx.scorer) throw new UnsupportedModelError(`${family} runs on a language model; no language model was given`);
  return ctx.scorer;
};

export const lmOptionsOf = (ctx: FamilyRunContext): LmRunOptions => ({ ...DEFAULT_LM_RUN_OPTIONS, ...ctx.options });

export const controlOf = (ctx: FamilyRunContext): RunControl => ({
  ...(ctx.signal ? { signal: ctx.signal } : {}),
  ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
});

/** An LM family's run: the core runner with the context's scorer, options and control. */
export const lmRunner =
  <P, R>(family: string, core: (probe: P, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl) => Promise<R>) =>
  (probe: P, ctx: FamilyRunContext): Promise<R> =>
    core(probe, scorerOf(ctx, family), lmOptionsOf(ctx), controlOf(ctx));
