// One result: d with its CI, p with method and N, set sizes after OOV, the OOV words, the
// plain-language reading, and (lazily) its charts.
import { lazy, Suspense } from 'react';
import type { AssociationResult, SetKey } from '../../core/association/types';
import { ciText, formatD, formatInt, formatP, plainReading, pMethodText } from '../../state/format';

const WordAssociationChart = lazy(() => import('../charts/WordAssociationChart'));
const NullHistogram = lazy(() => import('../charts/NullHistogram'));

const KEYS: SetKey[] = ['X', 'Y', 'A', 'B'];
const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(4));

export function ResultCard({ result, fileStem, chartsOpen }: { result: AssociationResult; fileStem: string; chartsOpen: boolean }) {
  const r = result;
  const oovCount = KEYS.reduce((n, k) => n + r.oov[k].length, 0);
  const stem = `${fileStem}_${r.probeId}`;
  return (
    <article className="result-card" aria-labelledby={`res-${r.probeId}`}>
      <header>
        <h3 id={`res-${r.probeId}`}>{r.title}</h3>
        <code className="muted">{r.probeId}</code>
      </header>
      <p className="reading">{plainReading(r)}</p>
      <dl className="stats">
        <div>
          <dt>Effect size d</dt>
          <dd>
            <output aria-label="Effect size d" data-value={String(r.effectSize)} className="big-number">
              {formatD(r.effectSize)}
            </output>
            <span className="muted"> ({r.sd === 'sample' ? 'sample SD, n − 1' : 'population SD, n'})</span>
          </dd>
        </div>
        <div>
          <dt>Confidence interval</dt>
          <dd>{r.ci ? `${ciText(r, 3)} (${r.ci.method}, ${formatInt(r.ci.resamples)} resamples)` : 'none (bootstrap off)'}</dd>
        </div>
        <div>
          <dt>p-value (one-sided)</dt>
          <dd>
            <output aria-label="p-value">{formatP(r.pValue)}</output> <span className="muted">({pMethodText(r)})</span>
            {r.pHolm !== null && (
              <span className="muted">
                {' '}
                · Holm {formatP(r.pHolm)} · BH {formatP(r.pBH)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Test statistic S</dt>
          <dd>{r.statistic.toFixed(4)}</dd>
        </div>
        <div>
          <dt>Sizes after OOV</dt>
          <dd>
            {KEYS.map((k) => (
              <span key={k} className="size">
                {r.labels[k]} ({k}): {r.sizes[k]}
              </span>
            ))}
          </dd>
        </div>
        {r.duplicates && KEYS.some((k) => r.duplicates![k].length) && (
          <div>
            <dt>Repeated words dropped</dt>
            <dd>
              {KEYS.filter((k) => r.duplicates![k].length).map((k) => (
                <span key={k} className="oov-line">
                  {k}: {r.duplicates![k].join(', ')}
                </span>
              ))}
            </dd>
          </div>
        )}
        <div>
          <dt>Out of vocabulary</dt>
          <dd>
            {oovCount === 0
              ? 'none'
              : KEYS.filter((k) => r.oov[k].length).map((k) => (
                  <span key={k} className="oov-line">
                    {k}: {r.oov[k].join(', ')}
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      {r.wefe && (
        <details className="wefe">
          <summary>Other metrics (WEFE) for {r.title.split(':')[0]}</summary>
          <table>
            <caption className="sr-only">WEFE metrics on the same vectors</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Value</th>
                <th scope="col">Reading</th>
              </tr>
            </thead>
            <tbody>
              <tr><th scope="row">RND (A)</th><td>{num(r.wefe.rnd.A)}</td><td>relative norm distance to {r.labels.A}; negative: closer to {r.labels.X}</td></tr>
              <tr><th scope="row">RND (B)</th><td>{num(r.wefe.rnd.B)}</td><td>relative norm distance to {r.labels.B}; negative: closer to {r.labels.X}</td></tr>
              <tr><th scope="row">RNSB</th><td>{num(r.wefe.rnsb)}</td><td>KL divergence of negative-sentiment probabilities from uniform (0 = unbiased)</td></tr>
              <tr><th scope="row">MAC (X)</th><td>{num(r.wefe.mac.X)}</td><td>mean cosine distance of {r.labels.X} to the attributes (1 = neutral)</td></tr>
              <tr><th scope="row">MAC (Y)</th><td>{num(r.wefe.mac.Y)}</td><td>mean cosine distance of {r.labels.Y} to the attributes (1 = neutral)</td></tr>
              <tr><th scope="row">ECT (A)</th><td>{num(r.wefe.ect.A)}</td><td>Spearman ρ of {r.labels.X} vs {r.labels.Y} similarities to {r.labels.A} (1 = no bias)</td></tr>
              <tr><th scope="row">ECT (B)</th><td>{num(r.wefe.ect.B)}</td><td>Spearman ρ of {r.labels.X} vs {r.labels.Y} similarities to {r.labels.B} (1 = no bias)</td></tr>
            </tbody>
          </table>
        </details>
      )}
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title.split(':')[0]}</summary>
        <Suspense fallback={<p className="muted">Loading charts…</p>}>
          <div className="chart-grid">
            <WordAssociationChart result={r} fileStem={stem} />
            <NullHistogram result={r} fileStem={stem} />
          </div>
        </Suspense>
      </details>
    </article>
  );
}
