// `bias-workbench score`: total and per-token log-probabilities of a text under a causal LM (or of
// the text as a continuation of --prefix), or its pseudo-log-likelihood under a masked LM, through
// the same LM runtime the browser uses (src/runtime/lm).
import { loadLanguageModel, scoreText } from '../../runtime/lm/node';
import { LM_DTYPES } from '../../runtime/lm/types';
import { quoteInput } from '../../core/input/quoteInput';
import { UsageError } from '../cliError';
import { choiceFlag, deviceFlag, refuseFlags } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export async function scoreCommand(positionals: string[], values: CliValues): Promise<void> {
  if (positionals.length) throw new UsageError(`unexpected arguments: ${positionals.map(quoteInput).join(' ')} (pass the text with --text)`);
  if (!values.model) throw new UsageError('--model is required (see `bias-workbench models`)');
  refuseFlags(values, ['seed', 'permutations', 'bootstrap', 'sd', 'items', 'batch-size', 'input-format', 'limit', 'sets'], '`score` (they are options of `run`)');
  if (values.text === undefined || values.text === '') throw new UsageError('--text is required');
  const format = choiceFlag(values.format, 'format', ['json', 'text'] as const, 'json');
  const lm = await loadLanguageModel(values.model, {
    ...(values['models-dir'] ? { modelsDir: values['models-dir'] } : {}),
    ...(values.device ? { device: deviceFlag(values.device) } : {}),
    ...(values.dtype ? { dtype: choiceFlag(values.dtype, 'dtype', ['auto', ...LM_DTYPES] as const, 'auto') } : {}),
  });
  try {
    const result = await scoreText(lm, values.text, values.prefix !== undefined ? { prefix: values.prefix } : {});
    if (format === 'json') {
      emit(JSON.stringify(result, null, 2), values.out);
      return;
    }
    const lines = result.tokens.map((t) => `${JSON.stringify(t.token).padEnd(18)} ${String(t.id).padStart(6)} ${t.logProb.toFixed(4).padStart(10)}`);
    const at = result.model.revision ? ` at commit ${result.model.revision}` : '';
    emit([`${result.method} under ${result.model.id}${at} (${result.model.backend}, ${result.model.dtype}): total ${result.total.toFixed(4)}`, ...lines].join('\n'), values.out);
  } finally {
    await lm.dispose();
  }
}
