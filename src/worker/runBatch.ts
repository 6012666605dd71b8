// The one entry the scoring worker runs a batch of probes through, whatever their families, on the
// model its run's port serves: word vectors go to the association core (inputs built through the
// embedder, p-values adjusted across the batch), a language model to the LM orchestration. It is
// the seam the family registry's runner (runProbes(probes, ctx) in src/probes) replaces; nothing
// here names a family. Progress leaves as the page's RunProgress.
import { buildAssociationInput, runAssociationBatch } from '../core/association';
import type { AssociationInput } from '../core/association/types';
import type { Embedder } from '../core/embeddings/embedder';
import { runLmProbeBatch, type LanguageModelScorer, type LmProbeDefinition, type LmRunOptions } from '../core/lmRun';
import type { RunResult } from '../core/runRecord';
import type { AssociationProbe } from '../probes/schema';
import type { AnyProbe } from '../probes/lmSchema';
import type { RunProgress } from './scoringProtocol';

export type BatchModel = { embedder: Embedder } | { scorer: LanguageModelScorer };

export async function runBatch(probes: AnyProbe[], model: BatchModel, options: LmRunOptions, onProgress: (p: RunProgress) => void): Promise<RunResult[]> {
  if ('scorer' in model)
    return runLmProbeBatch(probes as unknown as LmProbeDefinition[], model.scorer, options, {
      onProgress: (p) => onProgress({ stage: 'lm', step: p.stage, done: p.done, total: p.total, test: p.index + 1, tests: p.probes }),
    });
  const inputs: AssociationInput[] = [];
  for (const probe of probes) inputs.push(await buildAssociationInput(probe as AssociationProbe, model.embedder));
  return runAssociationBatch(inputs, options, (p) => onProgress({ stage: p.stage, done: p.done, total: p.total, test: p.index + 1, tests: p.tests }));
}
