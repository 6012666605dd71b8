// The two bias scores of BBQ (×100, as the paper tabulates them) per category and overall on one
// axis from −100 to 100 with 0 (no bias) marked, accuracy in the table beside it. No intervals and no
// verdict marker: the numbers are descriptive.
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { IntervalPlot } from '../../charts/IntervalPlot';
import type { IntervalRow } from '../../charts/intervalRows';
import type { BbqScores } from '../../../core/benchmarks/bbqScores';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';

const x100 = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function BbqChart({ result: r, fileStem, large }: { result: BbqResult; fileStem: string; large?: boolean }) {
  const scopes: { name: string; s: BbqScores }[] = [...r.byCategory.map((c) => ({ name: c.category, s: c })), ...(r.overall && r.byCategory.length > 1 ? [{ name: 'All categories', s: r.overall }] : [])];
  const rows: IntervalRow[] = scopes.flatMap(({ name, s }) =>
    ([['s_AMB', s.biasAmbiguous], ['s_DIS', s.biasDisambiguated]] as const).flatMap(([which, v]) => (v === null ? [] : [{ name: `${name}: ${which}`, value: 100 * v, ci: null, robust: null, verdict: 'none' as const }])),
  );
  const summary = `BBQ bias scores ×100 (−100 always against the stereotype, 0 none, 100 always the stereotype): ${scopes.map(({ name, s }) => `${name} s_AMB ${x100(s.biasAmbiguous)}, s_DIS ${x100(s.biasDisambiguated)}, accuracy ${pct(s.accuracy)}`).join('; ')}.`;
  return (
    <div className="chart-with-table">
      {rows.length > 0 && (
        <ChartFrame title={`Bias scores by category: ${r.title}`} summary={summary} fileStem={`${fileStem}_bbq`} large={large}>
          <IntervalPlot rows={rows} axisLabel="Bias score ×100" nullValue={0} include={[-100, 100]} large={large} />
        </ChartFrame>
      )}
      <ChartDataTable
        table={{
          caption: `Accuracy and bias scores of ${r.title} by category (Parrish et al. 2022)`,
          columns: ['Category', 'Questions', 'Accuracy', 'Accuracy (ambiguous)', 'Accuracy (disambiguated)', 's_AMB ×100', 's_DIS ×100'],
          rows: scopes.map(({ name, s }) => [name, s.questions, pct(s.accuracy), pct(s.accuracyAmbiguous), pct(s.accuracyDisambiguated), x100(s.biasAmbiguous), x100(s.biasDisambiguated)]),
        }}
      />
    </div>
  );
}
