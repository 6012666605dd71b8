// One point and its intervals per row on a shared horizontal axis: the forest plot of a batch, a
// decision template's contrasts, a counterfactual probe's categories, a prompt family's mean. Drawn
// as plain SVG in real pixels (no viewBox scaling) so that the font size set here is the size seen —
// class mode asks for ≥ 20 px text at 1024×768 — and so an unbounded interval side can be drawn
// honestly: the whisker runs to the axis edge and ends in an arrow. The thick whisker is the test's
// interval (the one that agrees with p); the thin dashed one below it the stimulus-robust interval.
// Markers carry the verdict by shape as well as fill (filled circle, hollow circle, hollow diamond).
import { intervalDomain, type IntervalRow, type Verdict } from './intervalRows';
import { NEUTRAL, OKABE_ITO } from './palette';
import { niceTicks, tickText } from './ticks';
import { useElementWidth } from './useElementWidth';

const TEST_COLOUR = OKABE_ITO.blue;
const ROBUST_COLOUR = OKABE_ITO.vermillion;

/**
 * A row's label. Test titles ("WEAT 1: Flowers vs insects × …") show their short name on a card
 * (`shortNames`) and both parts, on two lines, in class mode, where names are read aloud.
 */
const labelLines = (name: string, large: boolean, shortNames: boolean): string[] => {
  const [head, ...rest] = name.split(':');
  const tail = rest.join(':').trim();
  if (!tail) return [name];
  return large ? [head!.trim(), tail] : shortNames ? [head!.trim()] : [name];
};

const fit = (text: string, chars: number): string => (text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`);

function Marker({ x, y, r, verdict }: { x: number; y: number; r: number; verdict: Verdict }) {
  if (verdict === 'none') {
    return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`} fill="#fff" stroke={OKABE_ITO.black} strokeWidth={2} />;
  }
  return <circle cx={x} cy={y} r={r} fill={verdict === 'significant' ? OKABE_ITO.black : '#fff'} stroke={OKABE_ITO.black} strokeWidth={2} />;
}

function Whisker({ low, high, y, lo, hi, x, colour, width, dash, cap }: { low: number; high: number; y: number; lo: number; hi: number; x: (v: number) => number; colour: string; width: number; dash?: string; cap: number }) {
  const x1 = x(Math.max(low, lo));
  const x2 = x(Math.min(high, hi));
  const openLeft = low < lo;
  const openRight = high > hi;
  const a = cap + 2;
  return (
    <g stroke={colour} fill={colour}>
      <line x1={x1} x2={x2} y1={y} y2={y} strokeWidth={width} strokeDasharray={dash} />
      {openLeft ? <path d={`M${x1} ${y}l${a * 1.4} ${-a}v${2 * a}Z`} stroke="none" /> : <line x1={x1} x2={x1} y1={y - cap} y2={y + cap} strokeWidth={Math.max(1.5, width - 1)} />}
      {openRight ? <path d={`M${x2} ${y}l${-a * 1.4} ${-a}v${2 * a}Z`} stroke="none" /> : <line x1={x2} x2={x2} y1={y - cap} y2={y + cap} strokeWidth={Math.max(1.5, width - 1)} />}
    </g>
  );
}

export interface IntervalPlotProps {
  rows: readonly IntervalRow[];
  /** What the axis measures, e.g. "Effect size d". */
  axisLabel: string;
  /** The value the tests' null hypothesis names (0 for a difference, 0.5 for a proportion): a dashed line. */
  nullValue?: number;
  /** Values the axis must show beside the data (e.g. 0 and 1 for a proportion). */
  include?: readonly number[];
  large?: boolean;
  /** Label rows by the part of their name before the colon (test titles) outside class mode. */
  shortNames?: boolean;
}

export function IntervalPlot({ rows, axisLabel, nullValue = 0, include = [], large = false, shortNames = false }: IntervalPlotProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const font = large ? (width < 600 ? 16 : 20) : 12;
  const lines = rows.map((r) => labelLines(r.name, large, shortNames));
  const twoLines = lines.some((l) => l.length > 1);
  const rowH = twoLines ? font * 2 + 4 : large ? font * 2 : 28;
  const longest = Math.max(4, ...lines.flat().map((s) => s.length));
  const labelW = Math.min(width * (large ? 0.52 : 0.3), longest * font * 0.56 + 12);
  const chars = Math.floor((labelW - 12) / (font * 0.54));
  const top = 8;
  const axisH = font * 2 + 20;
  const height = top + rows.length * rowH + axisH;
  const [lo, hi] = intervalDomain(rows, [nullValue, ...include]);
  const left = labelW + 8;
  const right = width - 16;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  const ticks = niceTicks(lo, hi, width < 500 ? 4 : 7).filter((t) => t >= lo && t <= hi);
  const cap = large ? 7 : 5;
  const hasRobust = rows.some((r) => r.robust);
  return (
    <div ref={ref} className="interval-plot">
      <svg width={width} height={height} role="img" aria-label={`${axisLabel} with intervals`} fontSize={font}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top} y2={top + rows.length * rowH} stroke="#d5d9e0" strokeDasharray="3 3" />
            <text x={x(t)} y={top + rows.length * rowH + font + 6} textAnchor="middle" fill="#1b1f24" fontSize={font}>
              {tickText(t)}
            </text>
          </g>
        ))}
        <line x1={x(nullValue)} x2={x(nullValue)} y1={top} y2={top + rows.length * rowH} stroke={NEUTRAL} strokeWidth={1.5} strokeDasharray="6 4" />
        <line x1={left} x2={right} y1={top + rows.length * rowH} y2={top + rows.length * rowH} stroke="#1b1f24" />
        <text x={(left + right) / 2} y={height - 6} textAnchor="middle" fill="#1b1f24" fontSize={font}>
          {axisLabel}
        </text>
        {rows.map((r, i) => {
          const y = top + i * rowH + rowH / 2 - (r.robust ? cap / 2 : 0);
          const ls = lines[i]!;
          return (
            <g key={`${r.name}-${i}`}>
              <title>{r.name}</title>
              {ls.length > 1 ? (
                <text x={labelW} textAnchor="end" fill="#1b1f24" fontSize={font}>
                  <tspan x={labelW} y={top + i * rowH + rowH / 2 - 4} fontWeight={600}>
                    {fit(ls[0]!, chars)}
                  </tspan>
                  <tspan x={labelW} y={top + i * rowH + rowH / 2 + font - 4}>
                    {fit(ls[1]!, chars)}
                  </tspan>
                </text>
              ) : (
                <text x={labelW} y={top + i * rowH + rowH / 2 + font * 0.35} textAnchor="end" fill="#1b1f24" fontSize={font}>
                  {fit(ls[0]!, chars)}
                </text>
              )}
              {r.ci && <Whisker {...r.ci} y={y} lo={lo} hi={hi} x={x} colour={TEST_COLOUR} width={large ? 5 : 3} cap={cap} />}
              {r.robust && <Whisker {...r.robust} y={y + cap + 3} lo={lo} hi={hi} x={x} colour={ROBUST_COLOUR} width={large ? 2.5 : 1.5} dash="5 3" cap={cap - 2} />}
              {Number.isFinite(r.value) && <Marker x={x(r.value)} y={y} r={large ? 8 : 5} verdict={r.verdict} />}
            </g>
          );
        })}
      </svg>
      <p className="chart-legend" style={{ fontSize: font }}>
        <span>
          <svg width={font * 1.6} height={font} aria-hidden="true">
            <line x1={1} x2={font * 1.6 - 1} y1={font / 2} y2={font / 2} stroke={TEST_COLOUR} strokeWidth={large ? 5 : 3} />
          </svg>{' '}
          interval of the test
        </span>
        {hasRobust && (
          <span>
            <svg width={font * 1.6} height={font} aria-hidden="true">
              <line x1={1} x2={font * 1.6 - 1} y1={font / 2} y2={font / 2} stroke={ROBUST_COLOUR} strokeWidth={2} strokeDasharray="5 3" />
            </svg>{' '}
            stimulus-robust interval
          </span>
        )}
        <span>● significant</span>
        <span>○ not significant</span>
        {rows.some((r) => r.verdict === 'none') && <span>◇ no test</span>}
        {rows.some((r) => r.ci && (!Number.isFinite(r.ci.low) || !Number.isFinite(r.ci.high))) && <span>▸ unbounded side</span>}
      </p>
    </div>
  );
}
