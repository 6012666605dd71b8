// WEAT and SEAT run the same way: embed the four sets with the word-vector model (SEAT fills its
// templates first; core/association/buildAssociationInput.ts), then the seeded association test.
import { buildAssociationInput } from '../../../core/association/buildAssociationInput';
import { runAssociationTest } from '../../../core/association/runAssociationTest';
import type { AssociationResult } from '../../../core/association/types';
import type { FamilyRunContext } from '../types';
import type { SeatProbe } from '../seat/schema';
import type { WeatProbe } from '../weat/schema';
import { embedderOf } from './runContext';

export async function runWordVectorTest(probe: WeatProbe | SeatProbe, ctx: FamilyRunContext): Promise<AssociationResult> {
  const input = await buildAssociationInput(probe, embedderOf(ctx, probe.family));
  return runAssociationTest(input, ctx.options, ctx.onProgress);
}
