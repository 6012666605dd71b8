// A representation probe's run on word vectors: look its words up (as given, then lower-cased, as
// WEAT and RIPA do), keep every dropped word on record, then core's runRepresentationProbe.
import { dedupeStimuli } from '../../../core/association/buildAssociationInput';
import { runRepresentationProbe, type ConceptInput, type ConceptKey, type RepresentationProbeResult } from '../../../core/association/representationProbe';
import { embedderOf } from '../shared/runContext';
import { embeddedWordSet, lookUpWords } from '../shared/wordLookup';
import type { FamilyRunContext } from '../types';
import type { RepresentationProbe } from './schema';

export async function runRepresentationProbeFamily(probe: RepresentationProbe, ctx: FamilyRunContext): Promise<RepresentationProbeResult> {
  const sets = { X: probe.targets.X, Y: probe.targets.Y, A: probe.attributes.A, B: probe.attributes.B };
  const deduped = { X: dedupeStimuli(sets.X.words), Y: dedupeStimuli(sets.Y.words), A: dedupeStimuli(sets.A.words), B: dedupeStimuli(sets.B.words) };
  const vectors = await lookUpWords(embedderOf(ctx, 'representation-probe'), Object.values(deduped).flatMap((d) => d.unique));
  const concept = (key: ConceptKey): ConceptInput => embeddedWordSet(sets[key].label, deduped[key], vectors);
  return runRepresentationProbe(
    { probeId: probe.id, title: probe.title, concepts: { X: concept('X'), Y: concept('Y'), A: concept('A'), B: concept('B') } },
    ctx.options,
    ctx.onProgress,
  );
}
