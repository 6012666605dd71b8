// Every finished run, newest first, from IndexedDB (or this tab's memory when the browser blocks
// it: the storage notice says so). Open shows it in the workbench (re-export, re-run from its
// seed); Delete removes it. "Open run record…" reads and validates the file in the import worker
// (progress, Cancel), then keeps it in history, never over a stored run (importRun.ts). Ticking
// "Compare" on two or more runs puts them side by side (CompareRuns), oldest first.
import { useMemo, useRef, useState } from 'react';
import type { StoredRun } from '../../state/runRecord';
import { headlineOf } from '../families';
import { CompareRuns } from '../components/CompareRuns';
import { useDeleteRun, useImportRun, useRuns, useStorageStatus } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { useImportTask } from '../../state/useImportTask';
import type { ParsedRunRecord } from '../../probes/import/runRecordJson';
import { CancelledError } from '../../core/errors';
import { ImportStatus } from '../components/ImportStatus';
import { backendLabel } from '../../core/backends';
import { StorageNotice } from '../components/StorageNotice';
import { StorageUsage } from '../components/StorageUsage';
import './HistoryPage.css';

const LISTED_IN_FULL = 3;

/** A run's headlines: in full for a few results, the numbers alone for a batch. */
function RunHeadlines({ run }: { run: StoredRun }) {
  const headlines = run.results.map(headlineOf);
  if (headlines.length <= LISTED_IN_FULL) return <>{headlines.map((h) => h.text).join('; ')}</>;
  return (
    <>
      {headlines.length} tests: {headlines.map((h, i) => `${run.results[i]!.title.split(':')[0]} ${h.shown}`).join(', ')}
    </>
  );
}

export function HistoryPage() {
  const runs = useRuns();
  const storage = useStorageStatus();
  const openRun = useWorkbench((s) => s.openRun);
  const setView = useWorkbench((s) => s.setView);
  const del = useDeleteRun();
  const imp = useImportRun();
  const showNotice = useWorkbench((s) => s.showNotice);
  const fileRef = useRef<HTMLInputElement>(null);
  const task = useImportTask();
  const [compare, setCompare] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setCompare((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const chosen = useMemo(
    () => (runs.data ?? []).filter((r) => compare.includes(r.runId)).sort((x, y) => x.finishedAt.localeCompare(y.finishedAt)),
    [runs.data, compare],
  );
  return (
    <section className="panel history" aria-labelledby="history-heading">
      <div className="panel-head">
        <h2 id="history-heading">Run history</h2>
        <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
          Open run record…
        </button>
        <input
          ref={fileRef}
          type="file"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            let parsed: ParsedRunRecord;
            try {
              parsed = await task.start('run-record', { name: f.name, file: f });
            } catch (err) {
              if (err instanceof CancelledError) showNotice({ kind: 'info', title: 'Opening cancelled', text: `${f.name} was not opened.` });
              else showNotice({ kind: 'error', title: `Could not open ${f.name}`, text: (err as Error).message });
              return;
            }
            imp.mutate(parsed, {
              onSuccess: ({ stored: r, outcome }) => {
                showNotice(
                  outcome === 'already-in-history'
                    ? { kind: 'info', title: 'This run is already in the history', text: `“${r.title}” (seed ${r.seed}, ${r.model.id}) from ${f.name} is the same record as the stored run ${r.runId}; nothing was changed.` }
                    : outcome === 'stored-under-new-id'
                      ? {
                          kind: 'info',
                          title: 'Run record opened as a separate run',
                          text: `${f.name} has the id ${r.importedFrom?.runId} of a run already in the history, but different contents. The stored run is unchanged; the file is kept as ${r.runId}, marked as imported.`,
                        }
                      : { kind: 'info', title: 'Run record opened', text: `“${r.title}” (seed ${r.seed}, ${r.model.id}) is now in the history, marked as imported.` },
                );
              },
              onError: (err) => showNotice({ kind: 'error', title: `Could not open ${f.name}`, text: err.message }),
            });
          }}
        />
      </div>
      <StorageNotice variant="history" />
      <ImportStatus status={task.status} onCancel={task.cancel} />
      {chosen.length >= 2 ? (
        <>
          <CompareRuns runs={chosen} />
          <button type="button" className="small secondary" onClick={() => setCompare([])}>
            Clear comparison
          </button>
        </>
      ) : (
        <p className="muted small-text">
          Tick “Compare” on two or more runs (the same probe on two models, fp32 vs q8, two seeds or two option settings) to see them side by side, with what differs between them and how
          their words or items agree.
        </p>
      )}
      <p className="muted">
        {storage.kind === 'memory-only' ? 'Kept in this tab only.' : 'Kept in this browser (IndexedDB).'} Open a run to see its charts, export it again, or re-run it from its seed. Run records
        exported as JSON (here or by the CLI) can be opened too.
      </p>
      <StorageUsage />
      {runs.isPending && <p>Loading…</p>}
      {runs.isError && <p className="error-text" role="alert">Could not read the history: {runs.error.message}</p>}
      {runs.data && runs.data.length === 0 && <p>No runs yet.</p>}
      {runs.data && runs.data.length > 0 && (
        <div className="table-wide history-runs">
        <table>
          <caption className="sr-only">Finished runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Model</th>
              <th scope="col">Seed</th>
              <th scope="col">Results</th>
              <th scope="col">Finished</th>
              <th scope="col">Compare</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.runId}>
                <th scope="row">
                  {r.title}
                  <br />
                  <code className="muted">{r.probeId}</code>
                  {r.importedFrom && (
                    <span className="tag" title={`Opened from a file on ${new Date(r.importedFrom.at).toLocaleString()}; its id in the file: ${r.importedFrom.runId}`}>
                      imported
                    </span>
                  )}
                </th>
                <td>
                  {r.model.id}
                  <br />
                  <span className="muted">
                    {backendLabel(r.model.backend)} · {r.model.dtype}
                  </span>
                </td>
                <td>{r.seed}</td>
                <td>
                  <RunHeadlines run={r} />
                </td>
                <td>{new Date(r.finishedAt).toLocaleString()}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={compare.includes(r.runId)}
                    aria-label={`Compare run ${r.title} on ${r.model.id} (${r.model.dtype}) from ${new Date(r.finishedAt).toLocaleString()}`}
                    onChange={(e) => toggle(r.runId, e.target.checked)}
                  />
                </td>
                <td>
                  <div className="row">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Open run ${r.title} from ${new Date(r.finishedAt).toLocaleString()}`}
                    onClick={() => {
                      openRun(r.runId);
                      setView('workbench');
                    }}
                  >
                    Open
                  </button>
                  <button type="button" className="small danger" aria-label={`Delete run ${r.title} from ${new Date(r.finishedAt).toLocaleString()}`} onClick={() => del.mutate(r.runId)}>
                    Delete
                  </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
