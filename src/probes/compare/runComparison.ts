// Any number of runs side by side (models, dtypes, seeds, options): what differs between them, and
// for each probe any of them ran, every run's headline and, item by item, how each run agrees with
// the first run that has the probe (per-word s(w, A, B) for association tests, the chosen per-item
// column for language-model probes). The numbers come from the families (headline, item CSV rows)
// and from core (itemAgreement, runDifferences); the screen only lays them out.
import { itemAgreement, runDifferences, type ComparedRun, type ItemAgreement, type RunDifference } from '../../core/compare';
import type { RunResult } from '../../core/runRecord';
import { itemMeasures } from '../export/itemMeasures';
import { familyOf } from '../families';
import type { Headline } from '../families/types';

export interface RunToCompare extends ComparedRun {
  results: readonly RunResult[];
}

export interface ProbeAgreement {
  /** Index of the run compared with the reference run. */
  run: number;
  agreement: ItemAgreement;
}

export interface ComparedProbe {
  probeId: string;
  title: string;
  /** Each run's headline for this probe (null where the run did not run it). */
  headlines: (Headline | null)[];
  /** The first run that ran it: the others are compared with this one. */
  reference: number;
  /** The numeric per-item columns every run that ran it has, and the one compared. */
  measures: string[];
  measure: string | null;
  /** One entry per other run that ran the probe (empty when only one did, or there is no measure). */
  agreements: ProbeAgreement[];
  /** Why items are not compared, when they are not. */
  notAligned: string | null;
}

export interface RunComparison {
  differences: RunDifference[];
  probes: ComparedProbe[];
}

function compareProbe(runs: readonly RunToCompare[], probeId: string, chosenMeasure: string | undefined): ComparedProbe {
  const results = runs.map((r) => r.results.find((x) => x.probeId === probeId) ?? null);
  const headlines = results.map((r) => (r ? familyOf(r.kind).headline(r) : null));
  const present = results.flatMap((r, i) => (r ? [i] : []));
  const reference = present[0]!;
  const title = results[reference]!.title;
  const base = { probeId, title, headlines, reference };
  if (present.length < 2) return { ...base, measures: [], measure: null, agreements: [], notAligned: `Only run ${reference + 1} ran this probe: there are no items to align.` };
  const kinds = new Set(present.map((i) => results[i]!.kind));
  if (kinds.size > 1) return { ...base, measures: [], measure: null, agreements: [], notAligned: 'The runs ran different kinds of test under this id: their items cannot be aligned.' };
  const measured = present.map((i) => itemMeasures(results[i]!));
  const measures = measured[0]!.columns.filter((c) => measured.every((m) => m.columns.includes(c)));
  const preferred = measured[0]!.preferred;
  const measure = chosenMeasure && measures.includes(chosenMeasure) ? chosenMeasure : preferred && measures.includes(preferred) ? preferred : (measures[0] ?? null);
  if (!measure) return { ...base, measures, measure, agreements: [], notAligned: 'Its items carry no number to compare.' };
  const referenceValues = measured[0]!.values(measure);
  const agreements = present.slice(1).map((run, k) => ({ run, agreement: itemAgreement(referenceValues, measured[k + 1]!.values(measure)) }));
  const none = agreements.every((a) => a.agreement.n === 0);
  return { ...base, measures, measure, agreements, notAligned: none ? 'The runs share no items under this probe (its words or items differ): nothing to align.' : null };
}

/** Compare runs: their differences, then each probe any of them ran, in the order they first appear. */
export function compareRuns(runs: readonly RunToCompare[], chosenMeasures: Readonly<Record<string, string>> = {}): RunComparison {
  const ids = [...new Set(runs.flatMap((r) => r.results.map((x) => x.probeId)))];
  return { differences: runDifferences(runs), probes: ids.map((id) => compareProbe(runs, id, chosenMeasures[id])) };
}
