// `bias-workbench models`: every model the CLI can run — word-embedding models from the runtime's
// registry and language models from the LM catalogue (embedded ones work offline; Hub ones need
// internet) — as a table or JSON.
import { listModels } from '../../runtime/models';
import { LM_CATALOG } from '../../runtime/lm/catalog';
import { choiceFlag } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export async function modelsCommand(values: CliValues): Promise<void> {
  const format = choiceFlag(values.format, 'format', ['text', 'json'] as const, 'text');
  const models = [
    ...listModels().map(({ id, kind, title, dtype }) => ({ id, kind, title, source: 'embedded', needsInternet: false, dtypes: [dtype] })),
    ...LM_CATALOG.map(({ id, kind, title, source, needsInternet, dtypes, architecture, parametersM, chatTemplate, sizes, sizeSource, verifiedOnline, ...rest }) => ({
      id,
      kind,
      title,
      source,
      needsInternet,
      dtypes: [...dtypes],
      architecture,
      parametersM,
      chatTemplate,
      ...('matrixRow' in rest ? { matrixRow: rest.matrixRow } : {}),
      sizes,
      sizeSource,
      verifiedOnline,
    })),
  ];
  if (format === 'json') {
    emit(JSON.stringify({ models }, null, 2), values.out);
    return;
  }
  const rows = models.map((m) => `${m.id.padEnd(32)} ${m.kind.padEnd(15)} ${m.source.padEnd(9)} ${m.title}`);
  emit(['ID                               KIND            SOURCE    TITLE', ...rows].join('\n'), values.out);
}
