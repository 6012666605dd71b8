// Every chart sits in a <figure> with a caption, a text summary for screen readers (also shown
// to everyone, small), and PNG/SVG download buttons named after the chart. The downloaded files carry
// the title, the legend shown in the frame and a caption saying which run drew it (`caption`; by
// default the run on screen: model, dtype, seed, date, app version).
import { useRef, type ReactNode } from 'react';
import { downloadBlob } from '../download';
import { useCurrentRunCaption } from './chartCaption';
import { serializeChartSvg, svgToPng } from './exportSvg';

export function ChartFrame({
  title,
  summary,
  fileStem,
  children,
  large,
  caption,
}: {
  title: string;
  summary: string;
  fileStem: string;
  children: ReactNode;
  large?: boolean;
  /** Where the numbers came from, drawn under an exported chart; defaults to the current run's. */
  caption?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const currentRun = useCurrentRunCaption();
  const svg = () => serializeChartSvg(ref.current!, { title, caption: caption ?? currentRun });
  return (
    <figure className={`chart${large ? ' chart-large' : ''}`} aria-label={title}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-actions">
          <button
            type="button"
            className="small"
            aria-label={`Download ${title} as PNG`}
            onClick={() => void svgToPng(svg()).then((b) => downloadBlob(b, `${fileStem}.png`))}
          >
            PNG
          </button>
          <button
            type="button"
            className="small"
            aria-label={`Download ${title} as SVG`}
            onClick={() => downloadBlob(new Blob([svg()], { type: 'image/svg+xml' }), `${fileStem}.svg`)}
          >
            SVG
          </button>
        </span>
      </figcaption>
      <div ref={ref} className="chart-body" aria-hidden="true">
        {children}
      </div>
      <p className="chart-summary">{summary}</p>
    </figure>
  );
}
