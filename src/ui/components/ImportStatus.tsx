// The progress of an import running in the import worker, with its Cancel button. A status region
// (announced politely) so a screen reader hears "Reading crows.csv: 4.1 of 12.3 MB"; the page
// around it stays usable, since the parsing happens off the main thread. It sits under the button
// that started the import, often at the bottom of the screen, so it scrolls itself into view when
// an import starts.
import { useEffect, useRef } from 'react';
import { importFraction, importStatusText, type ImportTaskStatus } from '../../state/useImportTask';
import { ProgressBar } from './ProgressBar';
import './ImportStatus.css';

export function ImportStatus({ status, onCancel }: { status: ImportTaskStatus | null; onCancel: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = status !== null;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown]);
  if (!status) return null;
  const fraction = importFraction(status.progress);
  return (
    <div ref={ref} className="import-status row" role="status" aria-label="Import progress">
      <span className="small-text">{importStatusText(status)}</span>
      <ProgressBar label={`Importing ${status.name}`} max={1} value={fraction} />
      <button type="button" className="small secondary" onClick={onCancel}>
        Cancel import
      </button>
    </div>
  );
}
