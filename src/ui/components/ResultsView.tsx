// The results of one stored run, of any family or mix of families: run metadata, exports (CSV per
// test, CSV per item, JSON run record), re-run from the same seed, whether a re-run reproduced its
// original (decided in core/reproducedRun.ts), a forest plot where results share a scale, and a
// card per result. Summaries come from each result's family (probes registry), once per run; above
// it all, a one-line banner when the run is not being kept on disk (StorageNotice). A run that has
// just finished here is brought into view: its heading gets the focus and is scrolled to just below
// the sticky run bar, so the screen visibly changes when Run finishes.
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { reproducedRun } from '../../core/reproducedRun';
import { runDurationMs } from '../../core/runRecord';
import { fileStem, itemsCsv, resultsCsv, runRecordJson } from '../../state/exports';
import { useRun, useRunMutation, useRunning } from '../../state/queries';
import { runModality, type StoredRun } from '../../state/runRecord';
import { useWorkbench } from '../../state/store';
import { downloadText } from '../download';
import { forestRows } from '../charts/forestRows';
import { headlineOf, summaryOf } from '../families';
import { ImportedNote } from './ImportedNote';
import { backendLabel } from '../../core/backends';
import { ResultCard } from './ResultCard';
import { StorageNotice } from './StorageNotice';
import { RUN_BAR_ID } from './RunBar';

const ForestPlot = lazy(() => import('../charts/ForestPlot'));

const headlines = (r: StoredRun) => r.results.map((x) => headlineOf(x).shown).join(', ');

function Reproduced({ record }: { record: StoredRun }) {
  const original = useRun(record.rerunOf ?? null).data;
  if (!record.rerunOf || !original) return null;
  const verdict = reproducedRun(original, record);
  // A method or sampler change moves some numbers on purpose: the sentence says which, not "every number".
  const notes = [verdict.methodNote, verdict.samplerNote].filter((n): n is string => n !== null);
  return verdict.identical ? (
    <p className="ok-text" role="status">
      {notes.length === 0
        ? `Reproduced: every number identical to the original run of ${new Date(original.finishedAt).toLocaleString()}.`
        : `Reproduced, apart from what the method change moves: compared with the original run of ${new Date(original.finishedAt).toLocaleString()}. ${notes.join(' ')}`}
    </p>
  ) : (
    <p className="error-text" role="status">
      Differs from the original run (first at {verdict.firstDifference}): {headlines(original)} then, {headlines(record)} now
      {verdict.modelChanged ? ' (the model asset changed)' : ''}.{notes.length > 0 ? ` ${notes.join(' ')}` : ''}
    </p>
  );
}

function RunMeta({ record }: { record: StoredRun }) {
  const seconds = runDurationMs(record) / 1000;
  return (
    <p className="run-meta">
      {record.model.title} · backend {backendLabel(record.model.backend)}
      {record.model.fallbackReason ? ` (WebGPU not used: ${record.model.fallbackReason})` : ''} · dtype {record.model.dtype} · seed <strong>{record.seed}</strong> ·{' '}
      {runModality(record) !== 'none' && `${record.options.permutations.toLocaleString('en-US')} permutations · ${record.options.bootstrap.toLocaleString('en-US')} bootstrap resamples · `}finished{' '}
      {new Date(record.finishedAt).toLocaleString()} in {seconds.toFixed(2)} s · app {record.app.version}
    </p>
  );
}

export function RunResults({ record, compact }: { record: StoredRun; compact?: boolean }) {
  const run = useRunMutation();
  const running = useRunning();
  const device = useWorkbench((s) => s.device);
  const setView = useWorkbench((s) => s.setView);
  const stem = fileStem(record);
  const summaries = useMemo(() => record.results.map(summaryOf), [record]);
  const forest = useMemo(() => forestRows(record.results.map((r, i) => ({ title: r.title, summary: summaries[i]! }))), [record, summaries]);
  const heading = useRef<HTMLHeadingElement>(null);
  const toReveal = useWorkbench((s) => s.runToReveal);
  const revealed = useWorkbench((s) => s.revealedRun);
  useEffect(() => {
    if (compact || toReveal !== record.runId || !heading.current) return;
    revealed();
    revealBelowRunBar(heading.current);
  }, [compact, toReveal, record.runId, revealed]);
  const rerun = () => {
    const common = { probeId: record.probeId, title: record.title, modelId: record.model.id, device, options: record.options, rerunOf: record.runId };
    run.mutate({ ...common, probes: record.probes });
  };
  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="panel-head">
        <h2 id="results-heading" ref={heading} tabIndex={-1}>
          Results: {record.title}
        </h2>
        <div className="row wrap">
          <button type="button" onClick={() => downloadText(resultsCsv(record), `${stem}_results.csv`, 'text/csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => downloadText(itemsCsv(record), `${stem}_items.csv`, 'text/csv')}>
            Export per-item CSV
          </button>
          <button type="button" onClick={() => downloadText(runRecordJson(record), `${stem}_run.json`, 'application/json')}>
            Export JSON
          </button>
          <button type="button" disabled={running} onClick={rerun}>
            Re-run
          </button>
          {!compact && (
            <button type="button" onClick={() => setView('class')}>
              Present
            </button>
          )}
        </div>
      </div>
      <RunMeta record={record} />
      <ImportedNote from={record.importedFrom} runId={record.runId} />
      <Reproduced record={record} />
      {forest.length > 0 && (
        <Suspense fallback={<p className="muted">Loading chart…</p>}>
          <ForestPlot rows={forest} fileStem={stem} />
        </Suspense>
      )}
      <div className="result-list">
        {record.results.map((r, i) => (
          <ResultCard key={r.probeId} result={r} summary={summaries[i]!} fileStem={stem} chartsOpen={record.results.length === 1} />
        ))}
      </div>
    </section>
  );
}

/** Focus `el` and scroll it to the top of the viewport, below the sticky run bar (when there is one). */
function revealBelowRunBar(el: HTMLElement) {
  el.focus({ preventScroll: true });
  // After this render's layout: the bar's height changes with the outcome line it shows.
  requestAnimationFrame(() => {
    const bar = document.getElementById(RUN_BAR_ID);
    const covered = bar ? bar.getBoundingClientRect().height : 0;
    window.scrollTo({ top: Math.max(0, el.getBoundingClientRect().top + window.scrollY - covered - 12) });
  });
}

function CurrentRun() {
  const id = useWorkbench((s) => s.currentRunId);
  const run = useRun(id);
  if (!id) return <p className="muted empty-results">Results appear here after a run (earlier runs are in History). Try a built-in test: open “WEAT 1” in the library and press Run.</p>;
  if (run.isPending) return <p className="muted">Loading the run…</p>;
  if (!run.data) return <p className="muted">That run is no longer in the history.</p>;
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
