// A human IAT probe's run is the model's side only: WEAT on the probe's word sets (looked up as
// WEAT looks them up) with the run's options and seed, the result marked as this family's and
// carrying the participant design. The participant's own trials are taken on the page, not here.
import { buildWeatInput } from '../../../core/association/buildAssociationInput';
import { runAssociationTest } from '../../../core/association/runAssociationTest';
import { embedderOf } from '../shared/runContext';
import type { FamilyRunContext } from '../types';
import type { HumanIatResult } from './result';
import type { HumanIatProbe } from './schema';

const copySet = (s: { label: string; words: readonly string[] }) => ({ label: s.label, words: s.words.map((w) => w.trim()) });

export async function runHumanIatProbe(probe: HumanIatProbe, ctx: FamilyRunContext): Promise<HumanIatResult> {
  const input = await buildWeatInput({ ...probe, family: 'weat' }, embedderOf(ctx, probe.family));
  const weat = await runAssociationTest(input, ctx.options, ctx.onProgress);
  return {
    ...weat,
    kind: 'human-iat',
    design: { ...probe.design, blockLengths: [...probe.design.blockLengths] },
    stimuli: { X: copySet(probe.targets.X), Y: copySet(probe.targets.Y), A: copySet(probe.attributes.A), B: copySet(probe.attributes.B) },
  };
}
