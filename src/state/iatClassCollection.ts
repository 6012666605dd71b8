// Which of the entries an intake produced join the class, and why the others do not: a result given
// twice (the same participant tag from a code or a JSON result's nonce, or the same trials in two
// files) is named as a duplicate of the entry it repeats and counted once; a code or result made for
// another test than the one the class has collected so far is refused. Pure, so the rules are tested
// without storage; the store (iatClassStore.ts) keeps what this admits.
import { summarizeClass, type IatClassSummary } from '../core/iat/classSummary';
import type { IatClassEntry, IatIntake, IatIntakeProblem } from './iatClassIntake';

export interface IatDuplicate {
  origin: string;
  /** The label of the entry it repeats (already collected, or earlier in the same intake). */
  sameAs: string;
  why: 'same participant' | 'same trials';
}

export interface IatAdmission {
  added: IatClassEntry[];
  duplicates: IatDuplicate[];
  /** Unreadable inputs from the intake, then entries refused as made for another test. */
  problems: IatIntakeProblem[];
}

/** The probe tag the class is collecting for: that of the first entry that names one, or null. */
export const classProbeTag = (entries: readonly IatClassEntry[]): number | null => entries.find((e) => e.probeTag !== null)?.probeTag ?? null;

function duplicateReason(a: IatClassEntry, b: IatClassEntry): IatDuplicate['why'] | null {
  if (a.id === b.id) return a.trialsKey !== null ? 'same trials' : 'same participant';
  if (a.participantTag !== null && a.participantTag === b.participantTag) return 'same participant';
  if (a.trialsKey !== null && a.trialsKey === b.trialsKey) return 'same trials';
  return null;
}

export function admitToClass(collected: readonly IatClassEntry[], intake: IatIntake): IatAdmission {
  const added: IatClassEntry[] = [];
  const duplicates: IatDuplicate[] = [];
  const problems = [...intake.problems];
  let probe = classProbeTag(collected);
  for (const { origin, entry } of intake.items) {
    if (entry.probeTag !== null && probe !== null && entry.probeTag !== probe) {
      problems.push({ origin, message: 'This result is for another test than the one this class has collected so far; start a new class to collect it.' });
      continue;
    }
    let repeated: IatDuplicate | null = null;
    for (const other of [...collected, ...added]) {
      const why = duplicateReason(entry, other);
      if (why) {
        repeated = { origin, sameAs: other.label, why };
        break;
      }
    }
    if (repeated) {
      duplicates.push(repeated);
      continue;
    }
    probe ??= entry.probeTag;
    added.push(entry);
  }
  return { added, duplicates, problems };
}

/** The class summary of the collected entries (core's summarizeClass: mean D, 95% t interval, n, exclusions). */
export const summarizeCollectedClass = (entries: readonly IatClassEntry[]): IatClassSummary => summarizeClass(entries.map((e) => e.result));
