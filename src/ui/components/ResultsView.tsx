// The results of one stored run: its metadata, export buttons (CSV per test, CSV per word, JSON
// run record), re-run from the same seed, a forest plot for batches, and a card per test; above
// them, a one-line banner when the run is not being kept on disk (StorageNotice).
import { ImportedNote } from './ImportedNote';
import { lazy, Suspense } from 'react';
import { fileStem, itemsCsv, resultsCsv, runRecordJson } from '../../state/exports';
import { formatD } from '../../state/format';
import { useRun, useRunMutation, useRunning } from '../../state/queries';
import { isLmRun, type StoredRun } from '../../state/runRecord';
import { useWorkbench } from '../../state/store';
import { downloadText } from '../download';
import { backendLabel } from '../../core/backends';
import { LazyBoundary } from './LazyBoundary';
import { ResultCard } from './ResultCard';
import { StorageNotice } from './StorageNotice';

const ForestPlot = lazy(() => import('../charts/ForestPlot'));
const LmRunResults = lazy(() => import('../lm/LmRunResults'));

function Reproduced({ record }: { record: StoredRun }) {
  const anyOriginal = useRun(record.rerunOf ?? null);
  const original = { data: anyOriginal.data && !isLmRun(anyOriginal.data) ? anyOriginal.data : null };
  if (!record.rerunOf || !original.data) return null;
  const same =
    original.data.results.length === record.results.length &&
    original.data.results.every((r, i) => r.effectSize === record.results[i]!.effectSize && r.pValue === record.results[i]!.pValue && r.ci?.low === record.results[i]!.ci?.low);
  return same ? (
    <p className="ok-text" role="status">
      Reproduced: identical d, p and CI to the original run of {new Date(original.data.finishedAt).toLocaleString()}.
    </p>
  ) : (
    <p className="error-text" role="status">
      Differs from the original run: d {original.data.results.map((r) => formatD(r.effectSize)).join(', ')} then, {record.results.map((r) => formatD(r.effectSize)).join(', ')} now
      {original.data.model.assetSha256 !== record.model.assetSha256 ? ' (the model asset changed)' : ''}.
    </p>
  );
}

export function RunResults({ record, compact }: { record: StoredRun; compact?: boolean }) {
  const run = useRunMutation();
  const running = useRunning();
  const device = useWorkbench((s) => s.device);
  const setView = useWorkbench((s) => s.setView);
  const stem = fileStem(record);
  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="panel-head">
        <h2 id="results-heading">Results: {record.title}</h2>
        <div className="row wrap">
          <button type="button" onClick={() => downloadText(resultsCsv(record), `${stem}_results.csv`, 'text/csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => downloadText(itemsCsv(record), `${stem}_words.csv`, 'text/csv')}>
            Export per-word CSV
          </button>
          <button type="button" onClick={() => downloadText(runRecordJson(record), `${stem}_run.json`, 'application/json')}>
            Export JSON
          </button>
          <button
            type="button"
            disabled={running}
            onClick={() =>
              run.mutate({ probeId: record.probeId, title: record.title, probes: record.probes, modelId: record.model.id, device, options: record.options, rerunOf: record.runId })
            }
          >
            Re-run
          </button>
          {!compact && (
            <button type="button" onClick={() => setView('class')}>
              Present
            </button>
          )}
        </div>
      </div>
      <p className="run-meta">
        {record.model.title} · backend {backendLabel(record.model.backend)}
        {record.model.fallbackReason ? ` (WebGPU not used: ${record.model.fallbackReason})` : ''} · seed <strong>{record.seed}</strong> ·{' '}
        {record.options.permutations.toLocaleString('en-US')} permutations · {record.options.bootstrap.toLocaleString('en-US')} bootstrap resamples · finished{' '}
        {new Date(record.finishedAt).toLocaleString()} in {((Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 1000).toFixed(2)} s · app {record.app.version}
      </p>
      <ImportedNote from={record.importedFrom} runId={record.runId} />
      <Reproduced record={record} />
      {record.results.length > 1 && (
        <Suspense fallback={<p className="muted">Loading chart…</p>}>
          <ForestPlot results={record.results} fileStem={stem} />
        </Suspense>
      )}
      <div className="result-list">
        {record.results.map((r) => (
          <ResultCard key={r.probeId} result={r} fileStem={stem} chartsOpen={record.results.length === 1} />
        ))}
      </div>
    </section>
  );
}

function CurrentRun() {
  const id = useWorkbench((s) => s.currentRunId);
  const run = useRun(id);
  if (!id) return <p className="muted empty-results">Results appear here after a run. Try a built-in test: open “WEAT 1” in the library and press Run.</p>;
  if (run.isPending) return <p className="muted">Loading the run…</p>;
  if (!run.data) return <p className="muted">That run is no longer in the history.</p>;
  if (isLmRun(run.data))
    return (
      <LazyBoundary what="LM results view">
        <LmRunResults record={run.data} />
      </LazyBoundary>
    );
  return <RunResults record={run.data} />;
}

/** The current run, with the storage banner above it: where a run is kept matters where it is read. */
export function ResultsView() {
  return (
    <>
      <StorageNotice variant="banner" />
      <CurrentRun />
    </>
  );
}
