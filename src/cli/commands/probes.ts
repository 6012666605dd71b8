// `bias-workbench probes`: the built-in probes and suites (id, family, title), as a table or JSON.
import { listAllBuiltinProbes, listAllBuiltinSuites } from '../../probes/builtin';
import { choiceFlag } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export function probesCommand(values: CliValues): void {
  const format = choiceFlag(values.format, 'format', ['text', 'json'] as const, 'text');
  const probes = listAllBuiltinProbes().map(({ id, family, title }) => ({ id, family, title }));
  const suites = listAllBuiltinSuites().map((s) => ({ id: s.id, family: 'suite', title: s.title, probes: [...s.probeIds] }));
  if (format === 'json') {
    emit(JSON.stringify({ probes, suites }, null, 2), values.out);
    return;
  }
  const rows = [...probes, ...suites].map((p) => `${p.id.padEnd(34)} ${p.family.padEnd(24)} ${p.title}`);
  emit([`${'ID'.padEnd(34)} ${'FAMILY'.padEnd(24)} TITLE`, ...rows].join('\n'), values.out);
}
