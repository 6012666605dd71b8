// WEAT and SEAT run the same way once their sets are embedded (WEAT looks the words up, SEAT fills
// its templates first: core/association/buildAssociationInput.ts): the seeded association test.
import type { Embedder } from '../../../core/embeddings/embedder';
import { runAssociationTest } from '../../../core/association/runAssociationTest';
import type { AssociationInput, AssociationResult } from '../../../core/association/types';
import type { FamilyRunContext } from '../types';
import { embedderOf } from './runContext';

/** A word-vector family's run: embed with `build`, then the association test with the context's options and progress. */
export const wordVectorRunner =
  <P extends { family: string }>(build: (probe: P, embedder: Embedder) => Promise<AssociationInput>) =>
  async (probe: P, ctx: FamilyRunContext): Promise<AssociationResult> =>
    runAssociationTest(await build(probe, embedderOf(ctx, probe.family)), ctx.options, ctx.onProgress);
