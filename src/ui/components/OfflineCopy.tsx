// Under the model picker, for a Hub model: whether its files are stored in this browser (so it
// loads with no network) and a way to remove them. The files are the ones transformers.js keeps
// after the first download; the list is read again when the model finishes loading.
import { useEffect } from 'react';
import { formatBytes } from '../../state/formatBytes';
import { useOfflineModels, useRefreshOfflineModels, useRemoveOfflineModel } from '../../state/serviceWorker';

export function OfflineCopy({ repoId, loaded }: { repoId: string; loaded: boolean }) {
  const stored = useOfflineModels();
  const refresh = useRefreshOfflineModels();
  const remove = useRemoveOfflineModel();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh is a new function each render; re-read only when a load finishes
  useEffect(() => refresh(), [loaded, repoId]);
  const copy = stored.data?.[repoId];
  if (!copy) {
    return (
      <small className="muted offline-copy" role="status" aria-label="Offline copy">
        Not stored for offline use: its files are kept in this browser after the first download.
      </small>
    );
  }
  return (
    <div className="offline-copy" role="status" aria-label="Offline copy">
      <span className="pill pill-ok">Available offline</span>{' '}
      <small>
        {copy.files} files, {formatBytes(copy.bytes)} stored in this browser.
      </small>{' '}
      <button type="button" className="small secondary" disabled={remove.isPending} onClick={() => remove.mutate(repoId)}>
        Remove offline copy
      </button>
    </div>
  );
}
