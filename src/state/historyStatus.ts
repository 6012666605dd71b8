// Where run history is being kept right now, for the UI to subscribe to. A store of its own (not a
// slice of store.ts): it is never persisted, only db.ts writes it, and it changes when storage
// fails, not when the user acts. 'opening' until the first use of the history finds out.
import { create } from 'zustand';

export type HistoryStatus =
  | { kind: 'opening' }
  /** IndexedDB is open and every run and probe is on disk. */
  | { kind: 'ok' }
  /** IndexedDB is unusable in this browser; runs and probes live in this tab only. `reason` is a sentence fragment for the user. */
  | { kind: 'memory-only'; reason: string }
  /** IndexedDB refused a write for lack of space; these runs/probes are kept in this tab only. */
  | { kind: 'full'; runsInMemory: number; probesInMemory: number };

export const useHistoryStatus = create<{ status: HistoryStatus }>()(() => ({ status: { kind: 'opening' } }));

export const historyStatusNow = (): HistoryStatus => useHistoryStatus.getState().status;
export const setHistoryStatus = (status: HistoryStatus) => useHistoryStatus.setState({ status });
