// A whole WEAT probe from a CSV word list with a `set` column (X/Y/A/B), validated.
import { ProbeValidationError } from '../../core/errors';
import type { Probe, ProbeSetKey } from '../schema';
import { parseProbe } from '../validate';
import type { CsvWordSets } from './wordList';

const DEFAULT_LABELS: Record<ProbeSetKey, string> = { X: 'Targets X', Y: 'Targets Y', A: 'Attributes A', B: 'Attributes B' };

/**
 * A whole WEAT probe from a CSV with a `set` column (X/Y/A/B), validated. Throws
 * ProbeValidationError naming the sets the file did not fill.
 */
export const csvSetsToProbe = (
  csv: Extract<CsvWordSets, { kind: 'sets' }>,
  meta: { id: string; title: string; description?: string },
): Probe => {
  const missing = (['X', 'Y', 'A', 'B'] as const).filter((k) => !csv.sets[k]?.length);
  if (missing.length > 0) {
    throw new ProbeValidationError(
      `The CSV fills ${4 - missing.length} of the four sets; set${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no rows.`,
    );
  }
  const ws = (k: ProbeSetKey) => ({ label: csv.labels[k] ?? DEFAULT_LABELS[k], words: csv.sets[k]! });
  return parseProbe({
    family: 'weat',
    id: meta.id,
    title: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    targets: { X: ws('X'), Y: ws('Y') },
    attributes: { A: ws('A'), B: ws('B') },
  });
};
