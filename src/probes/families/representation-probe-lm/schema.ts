// The representation probe on a language model's hidden states: the word-vector probe's schema
// (representation-probe/schema.ts) under this family's id — same four sets, same limits.
import type { z } from 'zod';
import { representationProbeSchemaOf } from '../representation-probe/schema';

export const representationProbeLmSchema = representationProbeSchemaOf('representation-probe-lm');

export type RepresentationProbeLm = z.infer<typeof representationProbeLmSchema>;
