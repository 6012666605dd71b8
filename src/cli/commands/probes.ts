// `bias-workbench probes`: the probe families this build understands (id, title, the kind of model
// they run on, from the registry), then the built-in probes and suites (id, family, title), as a
// table or JSON.
import { FAMILY_IDS, familyOf } from '../../probes/families';
import { listAllBuiltinProbes, listAllBuiltinSuites } from '../../probes/builtin';
import { choiceFlag, LISTING_IGNORES, refuseFlags } from '../flags';
import { emit } from '../output';
import type { CliValues } from '../main';

export function probesCommand(values: CliValues): void {
  refuseFlags(values, LISTING_IGNORES, '`probes`, which only lists');
  const format = choiceFlag(values.format, 'format', ['text', 'json'] as const, 'text');
  const families = FAMILY_IDS.map((id) => ({ id, title: familyOf(id).title, modality: familyOf(id).modality }));
  const probes = listAllBuiltinProbes().map(({ id, family, title }) => ({ id, family, title }));
  const suites = listAllBuiltinSuites().map((s) => ({ id: s.id, family: 'suite', title: s.title, probes: [...s.probeIds] }));
  if (format === 'json') {
    emit(JSON.stringify({ families, probes, suites }, null, 2), values.out);
    return;
  }
  const runsOn = { lm: 'language model', vectors: 'word vectors', none: 'no model' } as const;
  const familyRows = families.map((f) => `${f.id.padEnd(34)} ${runsOn[f.modality].padEnd(24)} ${f.title}`);
  const rows = [...probes, ...suites].map((p) => `${p.id.padEnd(34)} ${p.family.padEnd(24)} ${p.title}`);
  emit([`${'FAMILY'.padEnd(34)} ${'RUNS ON'.padEnd(24)} TITLE`, ...familyRows, '', `${'ID'.padEnd(34)} ${'FAMILY'.padEnd(24)} TITLE`, ...rows].join('\n'), values.out);
}
