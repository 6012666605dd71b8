// One import at a time per button group, run in the import worker: the status the page shows
// (what is being read, how far along) and Cancel. A new import from the same group cancels the one
// before; leaving the page cancels too. Callers get the typed result or a named error
// (CancelledError when the user cancelled) and decide what to show.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError } from '../core/errors';
import type { Notice } from './store';
import { importInWorker, type ImportKind, type ImportProgress, type ImportResults, type ImportSource } from '../worker/importClient';

export interface ImportTaskStatus {
  /** What is being imported, e.g. "crows.csv". */
  name: string;
  progress: ImportProgress;
}

/** 0…1 while reading or parsing; undefined while checking (no count to show). */
export const importFraction = (p: ImportProgress): number | undefined => (p.stage === 'validating' || p.total === 0 ? undefined : Math.min(1, p.done / p.total));

const mb = (n: number) => (n / 1e6).toFixed(1);

/** "Reading crows.csv: 4.1 of 12.3 MB", "Parsing crows.csv: 45 %", "Checking crows.csv…". */
export function importStatusText(s: ImportTaskStatus): string {
  const p = s.progress;
  if (p.stage === 'reading') return `Reading ${s.name}: ${mb(p.done)} of ${mb(p.total)} MB`;
  if (p.stage === 'parsing') return p.total === 0 ? `Parsing ${s.name}…` : `Parsing ${s.name}: ${Math.round((100 * p.done) / p.total)} %`;
  return `Checking ${s.name}…`;
}

/**
 * What to tell the user when an import did not go through: a cancel is news ("… was not imported;
 * <unchanged> is unchanged"), anything else an error with the reason.
 */
export const importFailedNotice = (what: string, e: unknown, unchanged: string): Notice =>
  e instanceof CancelledError
    ? { kind: 'info', title: 'Import cancelled', text: `${what} was not imported; ${unchanged} is unchanged.` }
    : { kind: 'error', title: `Could not import ${what}`, text: (e as Error).message };

export function useImportTask() {
  const [status, setStatus] = useState<ImportTaskStatus | null>(null);
  const current = useRef<AbortController | null>(null);
  const start = useCallback(async <K extends ImportKind>(kind: K, source: ImportSource): Promise<ImportResults[K]> => {
    current.current?.abort();
    const mine = new AbortController();
    current.current = mine;
    const total = 'file' in source ? source.file.size : 0;
    // A paste is split in one call: no count to report, so its bar stays indeterminate (total 0).
    setStatus({ name: source.name, progress: 'file' in source ? { stage: 'reading', done: 0, total } : { stage: 'parsing', done: 0, total: 0 } });
    try {
      return await importInWorker(kind, source, (progress) => current.current === mine && setStatus({ name: source.name, progress }), mine.signal);
    } finally {
      if (current.current === mine) {
        current.current = null;
        setStatus(null);
      }
    }
  }, []);
  const cancel = useCallback(() => current.current?.abort(), []);
  useEffect(() => () => current.current?.abort(), []);
  return { status, start, cancel };
}
