// Building a registry from family modules: frozen, keyed by each module's id, with the types
// derived from the modules (a family id, its probe, its result) and the one probe schema, the union
// of the families' schemas discriminated on `family`. The app's registry (./index.ts) is built from
// the ten families; a test can build one with a toy family added, through this same function.
import { z } from 'zod';
import { ProbeValidationError } from '../../core/errors';
import type { ProbeFamily } from './types';

/** A family module as the registry holds it (its own probe and result types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module's run/summarize are typed on its own probe and result; the registry only stores them
export type AnyFamilyModule = ProbeFamily<any, any>;

type ById<L extends readonly { id: string }[]> = { readonly [M in L[number] as M['id']]: M };
type SchemasOf<L extends readonly { schema: unknown }[]> = { -readonly [K in keyof L]: L[K]['schema'] };

export interface Registry<L extends readonly AnyFamilyModule[]> {
  /** Family id → module, frozen. */
  families: ById<L>;
  /** The modules in registry order (exports and pickers list families in this order). */
  list: L;
  ids: readonly L[number]['id'][];
  /** A probe of any family of the registry, discriminated on `family`. */
  probeSchema: z.ZodDiscriminatedUnion<SchemasOf<L> & readonly z.core.SomeType[], 'family'>;
  /** A stored result of any family of the registry, discriminated on `kind` (each family's resultSchema). */
  resultSchema: z.ZodType;
  /** The module of a family id; a ProbeValidationError naming the known families for any other. */
  familyOf(id: string): L[number];
}

export function createRegistry<const L extends readonly AnyFamilyModule[]>(list: L): Registry<L> {
  const families = Object.freeze(Object.fromEntries(list.map((f) => [f.id, Object.freeze(f)]))) as ById<L>;
  const ids = Object.freeze(list.map((f) => f.id)) as readonly L[number]['id'][];
  const schemas = list.map((f) => f.schema) as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]];
  const probeSchema = z.discriminatedUnion('family', schemas) as unknown as Registry<L>['probeSchema'];
  const familyOf = (id: string): L[number] => {
    const f = (families as Record<string, L[number]>)[id];
    if (!f) throw new ProbeValidationError(`unknown family ${JSON.stringify(id)}; this version understands: ${ids.join(', ')}`);
    return f;
  };
  const resultSchemas = list.map((f) => f.resultSchema) as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]];
  const resultSchema = z.discriminatedUnion('kind', resultSchemas);
  return Object.freeze({ families, list, ids, probeSchema, resultSchema, familyOf });
}
