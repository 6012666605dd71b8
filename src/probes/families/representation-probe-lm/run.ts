// A representation probe's run on a language model: its words' vectors are the model's mean-pooled
// last hidden states (hiddenStateEmbedder.ts), then the word-vector family's run path
// (representation-probe/run.ts) and core's statistics. Progress is reported in the LM families'
// steps: reading hidden states is 'score', the permutation test 'analyze'.
import type { RepresentationProbeLmResult } from '../../../core/association/representationProbe';
import { lmOptionsOf, scorerOf } from '../shared/runContext';
import type { FamilyRunContext } from '../types';
import { runRepresentationProbeOn } from '../representation-probe/run';
import { hiddenStateEmbedder } from './hiddenStateEmbedder';
import type { RepresentationProbeLm } from './schema';

const FAMILY = 'representation-probe-lm';

export async function runRepresentationProbeLm(probe: RepresentationProbeLm, ctx: FamilyRunContext): Promise<RepresentationProbeLmResult> {
  const { onProgress, signal } = ctx;
  const embedder = hiddenStateEmbedder(scorerOf(ctx, FAMILY), `${FAMILY} "${probe.id}"`, {
    batchSize: lmOptionsOf(ctx).batchSize,
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (p) => onProgress({ stage: 'score', done: p.done, total: p.total }) } : {}),
  });
  const result = await runRepresentationProbeOn(probe, embedder, { ...ctx, ...(onProgress ? { onProgress: (p) => onProgress({ ...p, stage: 'analyze' }) } : {}) });
  return { ...result, kind: FAMILY };
}
