// The pre-run warning as src/state/useValidation.ts still imports it; the CLI and the registry use
// src/probes/instructionModelWarning.ts (each family module's needsInstructionModel). Delete this
// file, with NEEDS_INSTRUCTION_MODEL, once useValidation.ts imports that one.
import { NEEDS_INSTRUCTION_MODEL, type LmProbeDefinition } from './definitions';

export interface ChatTemplateInfo {
  /** The model's id as shown to the user. */
  id: string;
  /** Whether the tokenizer has a chat template; absent = unknown (no warning). */
  chatTemplate?: boolean;
}

/**
 * The pre-run warning for `probe` on `model`, or null when there is nothing to warn about: the
 * family does not need an instruction model, or the model has a chat template (or it is unknown).
 */
export function instructionModelWarning(probe: Pick<LmProbeDefinition, 'family' | 'title'>, model: ChatTemplateInfo): string | null {
  if (!NEEDS_INSTRUCTION_MODEL[probe.family] || model.chatTemplate !== false) return null;
  return (
    `“${probe.title}” needs an instruction (chat) model: ${model.id} has no chat template, so it will most likely not answer ` +
    'in the requested format. Choose an instruction model to get a result.'
  );
}
