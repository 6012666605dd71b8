// The inductive-bias chart: each class's sampled test losses as points against their empirical bits
// −log₂(fraction ≤ loss), the fitted model's curve −log₂ F̂(loss) through them, and the target ε as a
// vertical line, on a log loss axis. Where a curve crosses the target line is the class's estimate.
// Classes differ by marker shape and dash as well as colour (Okabe–Ito). The points come from the
// family (probes/families/inductive-bias/lossCurves.ts); nothing is computed here.
import { CartesianGrid, Legend, Line, ReferenceLine, ResponsiveContainer, Scatter, ComposedChart, XAxis, YAxis } from 'recharts';
import { formatAdaptive } from '../../../probes/numberFormat';
import { lossCurvePoints } from '../../../probes/families/inductive-bias/lossCurves';
import { kindName } from '../../../probes/families/inductive-bias/summary';
import type { InductiveBiasResult } from '../../../probes/families/inductive-bias/run';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';

const COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];
const SHAPES = ['circle', 'triangle', 'square', 'diamond'] as const;
const DASHES = [undefined, '6 3', '2 2', '8 3 2 3'];

export function LossTailChart({ result: r, fileStem, large }: { result: InductiveBiasResult; fileStem: string; large?: boolean }) {
  const font = large ? 18 : 11;
  const curves = r.classes.map((c) => ({ c, ...lossCurvePoints(c, r.target) }));
  const allLosses = curves.flatMap((k) => [...k.empirical.map((p) => p.loss), ...k.fitted.map((p) => p.loss)]).filter((v) => v > 0);
  // Whole decades, ticked at each power of ten.
  const lo = 10 ** Math.floor(Math.log10(Math.min(r.target, ...allLosses)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(r.target, ...allLosses)));
  const ticks = Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, k) => lo * 10 ** k);
  const summary = `Test losses of ${r.hypotheses} random hypotheses per class against −log₂ of the fraction at or below each loss, with each class's fitted curve; the target test error ${formatAdaptive(r.target)} is marked. ${r.classes.map((c) => `${c.label}: ${c.estimate.bits.toFixed(2)} bits at the target`).join('; ')}.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Test-loss tail and fit: ${r.title}`} summary={summary} fileStem={`${fileStem}_loss-tail`} large={large}>
        <ResponsiveContainer width="100%" height={large ? 300 : 250}>
          <ComposedChart margin={{ top: 12, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={NEUTRAL} strokeOpacity={0.3} />
            <XAxis type="number" dataKey="loss" scale="log" domain={[lo, hi]} ticks={ticks} allowDataOverflow tickFormatter={(v: number) => (v >= 0.001 && v < 1000 ? String(Number(v.toPrecision(1))) : v.toExponential(0))} tick={{ fontSize: font }} label={{ value: 'test loss (MSE, log scale)', position: 'insideBottom', offset: -14, fontSize: font }} />
            <YAxis type="number" dataKey="bits" domain={[0, 'auto']} tick={{ fontSize: font }} width={44} label={{ value: 'bits', angle: -90, position: 'insideLeft', fontSize: font }} />
            <ReferenceLine x={r.target} stroke={NEUTRAL} strokeWidth={2} strokeDasharray="4 4" label={{ value: `target ${formatAdaptive(r.target)}`, position: 'insideTopRight', fontSize: font, fill: NEUTRAL }} />
            {curves.map((k, i) => (
              <Scatter key={`s${i}`} name={`${kindName(k.c)}: samples`} data={k.empirical} fill={COLOURS[i % 4]} shape={SHAPES[i % 4]} isAnimationActive={false} />
            ))}
            {curves.map((k, i) => (
              <Line key={`l${i}`} name={`${kindName(k.c)}: fit`} data={k.fitted} dataKey="bits" type="monotone" stroke={COLOURS[i % 4]} strokeWidth={2} strokeDasharray={DASHES[i % 4]} dot={false} isAnimationActive={false} />
            ))}
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: large ? 16 : font, paddingBottom: 4 }} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: 'Fitted −log₂ F̂(loss) per class on the plotted grid',
          columns: ['Class', 'Loss', 'Bits (fit)'],
          rows: curves.flatMap((k) => k.fitted.map((p) => [k.c.label, p.loss.toPrecision(4), p.bits.toFixed(3)])),
        }}
      />
    </div>
  );
}
