// Word-vector probes (WEAT, SEAT) as the editor, share links and importers of word sets read them:
// `Probe` = a probe with targets X, Y and attributes A, B. The schemas themselves live in their
// family folders (families/weat, families/seat); this file names their union for those callers.
import { z } from 'zod';
import { seatProbeSchema, type SeatProbe } from './families/seat/schema';
import { weatProbeSchema, type WeatProbe } from './families/weat/schema';

export { MAX_WORDS_PER_SET, PROBE_FORMAT, TERM_PLACEHOLDER, wordSetSchema, citationSchema, probeBaseFields, type WordSet } from './probeFields';
export { probeSet, type ProbeSetKey } from './families/shared/associationFields';
export { weatProbeSchema, type WeatProbe } from './families/weat/schema';
export { seatProbeSchema, setTemplatesSchema, templatesForSet, seatSentencesForSet, type SeatProbe } from './families/seat/schema';

/** A probe on word vectors: WEAT or SEAT. */
export const associationProbeSchema = z.discriminatedUnion('family', [weatProbeSchema, seatProbeSchema]);
export const probeSchema = associationProbeSchema;

export type AssociationProbe = WeatProbe | SeatProbe;
export type Probe = AssociationProbe;
