// `bias-workbench models`: every model the CLI can run (the runtime's registry), as a table or JSON.
import { listModels } from '../../runtime/models';
import { choiceFlag } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export async function modelsCommand(values: CliValues): Promise<void> {
  const format = choiceFlag(values.format, 'format', ['text', 'json'] as const, 'text');
  const models = listModels().map(({ id, kind, title, dtype, licence }) => ({ id, kind, title, dtype, licence }));
  if (format === 'json') {
    emit(JSON.stringify({ models }, null, 2), values.out);
    return;
  }
  const rows = models.map((m) => `${m.id.padEnd(24)} ${m.kind.padEnd(15)} ${m.title}`);
  emit(['ID                       KIND            TITLE', ...rows].join('\n'), values.out);
}
