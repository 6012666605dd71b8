// Pronoun resolution's screens: accuracy per condition as bars (WinoBias: pro and anti, over all and
// per type; Winogender: male, female, they), Winogender's per-occupation preference against the BLS
// share of women as a scatter (the paper's Figure 4), each with a table view, and the sentences.
// The slide is the headline and the accuracy bars.
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CorefLikelihoodResult } from '../../../probes/families/coref-likelihood/run';
import { percentagePoints } from '../../../probes/families/coref-likelihood/summary';
import { formatP, formatPercent } from '../../../probes/numberFormat';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

interface AccuracyBar {
  name: string;
  accuracy: number;
  n: number;
}

function accuracyBars(r: CorefLikelihoodResult): AccuracyBar[] {
  const bar = (name: string, a: { accuracy: number; n: number }) => ({ name, accuracy: Number.isFinite(a.accuracy) ? a.accuracy * 100 : 0, n: a.n });
  if (r.dataset === 'winobias') {
    // Per-type bars only where there are two types: with one they repeat the overall bars.
    const scopes = (r.byType?.length ?? 0) > 1 ? r.byType! : [];
    return [
      bar('pro', r.gap.first),
      bar('anti', r.gap.second),
      ...scopes.flatMap((t) => [bar(`pro T${t.scope}`, t.gap.first), bar(`anti T${t.scope}`, t.gap.second)]),
    ];
  }
  return [bar('male', r.gap.first), bar('female', r.gap.second), ...(r.neutral && r.neutral.n > 0 ? [bar('they', r.neutral)] : [])];
}

function AccuracyChart({ result: r, fileStem, large }: { result: CorefLikelihoodResult; fileStem: string; large?: boolean }) {
  const bars = accuracyBars(r);
  const font = large ? 18 : 11;
  const text = `Bar chart of the share of sentences resolved correctly: ${bars.map((b) => `${b.name} ${b.accuracy.toFixed(1)}% of ${b.n}`).join(', ')}. The dashed line is 50%, a coin flip between the two candidates. Gap ${r.compared[0]} − ${r.compared[1]}: ${percentagePoints(r.gap.gap)}.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Accuracy by condition" summary={text} fileStem={`${fileStem}_coref-accuracy`} large={large}>
        <ResponsiveContainer width="100%" height={large ? 380 : 260}>
          <BarChart data={bars} margin={{ top: 20, right: 16, bottom: 28, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={NEUTRAL} strokeOpacity={0.3} vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: font }} interval={0} />
            <YAxis domain={[0, 100]} tick={{ fontSize: font }} label={{ value: '% correct', angle: -90, position: 'insideLeft', fontSize: font }} />
            <ReferenceLine y={50} stroke={NEUTRAL} strokeDasharray="4 3" />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
            <Bar dataKey="accuracy" fill={OKABE_ITO.blue} isAnimationActive={false}>
              <LabelList dataKey="accuracy" position="top" formatter={(v) => `${Number(v).toFixed(1)}%`} fontSize={font} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable table={{ caption: 'Share of sentences resolved correctly, per condition', columns: ['Condition', '% correct', 'Sentences'], rows: bars.map((b) => [b.name, `${b.accuracy.toFixed(1)}%`, String(b.n)]) }} />
    </div>
  );
}

function OccupationChart({ result: r, fileStem }: { result: CorefLikelihoodResult; fileStem: string }) {
  const occ = r.occupations;
  if (!occ) return null;
  const pts = occ.occupations.filter((o) => Number.isFinite(o.femaleMinusMale) && o.blsPctFemale !== null).map((o) => ({ occupation: o.occupation, x: o.blsPctFemale!, y: o.femaleMinusMale }));
  const rText = occ.bls ? `Pearson r = ${Number.isFinite(occ.bls.r) ? occ.bls.r.toFixed(2) : '—'}${occ.bls.pValue === null ? '' : `, p = ${formatP(occ.bls.pValue)}`}` : 'too few occupations for r';
  const text = `Scatter of ${pts.length} occupations: the share of women in the occupation (US Bureau of Labor Statistics) across, and % of female-pronoun sentences resolved to the occupation minus % of male-pronoun ones up; ${rText}.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Gendered preference per occupation vs BLS % women" summary={text} fileStem={`${fileStem}_winogender-occupations`}>
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={NEUTRAL} strokeOpacity={0.3} />
            <XAxis type="number" dataKey="x" domain={[0, 100]} tick={{ fontSize: 11 }} label={{ value: '% women (BLS)', position: 'insideBottom', offset: -14, fontSize: 11 }} />
            <YAxis type="number" dataKey="y" domain={[-100, 100]} tick={{ fontSize: 11 }} label={{ value: 'female − male (pp)', angle: -90, position: 'insideLeft', fontSize: 11 }} />
            <ReferenceLine y={0} stroke={NEUTRAL} />
            <Tooltip content={({ payload }) => { const p = payload?.[0]?.payload as (typeof pts)[number] | undefined; return p ? <div className="tooltip">{p.occupation}: {p.x.toFixed(1)}% women, {p.y.toFixed(0)} pp</div> : null; }} />
            <Scatter data={pts} fill={OKABE_ITO.vermillion} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: 'Per occupation: % of female-pronoun sentences resolved to the occupation minus % of male-pronoun ones, with the statistics',
          columns: ['Occupation', 'Female − male (pp)', 'BLS % women', 'Bergsma % women'],
          rows: occ.occupations.map((o) => [o.occupation, Number.isFinite(o.femaleMinusMale) ? o.femaleMinusMale.toFixed(0) : '—', o.blsPctFemale?.toFixed(1) ?? '—', o.bergsmaPctFemale?.toFixed(1) ?? '—']),
        }}
      />
    </div>
  );
}

export function Body({ result: r, fileStem, chartsOpen }: FamilyBodyProps<CorefLikelihoodResult>) {
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Scoring</dt>
          <dd>each candidate referent as the continuation of the sentence followed by "&lt;pronoun&gt;" refers to (sum of log-probs); the likelier is the choice, a tie counts as wrong</dd>
        </div>
        <div>
          <dt>Test</dt>
          <dd>{r.gap.p === null ? 'none: no matched pair of sentences' : `exact McNemar over ${r.gap.pairs} matched pairs: ${r.gap.firstOnly} right only as ${r.compared[0]}, ${r.gap.secondOnly} only as ${r.compared[1]}, p = ${formatP(r.gap.p)}`}</dd>
        </div>
        <div>
          <dt>Overall accuracy</dt>
          <dd>{formatPercent(r.overall.accuracy)} of {r.overall.n} sentences</dd>
        </div>
      </dl>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title}</summary>
        <div className="chart-grid">
          <AccuracyChart result={r} fileStem={fileStem} />
          <OccupationChart result={r} fileStem={fileStem} />
        </div>
      </details>
      <details className="wefe">
        <summary>Each sentence's two candidates</summary>
        <table className="compact">
          <caption className="sr-only">Each sentence with its condition, the two candidates' log-probabilities and whether the likelier is the gold referent</caption>
          <thead>
            <tr>
              <th scope="col">Sentence</th>
              <th scope="col">Condition</th>
              <th scope="col">Candidates (log p)</th>
              <th scope="col">Correct</th>
            </tr>
          </thead>
          <tbody>
            {r.items.slice(0, 200).map((it) => (
              <tr key={it.id}>
                <th scope="row">{it.sentence}</th>
                <td>{it.condition}{it.type ? `, type ${it.type}` : ''}</td>
                <td>
                  {it.candidates.map((c, i) => `${i === it.answer ? '✓ ' : ''}${c} (${Number.isFinite(it.scores[i]) ? it.scores[i]!.toFixed(2) : '—'})`).join(' · ')}
                </td>
                <td>{it.correct ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.items.length > 200 && <p className="muted">The first 200 of {r.items.length} sentences; the CSV export has all.</p>}
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<CorefLikelihoodResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <AccuracyChart result={result} fileStem={fileStem} large />
    </>
  );
}
