// Whether a probe should be warned about before it runs on a given model: a family that asks for
// answers in a set format (its module's `needsInstructionModel`, for the whole family or per probe),
// which base models (no chat template) almost never give, so a run on one mostly yields unreadable
// answers. The app and the CLI show the same sentence, and neither names a family.
import { familyOf, type AnyProbe } from './families';

export interface ChatTemplateInfo {
  /** The model's id as shown to the user. */
  id: string;
  /** Whether the tokenizer has a chat template; absent = unknown (no warning). */
  chatTemplate?: boolean;
}

/** Whether the probe's family (or, where the family leaves it to the probe, the probe) needs an instruction model. */
function asksForInstructionModel(probe: { family: string; title: string }): boolean {
  const needs = familyOf(probe.family).needsInstructionModel;
  return typeof needs === 'function' ? needs(probe as AnyProbe) : needs;
}

/**
 * The pre-run warning for `probe` on `model`, or null when there is nothing to warn about: the
 * family (or this probe of it) does not need an instruction model, or the model has a chat template
 * (or it is unknown).
 */
export function instructionModelWarning(probe: { family: string; title: string }, model: ChatTemplateInfo): string | null {
  if (model.chatTemplate !== false || !asksForInstructionModel(probe)) return null;
  return (
    `“${probe.title}” needs an instruction (chat) model: ${model.id} has no chat template, so it will most likely not answer ` +
    'in the requested format. Choose an instruction model to get a result.'
  );
}
