// RIPA's screens: how p and the intervals were computed, set sizes, dropped words and pairs, each
// pair's own difference (RIPA depends on the pair chosen, so the card shows it), and the word chart;
// the slide is the headline and the word chart.
import type { RipaResult } from '../../../core/association/ripa';
import { formatInt, formatP, pMethodText } from '../../../probes/numberFormat';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { VocabularyRows } from '../shared/VocabularyRows';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { RipaWordChart } from './RipaWordChart';

const KEYS = ['X', 'Y'] as const;

export function Body({ result: r, summary, fileStem, chartsOpen }: FamilyBodyProps<RipaResult>) {
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Relation</dt>
          <dd>
            from {r.labels.second} to {r.labels.first}, {r.pairs.length} pair{r.pairs.length === 1 ? '' : 's'} (unit difference vectors, averaged as WEFE does)
          </dd>
        </div>
        <div>
          <dt>p-value method</dt>
          <dd>
            one-sided permutation over the target words, {pMethodText(r)}
            {r.pHolm !== null && r.pBH !== null && (
              <span className="muted">
                {' '}
                · Holm {formatP(r.pHolm)} · BH {formatP(r.pBH)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Robust interval method</dt>
          <dd>{r.robustCi ? `bootstrap (${r.robustCi.method}) over ${r.robustCi.resampled}, ${formatInt(r.robustCi.resamples)} resamples` : 'none (one pair, or bootstrap off)'}</dd>
        </div>
        <VocabularyRows keys={KEYS} labels={r.labels} sizes={r.sizes} oov={r.oov} />
        {r.droppedPairs.length > 0 && (
          <div>
            <dt>Pairs dropped</dt>
            <dd>
              {r.droppedPairs.map((p) => (
                <span key={`${p.first}/${p.second}`} className="oov-line">
                  {p.first}/{p.second}: {p.reason}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title.split(':')[0]}</summary>
        <div className="chart-grid">
          <RipaWordChart result={r} groups={summary.groups ?? []} fileStem={fileStem} />
        </div>
      </details>
      <details className="wefe">
        <summary>Each pair's own difference</summary>
        <table className="compact">
          <caption className="sr-only">
            Mean RIPA of {r.labels.X} minus that of {r.labels.Y}, along each attribute pair alone
          </caption>
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col">
                {r.labels.X} − {r.labels.Y}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.pairs.map((p) => (
              <tr key={`${p.first}/${p.second}`}>
                <th scope="row">
                  {p.first} − {p.second}
                </th>
                <td>{p.difference.toFixed(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem, technical }: FamilySlideProps<RipaResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      {technical && <p className="muted">p: one-sided permutation over the target words, {pMethodText(result)}</p>}
      <RipaWordChart result={result} groups={summary.groups ?? []} fileStem={fileStem} large />
    </>
  );
}
