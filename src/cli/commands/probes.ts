// `bias-workbench probes`: the built-in probes and suites (id, family, title), as a table or JSON.
import { BUILTIN_SUITES, listBuiltinProbes } from '../../probes/builtin';
import { choiceFlag } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export function probesCommand(values: CliValues): void {
  const format = choiceFlag(values.format, 'format', ['text', 'json'] as const, 'text');
  const probes = listBuiltinProbes().map(({ id, family, title }) => ({ id, family, title }));
  const suites = Object.entries(BUILTIN_SUITES).map(([id, s]) => ({ id, family: 'suite', title: s.title, probes: [...s.probeIds] }));
  if (format === 'json') {
    emit(JSON.stringify({ probes, suites }, null, 2), values.out);
    return;
  }
  const rows = [...probes, ...suites].map((p) => `${p.id.padEnd(20)} ${p.family.padEnd(6)} ${p.title}`);
  emit(['ID                   FAMILY TITLE', ...rows].join('\n'), values.out);
}
