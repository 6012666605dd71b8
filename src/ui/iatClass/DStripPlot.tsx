// The class's D scores as a dot plot: one dot per participant on a horizontal D axis, dots within
// 0.05 of each other stacked upwards so none hides another, the class mean as a vertical line with its
// 95% interval as a band behind the dots, and 0 (no association) dashed. Plain SVG in real pixels (as
// charts/IntervalPlot.tsx) so class mode's large type is the size seen. Counted participants are filled
// black circles, fast responders (shown, not counted) hollow vermillion diamonds: shape and colour both
// carry the difference (Okabe–Ito). The numbers come from the class summary; nothing is computed here
// beyond where to draw.
import type { IatClassSummary } from '../../core/iat/classSummary';
import { NEUTRAL, OKABE_ITO } from '../charts/palette';
import { niceTicks, tickText } from '../charts/ticks';
import { useElementWidth } from '../charts/useElementWidth';

export interface StripDot {
  d: number;
  counted: boolean;
  label: string;
}

const BIN = 0.05;

export function DStripPlot({ dots, summary, large = false }: { dots: readonly StripDot[]; summary: IatClassSummary; large?: boolean }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const font = large ? (width < 600 ? 16 : 20) : 13;
  const r = large ? 8 : 6;
  const values = [0, ...dots.map((p) => p.d), ...(summary.ci?.low != null ? [summary.ci.low] : []), ...(summary.ci?.high != null ? [summary.ci.high] : [])];
  const span = Math.max(...values) - Math.min(...values);
  const pad = Math.max(0.1, span * 0.08);
  const lo = Math.min(...values) - pad;
  const hi = Math.max(...values) + pad;
  const left = 16;
  const right = width - 16;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  // Stack dots that fall in the same 0.05-wide bin.
  const heights = new Map<number, number>();
  const placed = [...dots]
    .sort((a, b) => a.d - b.d)
    .map((p) => {
      const bin = Math.round(p.d / BIN);
      const level = heights.get(bin) ?? 0;
      heights.set(bin, level + 1);
      return { ...p, level };
    });
  const levels = Math.max(1, ...heights.values());
  const step = r * 2 + 3;
  const top = font + 12;
  const plotH = Math.max(large ? 240 : 110, levels * step + 16);
  const base = top + plotH;
  const axisH = font * 2 + 22;
  const height = base + axisH;
  const ticks = niceTicks(lo, hi, width < 500 ? 4 : 8).filter((t) => t >= lo && t <= hi);
  const mean = summary.meanD;
  return (
    <div ref={ref} className="d-strip-plot">
      <svg width={width} height={height} role="img" aria-label="D of each participant, with the class mean and its 95% interval" fontSize={font}>
        {summary.ci && summary.ci.low !== null && summary.ci.high !== null && (
          <rect x={x(summary.ci.low)} y={top} width={Math.max(1, x(summary.ci.high) - x(summary.ci.low))} height={plotH} fill={OKABE_ITO.skyBlue} opacity={0.25} />
        )}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={base} y2={base + 6} stroke="#1b1f24" />
            <text x={x(t)} y={base + font + 8} textAnchor="middle" fill="#1b1f24">
              {tickText(t)}
            </text>
          </g>
        ))}
        <line x1={left} x2={right} y1={base} y2={base} stroke="#1b1f24" />
        <line x1={x(0)} x2={x(0)} y1={top} y2={base} stroke={NEUTRAL} strokeWidth={1.5} strokeDasharray="6 4" />
        {mean !== null && (
          <g>
            <line x1={x(mean)} x2={x(mean)} y1={top - 4} y2={base} stroke={OKABE_ITO.blue} strokeWidth={large ? 4 : 3} />
            <text x={x(mean)} y={top - 8} textAnchor={x(mean) > width * 0.7 ? 'end' : x(mean) < width * 0.3 ? 'start' : 'middle'} fill="#1b1f24" fontWeight={600}>
              mean {mean.toFixed(2)}
            </text>
          </g>
        )}
        {placed.map((p, i) => {
          const cx = x(p.d);
          const cy = base - 8 - r - p.level * step;
          return (
            <g key={i}>
              <title>{`${p.label}: D ${p.d.toFixed(3)}${p.counted ? '' : ' (fast responder, not counted)'}`}</title>
              {p.counted ? (
                <circle cx={cx} cy={cy} r={r} fill={OKABE_ITO.black} />
              ) : (
                <path d={`M${cx} ${cy - r - 1}L${cx + r + 1} ${cy}L${cx} ${cy + r + 1}L${cx - r - 1} ${cy}Z`} fill="#fff" stroke={OKABE_ITO.vermillion} strokeWidth={2.5} />
              )}
            </g>
          );
        })}
        <text x={(left + right) / 2} y={height - 6} textAnchor="middle" fill="#1b1f24">
          D (above 0: faster with X and A on one key)
        </text>
      </svg>
    </div>
  );
}
