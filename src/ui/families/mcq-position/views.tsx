// Multiple-choice position swaps' screens: the position × option heatmap, the recall spread (RStd)
// and PriDe prior core computed, and the items; the slide is the headline and the heatmap.
import type { McqPositionResult } from '../../../core/lmRun/types';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { positionOptionMatrix } from './positionOptionMatrix';

function PositionHeatmap({ result, fileStem, large }: { result: McqPositionResult; fileStem: string; large?: boolean }) {
  const { chosen, shown } = positionOptionMatrix(result);
  const k = result.options;
  const rateOf = (p: number, o: number) => (shown[p]![o]! ? chosen[p]![o]! / shown[p]![o]! : 0);
  const summary = `How often each option (by its canonical letter) was chosen when shown at each position, over ${result.presentations} presentations of ${result.questions} questions. Choice rate by position: ${result.choiceRate.map((x, i) => `${result.labels[i]} ${(x * 100).toFixed(1)}%`).join(', ')}.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Position × option heatmap" summary={summary} fileStem={`${fileStem}_heatmap`} large={large}>
        <div className="table-wide">
          <table className="heatmap" style={large ? { fontSize: 20 } : undefined}>
            <thead>
              <tr>
                <th scope="col">shown at ↓ / option →</th>
                {Array.from({ length: k }, (_, o) => (
                  <th key={o} scope="col">
                    option {o + 1}
                  </th>
                ))}
                <th scope="col">choice rate</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: k }, (_, p) => (
                <tr key={p}>
                  <th scope="row">position {result.labels[p]}</th>
                  {Array.from({ length: k }, (_, o) => {
                    const rate = rateOf(p, o);
                    return (
                      <td key={o} style={{ background: `rgba(31, 59, 90, ${rate.toFixed(3)})`, color: rate > 0.5 ? '#fff' : '#111' }}>
                        {(rate * 100).toFixed(0)}%
                      </td>
                    );
                  })}
                  <td>{((result.choiceRate[p] ?? 0) * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: 'Share of presentations in which the option shown at each position was chosen',
          columns: ['Shown at', ...Array.from({ length: k }, (_, o) => `option ${o + 1}`), 'choice rate'],
          rows: Array.from({ length: k }, (_, p) => [`position ${result.labels[p]}`, ...Array.from({ length: k }, (_, o) => `${(rateOf(p, o) * 100).toFixed(0)}%`), `${((result.choiceRate[p] ?? 0) * 100).toFixed(1)}%`]),
        }}
      />
    </div>
  );
}

export function Body({ result, fileStem }: FamilyBodyProps<McqPositionResult>) {
  return (
    <>
      <PositionHeatmap result={result} fileStem={fileStem} />
      <p className="muted small-text">
        RStd of per-position recall: {result.recall ? result.recall.rstd.toFixed(2) : '—'} (accuracy {result.recall ? `${(result.recall.accuracy * 100).toFixed(1)}%` : '—'}) · PriDe prior over positions:{' '}
        {result.pridePrior.map((x, i) => `${result.labels[i]} ${x.toFixed(3)}`).join(', ')} · after debiasing, RStd {result.debiasedRecall ? result.debiasedRecall.rstd.toFixed(2) : '—'}.
      </p>
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<McqPositionResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <PositionHeatmap result={result} fileStem={fileStem} large />
    </>
  );
}
