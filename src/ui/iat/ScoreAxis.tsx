// One number on its own horizontal axis, drawn in SVG (no chart library: the participant screen loads
// without recharts). The participant's D and the model's d each get one, side by side and never on a
// shared scale, because they measure different things (docs/methods/iat-d-score.md). Bands are
// drawn as tick labels and line styles, not colour alone, so they read without colour vision.
interface Props {
  /** "Your D", "Model's d". */
  label: string;
  value: number | null;
  /** The axis runs from −limit to +limit; a value beyond it sits at the end with an arrow. */
  limit: number;
  /** Thresholds marked by dashed ticks on both sides of 0 (e.g. 0.15, 0.35, 0.65). */
  ticks: readonly number[];
  /** Words under the two ends, e.g. ["faster with X + B", "faster with X + A"]. */
  ends: readonly [string, string];
  shown: string;
  colour: string;
}

const WIDTH = 320;
const PAD = 16;
const x = (v: number, limit: number) => PAD + ((Math.max(-limit, Math.min(limit, v)) + limit) / (2 * limit)) * (WIDTH - 2 * PAD);

export function ScoreAxis({ label, value, limit, ticks, ends, shown, colour }: Props) {
  const marks = [...ticks.map((t) => -t), 0, ...ticks].sort((a, b) => a - b);
  // Whole numbers label the axis; the thresholds are the dashed ticks, named in the text beside it.
  const numbers = Array.from({ length: 2 * Math.floor(limit) + 1 }, (_, i) => i - Math.floor(limit));
  const beyond = value !== null && Math.abs(value) > limit;
  return (
    <figure className="iat-axis">
      <figcaption>
        {label}: <output>{shown}</output>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} 56`} role="img" aria-label={`${label} ${shown} on an axis from −${limit} to ${limit}`}>
        <line x1={PAD} x2={WIDTH - PAD} y1={24} y2={24} stroke="#333" strokeWidth={2} />
        {marks.map((m) => (
          <line key={m} x1={x(m, limit)} x2={x(m, limit)} y1={m === 0 ? 12 : 18} y2={m === 0 ? 36 : 30} stroke="#333" strokeWidth={m === 0 ? 2 : 1} strokeDasharray={m === 0 ? undefined : '2 2'} />
        ))}
        {numbers.map((n) => (
          <text key={n} x={x(n, limit)} y={50} fontSize={10} textAnchor="middle" fill="#333">
            {n === 0 ? '0' : n < 0 ? `−${-n}` : n.toString()}
          </text>
        ))}
        {value !== null && (
          <g>
            <circle cx={x(value, limit)} cy={24} r={8} fill={colour} stroke="#000" strokeWidth={1.5} />
            {beyond && (
              <text x={x(value, limit)} y={10} fontSize={11} textAnchor="middle" fill="#000">
                {value > 0 ? '→' : '←'}
              </text>
            )}
          </g>
        )}
      </svg>
      <div className="iat-axis-ends" aria-hidden="true">
        <span>{ends[0]}</span>
        <span>{ends[1]}</span>
      </div>
    </figure>
  );
}
