// The LM-only entry point the scoring worker calls until it runs probes through the one run path
// (src/probes/runProbes.ts, where each family module calls its runner below directly and nothing
// switches on a family name); delete this file when src/worker/scoringApi.ts has switched. Probes
// run one after another (a model serialises its operations anyway); Holm/BH across a batch apply to
// the association results as for WEAT (applyBatchCorrections in runLmProbeBatch).
import type { AssociationResult } from '../association/types';
import { applyBatchCorrections } from '../stats/multipleComparisons';
import { runLlmDecisionPrompt, runLlmIatPrompt, runLmIat } from './association';
import { runCounterfactualPairs, runCounterfactualTemplate, type RunControl } from './counterfactual';
import { runDecisionTemplate, runMcqPosition, runPairwisePosition } from './decisionAndPosition';
import type { LmProbeDefinition } from './definitions';
import type { LanguageModelScorer, LmRunProgress } from './scorer';
import type { LmProbeResult, LmRunOptions } from './types';

export type LmRunResult = LmProbeResult | AssociationResult;

/**
 * Run one LM probe of any family with the given scorer.
 * @throws {UnsupportedModelError} when the model lacks what the family needs
 * @throws {InvalidOptionError} for out-of-range options; the family's analysis errors otherwise
 */
export function runLmProbe(probe: LmProbeDefinition, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<LmRunResult> {
  switch (probe.family) {
    case 'counterfactual-pairs':
      return runCounterfactualPairs(probe, scorer, options, control);
    case 'counterfactual-template':
      return runCounterfactualTemplate(probe, scorer, options, control);
    case 'decision-template':
      return runDecisionTemplate(probe, scorer, options, control);
    case 'mcq-position':
      return runMcqPosition(probe, scorer, options, control);
    case 'pairwise-position':
      return runPairwisePosition(probe, scorer, options, control);
    case 'lm-iat':
      return runLmIat(probe, scorer, options, control);
    case 'llm-iat-prompt':
      return runLlmIatPrompt(probe, scorer, options, control);
    case 'llm-decision-prompt':
      return runLlmDecisionPrompt(probe, scorer, options, control);
  }
}

/** Progress within a batch of probes: which probe (0-based) the inner progress belongs to. */
export type LmBatchProgress = LmRunProgress & { index: number; probes: number };

/**
 * Run several LM probes in order with the same scorer and options; Holm and Benjamini–Hochberg
 * adjusted p-values are filled across the likelihood-IAT (association) results of the batch.
 */
export async function runLmProbeBatch(
  probes: readonly LmProbeDefinition[],
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: { signal?: AbortSignal; onProgress?: (p: LmBatchProgress) => void } = {},
): Promise<LmRunResult[]> {
  const results: LmRunResult[] = [];
  for (const [index, probe] of probes.entries()) {
    results.push(
      await runLmProbe(probe, scorer, options, {
        ...(control.signal ? { signal: control.signal } : {}),
        ...(control.onProgress ? { onProgress: (p: LmRunProgress) => control.onProgress!({ ...p, index, probes: probes.length }) } : {}),
      }),
    );
  }
  const association = results.filter((r): r is AssociationResult => r.kind === 'lm-iat');
  if (association.length > 1) {
    const corrected = applyBatchCorrections(association);
    let j = 0;
    return results.map((r) => (r.kind === 'lm-iat' ? corrected[j++]! : r));
  }
  return results;
}
