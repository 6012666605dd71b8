// One result, whatever its family: title and family, the headline number with the interval of its
// test beside p (one-sided or unbounded sides printed as such, never clipped to a number), the
// stimulus-robust interval on a second line named by what it resamples, the sentence saying why
// the two disagree when they do, the significance statement of the one rule and the plain-language
// reading — all from the family's summary — then the family's own body (charts, tables) from the UI
// registry, loaded lazily.
import type { FamilySummary } from '../../probes/families/types';
import { formatP, intervalText } from '../../probes/numberFormat';
import { familyTitleOf, viewsOfResult } from '../families';
import type { AnyResult } from '../families/types';
import { LazyBoundary } from './LazyBoundary';
import '../../styles/charts.css';

export function ResultCard({ result, summary, fileStem, chartsOpen }: { result: AnyResult; summary: FamilySummary; fileStem: string; chartsOpen: boolean }) {
  const h = summary.headline;
  const { Body } = viewsOfResult(result);
  return (
    <article className="result-card" aria-labelledby={`res-${result.probeId}`}>
      <header>
        <h3 id={`res-${result.probeId}`}>{result.title}</h3>
        <code className="muted">{result.probeId}</code> <span className="pill">{familyTitleOf(result.kind)}</span>
      </header>
      {h.noResult !== undefined && (
        <p className="no-result" role="status">
          {h.noResult}.
        </p>
      )}
      <p className="reading">{summary.reading}</p>
      {h.noResult === undefined && (
        <dl className="stats">
          <div>
            <dt>{h.label}</dt>
            <dd>
              <output aria-label="Headline metric" data-value={String(h.value)} className="big-number">
                {h.shown}
              </output>
            </dd>
          </div>
          <div>
            <dt>Confidence interval</dt>
            <dd>
              {h.ci ? <output aria-label="Interval of the test">{intervalText(h.ci, 3)}</output> : 'not applicable'}
              {h.ci?.method && <span className="muted small-text"> ({h.ci.method})</span>}
            </dd>
          </div>
          {h.robustCi && (
            <div>
              <dt>Stimulus-robust interval</dt>
              <dd>
                <output aria-label="Stimulus-robust interval">{intervalText(h.robustCi, 3)}</output>
                <span className="muted small-text"> resampling {h.robustCi.resampled}</span>
              </dd>
            </div>
          )}
          <div>
            <dt>{h.pLabel}</dt>
            <dd>
              <output aria-label="p-value">{formatP(h.p)}</output>
            </dd>
          </div>
          {h.answers !== undefined && (
            <div>
              <dt>Answers</dt>
              <dd>
                <output aria-label="Answers parsed">{h.answers}</output>
              </dd>
            </div>
          )}
          <div>
            <dt>Significance</dt>
            <dd className="significance">{summary.significance ? summary.significance.statement : 'No test: a descriptive number.'}</dd>
          </div>
        </dl>
      )}
      {h.noResult === undefined && h.intervalNote && (
        <p className="interval-note" role="note">
          {h.intervalNote}
        </p>
      )}
      <LazyBoundary what={`charts of ${result.title}`}>
        <Body result={result} summary={summary} fileStem={`${fileStem}_${result.probeId}`} chartsOpen={chartsOpen} />
      </LazyBoundary>
    </article>
  );
}
