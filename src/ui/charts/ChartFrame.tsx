// Every chart sits in a <figure> with a caption, a text summary for screen readers (also shown
// to everyone, small), and PNG/SVG download buttons named after the chart.
import { useRef, type ReactNode } from 'react';
import { downloadBlob } from '../download';
import { serializeChartSvg, svgToPng } from './exportSvg';

export function ChartFrame({ title, summary, fileStem, children, large }: { title: string; summary: string; fileStem: string; children: ReactNode; large?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const svg = () => serializeChartSvg(ref.current!);
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
