// The inductive-bias lab's screens: the classes side by side (bits from the fit with its interval,
// the empirical cross-check, the fitted parameters) and the loss-tail chart; the slide is the same
// table in large type with the chart.
import { classBitsText, empiricalText } from '../../../probes/families/inductive-bias/summary';
import type { InductiveBiasResult } from '../../../probes/families/inductive-bias/run';
import { formatAdaptive } from '../../../probes/numberFormat';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { LossTailChart } from './LossTailChart';

function ClassTable({ result: r }: { result: InductiveBiasResult }) {
  return (
    <table className="compact ib-classes">
      <caption>
        Bits of inductive bias to reach test error ≤ {formatAdaptive(r.target)}, {r.hypotheses} random hypotheses per class
      </caption>
      <thead>
        <tr>
          <th scope="col">Model class</th>
          <th scope="col">Bits (fit)</th>
          <th scope="col">Interval (fit)</th>
          <th scope="col">Reached the target</th>
        </tr>
      </thead>
      <tbody>
        {r.classes.map((c, i) => (
          <tr key={i}>
            <th scope="row">{c.label}</th>
            <td data-testid={`ib-bits-${i}`}>{c.estimate.bits.toFixed(3)}</td>
            <td>{c.estimate.fitInterval ? `${c.estimate.fitInterval.low.toFixed(2)}–${c.estimate.fitInterval.high.toFixed(2)}` : '—'}</td>
            <td data-testid={`ib-reaching-${i}`}>
              {c.estimate.empirical.reaching} of {c.estimate.samples}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Body({ result, fileStem, chartsOpen }: FamilyBodyProps<InductiveBiasResult>) {
  const model = result.lossModel === 'normal' ? 'normal' : 'scaled non-central χ² (the paper’s)';
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Task</dt>
          <dd>
            {result.task.inputs}-input regression, {result.task.trainSize} training and {result.task.testSize} test points; seed {result.seed}; no model loaded
          </dd>
        </div>
        <div>
          <dt>Loss model</dt>
          <dd>{model}, fitted by maximum likelihood</dd>
        </div>
      </dl>
      <ClassTable result={result} />
      <ul className="ib-details">
        {result.classes.map((c, i) => (
          <li key={i}>
            {c.label}: {classBitsText(c)}; {empiricalText(c)}. Fitted {Object.entries(c.estimate.parameters).map(([k, v]) => `${k} ${formatAdaptive(v)}`).join(', ')}.
          </li>
        ))}
      </ul>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {result.title}</summary>
        <div className="chart-grid">
          <LossTailChart result={result} fileStem={fileStem} />
        </div>
      </details>
    </>
  );
}

export function Slide({ result, fileStem, technical }: FamilySlideProps<InductiveBiasResult>) {
  return (
    <>
      <LossTailChart result={result} fileStem={fileStem} large />
      <ClassTable result={result} />
      {technical && (
        <ul className="muted">
          {result.classes.map((c, i) => (
            <li key={i}>
              {c.label}: {classBitsText(c)}; {empiricalText(c)}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
