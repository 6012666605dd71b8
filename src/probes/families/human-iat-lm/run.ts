// A human IAT's run on a language model is the likelihood IAT on the probe's words and frames, with
// the run's options and seed, marked as this family's and carrying the participant design and the
// words as written (a participant sorts every word; the model's run drops repeats).
import { runLmIat } from '../../../core/lmRun/association';
import { controlOf, lmOptionsOf, scorerOf } from '../shared/runContext';
import type { FamilyRunContext } from '../types';
import type { HumanIatLmResult } from './result';
import type { HumanIatLmProbe } from './schema';

const copySet = (s: { label: string; words: readonly string[] }) => ({ label: s.label, words: s.words.map((w) => w.trim()) });

export async function runHumanIatLmProbe(probe: HumanIatLmProbe, ctx: FamilyRunContext): Promise<HumanIatLmResult> {
  const lmIat = await runLmIat({ ...probe, family: 'lm-iat' }, scorerOf(ctx, probe.family), lmOptionsOf(ctx), controlOf(ctx));
  return {
    ...lmIat,
    kind: 'human-iat-lm',
    design: { ...probe.design, blockLengths: [...probe.design.blockLengths] },
    stimuli: { X: copySet(probe.targets.X), Y: copySet(probe.targets.Y), A: copySet(probe.attributes.A), B: copySet(probe.attributes.B) },
  };
}
