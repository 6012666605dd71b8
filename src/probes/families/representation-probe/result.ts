// The representation probe's result under the id of the family that ran it. Core computes one
// result (core/association/representationProbe.ts) from plain vectors; the word-vector family and
// the LM hidden-state family return it under their own id (the registry keys results by `kind`),
// and read, summarise and export it with the same functions, typed on any kind.
import type { RepresentationProbeResult } from '../../../core/association/representationProbe';

export type RepresentationResultOf<K extends string> = Omit<RepresentationProbeResult, 'kind'> & { kind: K };

/** A representation probe's result from either family (what the summary, CSV and card read). */
export type AnyRepresentationResult = RepresentationResultOf<string>;
