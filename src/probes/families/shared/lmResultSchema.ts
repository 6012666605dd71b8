// What a stored LM-family result must hold to be re-opened: loose (the per-family fields are many
// and evolve with the statistics core); what every consumer relies on is checked — kind, probe id,
// title and the item rows. NaN numbers are written as null by JSON and stay null here.
import { z } from 'zod';

export const lmResultSchema = <K extends string>(kind: K) =>
  z.looseObject({
    kind: z.literal(kind),
    probeId: z.string().min(1),
    title: z.string(),
    items: z.array(z.looseObject({})),
  });
