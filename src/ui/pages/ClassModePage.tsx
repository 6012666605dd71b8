// Class mode: a presentation of the current run for a room, one test at a time, on a clean full
// screen (the app's header, model pills and notices are hidden while it is open — set from here, as
// a body class, because the shell does not know about presenting). Each slide names its test, says
// in plain words which way the result points, how large it is and whether chance could explain it
// (the family summary's `plain` parts; its reading where a family has none), then shows the
// family's slide (its number and chart, from the UI registry). How p and the intervals were
// obtained is technical detail, one key ("t") or one button away. A run of several tests ends on a
// summary slide that names every test: their forest plot when they share a scale, else a list.
// ←/→ move between slides; Esc leaves. Works offline: the embedded model ships with the app.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { FamilySummary } from '../../probes/families/types';
import { formatP, intervalText } from '../../probes/numberFormat';
import { resolveSuite } from '../../state/library';
import { useRun, useRunMutation, useRunning } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { forestRows } from '../charts/forestRows';
import { LazyBoundary } from '../components/LazyBoundary';
import { summaryOf, viewsOfResult, type AnyFamilyView } from '../families';
import type { AnyResult } from '../families/types';
import '../../styles/classMode.css';

const ForestPlot = lazy(() => import('../charts/ForestPlot'));

const BODY_CLASS = 'class-mode-open';

/** Hide the app's chrome while presenting. */
function usePresentationScreen() {
  useEffect(() => {
    document.body.classList.add(BODY_CLASS);
    return () => document.body.classList.remove(BODY_CLASS);
  }, []);
}

function PlainLine({ summary }: { summary: FamilySummary }) {
  const plain = summary.plain;
  if (!plain) return <p className="class-sentence">{summary.reading}</p>;
  return (
    <div className="class-plain">
      <p className="class-sentence">{plain.direction}</p>
      {plain.magnitude && <p className="class-magnitude">{plain.magnitude}</p>}
      <p className="class-chance">{plain.chance}</p>
    </div>
  );
}

function TechnicalDetail({ summary }: { summary: FamilySummary }) {
  const h = summary.headline;
  return (
    <ul className="class-technical" aria-label="Technical detail">
      <li>{h.text}</li>
      {h.ci && (
        <li>
          Interval of the test: {intervalText(h.ci)}
          {h.ci.method ? ` (${h.ci.method})` : ''}
        </li>
      )}
      {h.robustCi && (
        <li>
          Stimulus-robust interval: {intervalText(h.robustCi)}, resampling {h.robustCi.resampled}
        </li>
      )}
      {h.intervalNote && <li>{h.intervalNote}</li>}
      {h.p !== null && (
        <li>
          {h.pLabel} = {formatP(h.p)}
        </li>
      )}
      <li>{summary.significance ? summary.significance.statement : 'No test: a descriptive number.'}</li>
    </ul>
  );
}

function SummaryList({ results, summaries }: { results: readonly AnyResult[]; summaries: readonly FamilySummary[] }) {
  return (
    <table className="class-summary-list">
      <caption className="sr-only">Every test of the run with its headline and verdict</caption>
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Result</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r, k) => {
          const s = summaries[k]!;
          return (
            <tr key={r.probeId}>
              <th scope="row">{r.title}</th>
              <td>{s.headline.noResult ?? `${s.headline.label} = ${s.headline.shown}`}</td>
              <td>{s.significance ? (s.significance.significant ? 'significant' : 'not significant') : 'no test'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function ClassModePage() {
  const runId = useWorkbench((s) => s.currentRunId);
  const index = useWorkbench((s) => s.classIndex);
  const setIndex = useWorkbench((s) => s.setClassIndex);
  const setView = useWorkbench((s) => s.setView);
  const run = useRun(runId);
  const start = useRunMutation();
  const running = useRunning();
  const [technical, setTechnical] = useState(false);
  usePresentationScreen();
  const results = useMemo(() => run.data?.results ?? [], [run.data]);
  const summaries = useMemo(() => results.map(summaryOf), [results]);
  const forest = useMemo(() => forestRows(results.map((r, k) => ({ title: r.title, summary: summaries[k]! }))), [results, summaries]);
  const n = results.length;
  // a run of several tests ends on one slide that names them all
  const slides = n >= 2 ? n + 1 : n;
  const at = Math.min(index, Math.max(0, slides - 1));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') setIndex(Math.min(slides - 1, useWorkbench.getState().classIndex + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setIndex(Math.max(0, useWorkbench.getState().classIndex - 1));
      else if (e.key === 'Escape') setView('workbench');
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(Math.max(0, slides - 1));
      else if (e.key === 't' || e.key === 'T') setTechnical((t) => !t);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slides, setIndex, setView]);

  if (!run.data) {
    const st = useWorkbench.getState();
    return (
      <section className="class-mode" aria-labelledby="class-heading">
        <h2 id="class-heading" className="class-title">
          Class mode
        </h2>
        <p className="class-sentence">Nothing to present yet. Run the ten Caliskan tests on the embedded GloVe (it works offline), or open a run from History.</p>
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
          <button type="button" className="big secondary" onClick={() => setView('workbench')}>
            Exit class mode
          </button>
        </div>
      </section>
    );
  }
  const onSummary = n >= 2 && at === n;
  const r = onSummary ? undefined : results[at];
  const summary = onSummary ? undefined : summaries[at];
  const Slide: AnyFamilyView['Slide'] | null = r ? viewsOfResult(r).Slide : null;
  return (
    <section className="class-mode" aria-labelledby="class-heading" aria-roledescription="slide show">
      <header className="class-top">
        <span className="class-count" aria-live="polite">
          {onSummary ? 'Summary' : `Test ${at + 1} of ${n}`}
        </span>
        <h2 id="class-heading" className="class-title">
          {onSummary ? `All ${n} tests` : r?.title}
        </h2>
      </header>
      {onSummary ? (
        forest.length > 0 ? (
          <Suspense fallback={<p>Loading chart…</p>}>
            <ForestPlot rows={forest} fileStem={`${run.data.probeId}_class`} large />
            {forest.length < n && <SummaryList results={results} summaries={summaries} />}
          </Suspense>
        ) : (
          <SummaryList results={results} summaries={summaries} />
        )
      ) : (
        r &&
        summary &&
        Slide && (
          <>
            <PlainLine summary={summary} />
            {technical && <TechnicalDetail summary={summary} />}
            <LazyBoundary what="slide">
              <Slide result={r} summary={summary} fileStem={`${run.data.probeId}_class_${r.probeId}`} technical={technical} />
            </LazyBoundary>
          </>
        )
      )}
      <nav className="class-nav" aria-label="Slides">
        <button type="button" className="big" onClick={() => setIndex(Math.max(0, at - 1))} disabled={at === 0} aria-label="Previous test">
          ← Previous
        </button>
        <button type="button" className="big" onClick={() => setIndex(Math.min(slides - 1, at + 1))} disabled={at >= slides - 1} aria-label="Next test">
          Next →
        </button>
        <button type="button" className="big secondary" aria-pressed={technical} onClick={() => setTechnical((t) => !t)} disabled={onSummary}>
          Technical detail
        </button>
        <button type="button" className="big secondary" onClick={() => setView('workbench')}>
          Exit class mode
        </button>
        <span className="class-hint">
          ← → slides · t technical detail · Esc leaves · {run.data.model.title}, seed {run.data.seed}
        </span>
      </nav>
    </section>
  );
}
