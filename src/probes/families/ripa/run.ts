// A RIPA probe's run: look its words up in the word-vector table (as given, then lower-cased, as
// WEAT does), keep every dropped word and pair on record, then core's runRipa.
import { dedupeStimuli } from '../../../core/association/buildAssociationInput';
import { runRipa, type RipaDroppedPair, type RipaInput, type RipaPairInput, type RipaResult, type RipaTargetInput } from '../../../core/association/ripa';
import type { Embedder } from '../../../core/embeddings/embedder';
import { embedderOf } from '../shared/runContext';
import { embeddedWordSet, lookUpWords } from '../shared/wordLookup';
import type { FamilyRunContext } from '../types';
import type { RipaProbe } from './schema';

/** The probe's words as core's input: in-vocabulary targets and pairs, the rest listed. */
export async function buildRipaInput(probe: RipaProbe, embedder: Embedder): Promise<RipaInput> {
  const X = dedupeStimuli(probe.targets.X.words);
  const Y = dedupeStimuli(probe.targets.Y.words);
  const pairs = probe.attributePairs.pairs.map(([a, b]) => [a.trim(), b.trim()] as const);
  const vectors = await lookUpWords(embedder, [...X.unique, ...Y.unique, ...pairs.flat()]);
  const target = (label: string, set: { unique: string[]; duplicates: string[] }): RipaTargetInput => embeddedWordSet(label, set, vectors);
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
