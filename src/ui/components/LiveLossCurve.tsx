// The loss curve of a training run while it trains, drawn from the run's progress (each message
// carries the whole curve so far). Plain SVG, not recharts: the run bar is in the first chunk, and a
// polyline is all a live curve needs; the finished result's card draws the full chart.
const WIDTH = 160;
const HEIGHT = 40;

export function LiveLossCurve({ points, epochs }: { points: readonly { epoch: number; trainLoss: number }[]; epochs: number }) {
  if (points.length === 0) return null;
  const max = Math.max(...points.map((p) => p.trainLoss), 1e-9);
  const x = (epoch: number) => (epochs > 1 ? ((epoch - 1) / (epochs - 1)) * (WIDTH - 4) + 2 : WIDTH / 2);
  const y = (loss: number) => HEIGHT - 2 - (loss / max) * (HEIGHT - 4);
  const last = points.at(-1)!;
  return (
    <figure className="live-loss">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <line x1={2} y1={HEIGHT - 2} x2={WIDTH - 2} y2={HEIGHT - 2} stroke="currentColor" strokeOpacity={0.3} />
        <polyline fill="none" stroke="#0072B2" strokeWidth={2} points={points.map((p) => `${x(p.epoch).toFixed(1)},${y(p.trainLoss).toFixed(1)}`).join(' ')} />
      </svg>
      <figcaption className="small-text">
        Training loss {last.trainLoss.toFixed(4)} after epoch {last.epoch} of {epochs}
      </figcaption>
    </figure>
  );
}
