// What the user needs to know when run history is not being kept on disk: either the browser
// blocks IndexedDB (history is off for good in this browser) or storage is full (the latest runs
// live in this tab only). Two sizes of the same message: a one-line banner above the results and
// a fuller note on the History page. Nothing shows while history works. role="status": it is news,
// not an error, and the run it concerns did finish.
import type { HistoryStatus } from '../../state/historyStatus';
import { useStorageStatus } from '../../state/queries';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/** "this run is kept" / "3 runs are kept" (and probes, when some could not be saved); History says "the latest run". */
function keptInTab(s: Extract<HistoryStatus, { kind: 'full' }>, one: string): string {
  const parts = [s.runsInMemory > 0 ? plural(s.runsInMemory, one, 'runs') : '', s.probesInMemory > 0 ? plural(s.probesInMemory, 'a saved probe', 'saved probes') : ''].filter(Boolean);
  const many = s.runsInMemory + s.probesInMemory > 1;
  return `${parts.join(' and ') || 'the latest run'} ${many ? 'are' : 'is'} kept until you close the tab`;
}

export function StorageNotice({ variant }: { variant: 'banner' | 'history' }) {
  const status = useStorageStatus();
  if (status.kind === 'memory-only') {
    return variant === 'banner' ? (
      <div className="storage-notice storage-banner" role="status">
        <strong>History is off in this browser</strong>: {status.reason}. Results still show and export; nothing is kept after the tab closes.
      </div>
    ) : (
      <div className="storage-notice" role="status">
        <strong>History is off in this browser</strong>
        <p>Why: {status.reason}.</p>
        <p>
          What still works: running tests, the results and their charts, CSV and JSON export, compare and class mode, for the runs of this tab. Nothing is kept after the tab
          closes, so export what you want to keep.
        </p>
      </div>
    );
  }
  if (status.kind === 'full') {
    const kept = keptInTab(status, variant === 'banner' ? 'this run' : 'the latest run');
    const many = status.runsInMemory + status.probesInMemory > 1;
    return (
      <div className={`storage-notice${variant === 'banner' ? ' storage-banner' : ''}`} role="status">
        <strong>Browser storage is full</strong>: {kept}. Export {many ? 'them' : 'it'}, or delete old runs {variant === 'banner' ? 'in History' : 'below'}.
      </div>
    );
  }
  return null;
}
