// A participant's finished IAT kept in this browser's local storage, one per probe id, so a reload
// (or closing the screen) does not lose it and the card and class-mode slide can show it again.
// Local storage rather than IndexedDB: one small JSON object per probe, read synchronously while
// rendering. Nothing here leaves the device; the participant exports it themselves.
import { IAT_RESULT_FORMAT, type ParticipantIatResult } from '../../probes/families/human-iat/participantResult';

export interface KeptIatResult {
  result: ParticipantIatResult;
  /** The participant chose "hide my score": the screen shows the model's number and the exports only. */
  hidden: boolean;
}

const keyOf = (probeId: string) => `bias-workbench:iat-result:${probeId}`;

/** The kept result for a probe; null when none, or when what is stored is not a result of this format. */
export function readKeptIatResult(probeId: string): KeptIatResult | null {
  try {
    const raw = localStorage.getItem(keyOf(probeId));
    if (raw === null) return null;
    const kept = JSON.parse(raw) as Partial<KeptIatResult>;
    if (kept.result?.format !== IAT_RESULT_FORMAT || kept.result.probeId !== probeId || !Array.isArray(kept.result.trials)) return null;
    return { result: kept.result, hidden: kept.hidden === true };
  } catch {
    return null;
  }
}

/** Keeps (or replaces) the probe's result; false when the browser refused to store it (private mode, quota). */
export function keepIatResult(kept: KeptIatResult): boolean {
  try {
    localStorage.setItem(keyOf(kept.result.probeId), JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

export function forgetIatResult(probeId: string): void {
  try {
    localStorage.removeItem(keyOf(probeId));
  } catch {
    // nothing was kept
  }
}
