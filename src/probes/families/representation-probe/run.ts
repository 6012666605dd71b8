// A representation probe's run on word vectors: look its words up (as given, then lower-cased, as
// WEAT and RIPA do), keep every dropped word on record, then core's runRepresentationProbe.
import { dedupeStimuli } from '../../../core/association/buildAssociationInput';
import { runRepresentationProbe, type ConceptInput, type ConceptKey, type RepresentationProbeResult } from '../../../core/association/representationProbe';
import type { Embedder } from '../../../core/embeddings/embedder';
import { InvalidVectorError } from '../../../core/errors';
import { embedderOf } from '../shared/runContext';
import type { FamilyRunContext } from '../types';
import type { RepresentationProbe } from './schema';

/** Each distinct word looked up as given, then, when that is out of vocabulary, lower-cased. */
async function lookUp(embedder: Embedder, words: readonly string[]): Promise<Map<string, Float32Array | null>> {
  const distinct = [...new Set(words)];
  const embed = async (batch: string[]) => {
    if (batch.length === 0) return [];
    const vectors = await embedder.embedWords(batch);
    if (vectors.length !== batch.length) throw new InvalidVectorError(`the model returned ${vectors.length} vectors for ${batch.length} words`);
    return vectors;
  };
  const first = await embed(distinct);
  const found = new Map(distinct.map((w, i) => [w, first[i] ?? null]));
  const retry = distinct.filter((w) => found.get(w) === null && w.toLowerCase() !== w);
  const second = await embed(retry.map((w) => w.toLowerCase()));
  retry.forEach((w, i) => found.set(w, second[i] ?? null));
  return found;
}

export async function runRepresentationProbeFamily(probe: RepresentationProbe, ctx: FamilyRunContext): Promise<RepresentationProbeResult> {
  const sets = { X: probe.targets.X, Y: probe.targets.Y, A: probe.attributes.A, B: probe.attributes.B };
  const deduped = { X: dedupeStimuli(sets.X.words), Y: dedupeStimuli(sets.Y.words), A: dedupeStimuli(sets.A.words), B: dedupeStimuli(sets.B.words) };
  const vectors = await lookUp(embedderOf(ctx, 'representation-probe'), Object.values(deduped).flatMap((d) => d.unique));
  const concept = (key: ConceptKey): ConceptInput => {
    const found = deduped[key].unique.filter((w) => vectors.get(w));
    return { label: sets[key].label, items: found, vectors: found.map((w) => vectors.get(w)!), oov: deduped[key].unique.filter((w) => !vectors.get(w)), duplicates: deduped[key].duplicates };
  };
  return runRepresentationProbe(
    { probeId: probe.id, title: probe.title, concepts: { X: concept('X'), Y: concept('Y'), A: concept('A'), B: concept('B') } },
    ctx.options,
    ctx.onProgress,
  );
}
