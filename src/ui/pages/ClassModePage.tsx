// Class mode: a presentation of the current run, one test at a time, in large type — the title,
// the one-sentence reading, then the family's slide (its numbers and chart, from the UI registry);
// a batch whose results share a scale ends on their forest plot. ←/→ (or the buttons) move between
// tests; Esc returns to the workbench. Works offline: the embedded model ships with the app.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { resolveSuite } from '../../state/library';
import { useRun, useRunMutation, useRunning } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { forestRows } from '../charts/forestRows';
import { LazyBoundary } from '../components/LazyBoundary';
import { summaryOf, viewsOfResult } from '../families';

const ForestPlot = lazy(() => import('../charts/ForestPlot'));

export default function ClassModePage() {
  const runId = useWorkbench((s) => s.currentRunId);
  const index = useWorkbench((s) => s.classIndex);
  const setIndex = useWorkbench((s) => s.setClassIndex);
  const setView = useWorkbench((s) => s.setView);
  const run = useRun(runId);
  const start = useRunMutation();
  const running = useRunning();
  const results = useMemo(() => run.data?.results ?? [], [run.data]);
  const summaries = useMemo(() => results.map(summaryOf), [results]);
  const forest = useMemo(() => forestRows(results.map((r, k) => ({ title: r.title, summary: summaries[k]! }))), [results, summaries]);
  const n = results.length;
  const i = Math.min(index, Math.max(0, n - 1));
  // one extra slide at the end for a batch on one scale: the forest plot
  const slides = forest.length > 0 ? n + 1 : n;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') setIndex(Math.min(slides - 1, useWorkbench.getState().classIndex + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setIndex(Math.max(0, useWorkbench.getState().classIndex - 1));
      else if (e.key === 'Escape') setView('workbench');
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(Math.max(0, slides - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slides, setIndex, setView]);

  if (!run.data) {
    const st = useWorkbench.getState();
    return (
      <section className="class-mode" aria-labelledby="class-heading">
        <h2 id="class-heading">Class mode</h2>
        <p className="class-sentence">
          Nothing to present yet. Run the ten Caliskan tests on the embedded GloVe (it works offline), or open a run from History.
        </p>
        <div className="row">
          <button
            type="button"
            className="primary big"
            disabled={running}
            onClick={() => start.mutate({ probeId: 'caliskan-weat', title: 'All ten Caliskan WEATs', probes: resolveSuite('caliskan-weat'), modelId: 'glove-6b-100d', device: st.device, options: st.options })}
          >
            {running ? 'Running…' : 'Run all ten WEATs'}
          </button>
          <button type="button" className="big" onClick={() => setView('history')}>
            Open History
          </button>
        </div>
      </section>
    );
  }
  const r = results[i];
  const summary = summaries[i];
  const onForest = forest.length > 0 && index >= n;
  const Slide = r ? viewsOfResult(r).Slide : null;
  return (
    <section className="class-mode" aria-labelledby="class-heading" aria-roledescription="slide show">
      <div className="class-nav">
        <button type="button" className="big" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index === 0} aria-label="Previous test">
          ← Previous
        </button>
        <span className="class-count" aria-live="polite">
          {onForest ? 'Summary' : `Test ${i + 1} of ${n}`}
        </span>
        <button type="button" className="big" onClick={() => setIndex(Math.min(slides - 1, index + 1))} disabled={index >= slides - 1} aria-label="Next test">
          Next →
        </button>
        <button type="button" className="big secondary" onClick={() => setView('workbench')}>
          Exit class mode
        </button>
      </div>
      {onForest ? (
        <>
          <h2 id="class-heading" className="class-title">
            All {n} tests
          </h2>
          <Suspense fallback={<p>Loading chart…</p>}>
            <ForestPlot rows={forest} fileStem={`${run.data.probeId}_class`} large />
          </Suspense>
        </>
      ) : (
        r &&
        summary &&
        Slide && (
          <>
            <h2 id="class-heading" className="class-title">
              {r.title}
            </h2>
            <p className="class-sentence">{summary.reading}</p>
            <LazyBoundary what="slide">
              <Slide result={r} summary={summary} fileStem={`${run.data.probeId}_class_${r.probeId}`} />
            </LazyBoundary>
          </>
        )
      )}
      <p className="muted class-hint">Keys: ← → move between tests · Esc leaves class mode · {run.data.model.title}, seed {run.data.seed}</p>
    </section>
  );
}
