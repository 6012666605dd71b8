// A RIPA probe's run: look its words up in the word-vector table (as given, then lower-cased, as
// WEAT does), keep every dropped word and pair on record, then core's runRipa.
import { dedupeStimuli } from '../../../core/association/buildAssociationInput';
import { runRipa, type RipaDroppedPair, type RipaInput, type RipaPairInput, type RipaResult, type RipaTargetInput } from '../../../core/association/ripa';
import type { Embedder } from '../../../core/embeddings/embedder';
import { InvalidVectorError } from '../../../core/errors';
import { embedderOf } from '../shared/runContext';
import type { FamilyRunContext } from '../types';
import type { RipaProbe } from './schema';

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

/** The probe's words as core's input: in-vocabulary targets and pairs, the rest listed. */
export async function buildRipaInput(probe: RipaProbe, embedder: Embedder): Promise<RipaInput> {
  const X = dedupeStimuli(probe.targets.X.words);
  const Y = dedupeStimuli(probe.targets.Y.words);
  const pairs = probe.attributePairs.pairs.map(([a, b]) => [a.trim(), b.trim()] as const);
  const vectors = await lookUp(embedder, [...X.unique, ...Y.unique, ...pairs.flat()]);
  const target = (label: string, set: { unique: string[]; duplicates: string[] }): RipaTargetInput => {
    const found = set.unique.filter((w) => vectors.get(w));
    return { label, items: found, vectors: found.map((w) => vectors.get(w)!), oov: set.unique.filter((w) => !vectors.get(w)), duplicates: set.duplicates };
  };
  const used: RipaPairInput[] = [];
  const dropped: RipaDroppedPair[] = [];
  for (const [first, second] of pairs) {
    const missing = [first, second].filter((w) => !vectors.get(w));
    if (missing.length > 0) dropped.push({ first, second, reason: `out of vocabulary: ${missing.join(', ')}` });
    else used.push({ first, second, firstVector: vectors.get(first)!, secondVector: vectors.get(second)! });
  }
  return {
    probeId: probe.id,
    title: probe.title,
    pairLabels: { first: probe.attributePairs.firstLabel, second: probe.attributePairs.secondLabel },
    pairs: used,
    droppedPairs: dropped,
    targets: { X: target(probe.targets.X.label, X), Y: target(probe.targets.Y.label, Y) },
  };
}

export async function runRipaProbe(probe: RipaProbe, ctx: FamilyRunContext): Promise<RipaResult> {
  return runRipa(await buildRipaInput(probe, embedderOf(ctx, 'ripa')), ctx.options, ctx.onProgress);
}
