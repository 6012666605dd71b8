// The body of a word-vector association card (WEAT and SEAT share it): how d and p were computed
// (SD convention, CI method, exact or Monte Carlo p, the batch's Holm and BH p), the statistic S,
// set sizes after out-of-vocabulary words were dropped and which were dropped, WEFE's other
// metrics, and the word and null-distribution charts.
import type { AssociationResult, SetKey } from '../../../core/association/types';
import { formatInt, formatP, pMethodText } from '../../../probes/numberFormat';
import type { FamilyBodyProps } from '../types';
import { NullHistogram } from './NullHistogram';
import { WordAssociationChart } from './WordAssociationChart';

const KEYS: SetKey[] = ['X', 'Y', 'A', 'B'];
const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(4));

function WefeTable({ r }: { r: AssociationResult }) {
  if (!r.wefe) return null;
  return (
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
  );
}

export function WordVectorBody({ result: r, summary, fileStem, chartsOpen }: FamilyBodyProps<AssociationResult>) {
  const anyOov = KEYS.some((k) => r.oov[k].length > 0);
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Standard deviation of d</dt>
          <dd>{r.sd === 'sample' ? 'sample SD, n − 1' : 'population SD, n'}</dd>
        </div>
        <div>
          <dt>Robust interval method</dt>
          <dd>{r.ci ? `bootstrap (${r.ci.method}), ${formatInt(r.ci.resamples)} resamples` : 'none (bootstrap off)'}</dd>
        </div>
        <div>
          <dt>p-value method</dt>
          <dd>
            one-sided, {pMethodText(r)}
            {r.pHolm !== null && r.pBH !== null && (
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
            {anyOov
              ? KEYS.filter((k) => r.oov[k].length).map((k) => (
                  <span key={k} className="oov-line">
                    {k}: {r.oov[k].join(', ')}
                  </span>
                ))
              : 'none'}
          </dd>
        </div>
      </dl>
      <WefeTable r={r} />
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title.split(':')[0]}</summary>
        <div className="chart-grid">
          <WordAssociationChart result={r} groups={summary.groups ?? []} fileStem={fileStem} />
          <NullHistogram result={r} fileStem={fileStem} />
        </div>
      </details>
    </>
  );
}
