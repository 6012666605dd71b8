// The representation probe's result as the families that run it share it. Core computes one result
// (core/association/representationProbe.ts) from plain vectors; the word-vector family and the LM
// hidden-state family return it under their own id (the registry keys results by `kind`) and read,
// summarise and export it with the same functions, typed on either kind.
import type { RepresentationProbeResult } from '../../../core/association/representationProbe';

/** A representation probe's result from either family (what the summary, CSV and card read). */
export type AnyRepresentationResult = Omit<RepresentationProbeResult, 'kind'> & { kind: string };
