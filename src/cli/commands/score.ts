// `bias-workbench score`: token log-probabilities of a text (or of a continuation given a prefix)
// under a causal LM, through the LM runtime (src/runtime/lm). Wired when that runtime lands.
import { UsageError } from '../cliError';
import type { CliValues } from '../main';

export async function scoreCommand(_positionals: string[], values: CliValues): Promise<void> {
  if (!values.model) throw new UsageError('--model is required (see `bias-workbench models`)');
  throw new UsageError('score: the language-model runtime is not available yet');
}
