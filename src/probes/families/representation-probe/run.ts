// A representation probe's run: look its words up in the model's vectors (as given, then
// lower-cased, as WEAT and RIPA do), keep every dropped word on record, then core's
// runRepresentationProbe. The vectors come from any Embedder: the word-vector table here, an LM's
// mean-pooled hidden states in the LM family (representation-probe-lm), so both run this one path.
import { dedupeStimuli } from '../../../core/association/buildAssociationInput';
import { runRepresentationProbe, type ConceptInput, type ConceptKey, type RepresentationProbeResult } from '../../../core/association/representationProbe';
import type { Embedder } from '../../../core/embeddings/embedder';
import { embedderOf } from '../shared/runContext';
import { embeddedWordSet, lookUpWords } from '../shared/wordLookup';
import type { FamilyRunContext } from '../types';
import type { RepresentationProbeSets } from './schema';

/** The probe on the vectors `embedder` gives its words. */
export async function runRepresentationProbeOn(probe: RepresentationProbeSets, embedder: Embedder, ctx: FamilyRunContext): Promise<RepresentationProbeResult> {
  const sets = { X: probe.targets.X, Y: probe.targets.Y, A: probe.attributes.A, B: probe.attributes.B };
  const deduped = { X: dedupeStimuli(sets.X.words), Y: dedupeStimuli(sets.Y.words), A: dedupeStimuli(sets.A.words), B: dedupeStimuli(sets.B.words) };
  const vectors = await lookUpWords(embedder, Object.values(deduped).flatMap((d) => d.unique));
  const concept = (key: ConceptKey): ConceptInput => embeddedWordSet(sets[key].label, deduped[key], vectors);
  return runRepresentationProbe(
    { probeId: probe.id, title: probe.title, concepts: { X: concept('X'), Y: concept('Y'), A: concept('A'), B: concept('B') } },
    ctx.options,
    ctx.onProgress,
  );
}

export const runRepresentationProbeFamily = (probe: RepresentationProbeSets, ctx: FamilyRunContext): Promise<RepresentationProbeResult> =>
  runRepresentationProbeOn(probe, embedderOf(ctx, 'representation-probe'), ctx);
