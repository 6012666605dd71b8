// `bias-workbench models`: every curated model the CLI can run, read from the one model registry
// (src/runtime/models.ts) — word vectors and language models alike; embedded ones work offline, Hub
// ones need internet — as a table or JSON. Any other Hub id or a model folder can be passed to
// --model as well.
import { listModels, modelModality } from '../../runtime/models';
import { choiceFlag, LISTING_IGNORES, refuseFlags } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export async function modelsCommand(values: CliValues): Promise<void> {
  refuseFlags(values, LISTING_IGNORES, '`models`, which only lists');
  const format = choiceFlag(values.format, 'format', ['text', 'json'] as const, 'text');
  const models = listModels().map((m) => ({ ...m, modality: modelModality(m.id), needsInternet: m.source === 'hub' }));
  if (format === 'json') {
    emit(JSON.stringify({ models }, null, 2), values.out);
    return;
  }
  const rows = models.map((m) => `${m.id.padEnd(46)} ${m.kind.padEnd(15)} ${m.source.padEnd(9)} ${m.title}`);
  emit([`${'ID'.padEnd(46)} KIND            SOURCE    TITLE`, ...rows].join('\n'), values.out);
}
