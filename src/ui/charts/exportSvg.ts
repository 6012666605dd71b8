// Chart export: the file holds what makes the chart readable away from the page — its title above,
// its legend and a caption (model, dtype, seed, date, app version) below — around the recharts
// <svg> as drawn (white background, the page font inlined). Legends are HTML on the page (recharts'
// Legend, a `.legend` row of coloured swatches, a `.legend-text` line), so they are read from the
// chart's frame and redrawn as SVG. composeChartSvg is pure (tested on its text); the DOM reading and
// the PNG rasterisation (a canvas at 2×) are thin shells around it.

/** One legend entry: its text and, where it has one, its swatch colour. */
export interface LegendEntry {
  label: string;
  color: string | null;
}

export interface ChartExportText {
  title: string;
  /** e.g. "glove-6b-100d · int8 · seed 1 · 2026-12-05 04:40 UTC · app 0.1.0". */
  caption: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const TITLE_SIZE = 16;
const TEXT_SIZE = 12;
const CAPTION_SIZE = 11;
const LINE = 1.4;
/** Average glyph width as a share of the font size, to wrap text without measuring it. */
const GLYPH = 0.6;
const SWATCH = 10;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words wrapped into lines of at most `width` pixels at `size`. */
export function wrapText(text: string, width: number, size: number): string[] {
  const max = Math.max(8, Math.floor(width / (size * GLYPH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Legend entries placed left to right, wrapping to a new row when the next would not fit. */
function legendLayout(entries: readonly LegendEntry[], width: number): { entry: LegendEntry; x: number; row: number }[] {
  const placed: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const entry of entries) {
    const w = (entry.color ? SWATCH + 6 : 0) + entry.label.length * TEXT_SIZE * GLYPH + 18;
    if (x > PAD && x + w > width - PAD) {
      row++;
      x = PAD;
    }
    placed.push({ entry, x, row });
    x += w;
  }
  return placed;
}

/**
 * The exported file: the chart's own <svg> markup (`chartSvg`, drawn at width × height) nested
 * under a title, above its legend and caption, on a white background.
 */
export function composeChartSvg(args: { chartSvg: string; width: number; height: number; fontFamily: string; legend: readonly LegendEntry[]; text: ChartExportText }): string {
  const width = Math.max(320, Math.round(args.width));
  const chartHeight = Math.round(args.height);
  const titleLines = wrapText(args.text.title, width - 2 * PAD, TITLE_SIZE);
  const top = PAD + titleLines.length * TITLE_SIZE * LINE;
  const legend = legendLayout(args.legend, width);
  const legendRows = legend.length ? Math.max(...legend.map((l) => l.row)) + 1 : 0;
  const legendTop = top + chartHeight + (legendRows ? PAD : 0);
  const captionLines = wrapText(args.text.caption, width - 2 * PAD, CAPTION_SIZE);
  const captionTop = legendTop + legendRows * TEXT_SIZE * LINE + PAD;
  const height = Math.ceil(captionTop + captionLines.length * CAPTION_SIZE * LINE + PAD);
  const parts: string[] = [];
  parts.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  titleLines.forEach((line, i) =>
    parts.push(`<text class="export-title" x="${PAD}" y="${(PAD + (i + 0.8) * TITLE_SIZE * LINE).toFixed(1)}" font-size="${TITLE_SIZE}" font-weight="600" fill="#1b1f24">${escapeXml(line)}</text>`),
  );
  parts.push(`<g transform="translate(0 ${top.toFixed(1)})">${args.chartSvg}</g>`);
  for (const { entry, x, row } of legend) {
    const y = legendTop + row * TEXT_SIZE * LINE;
    let tx = x;
    if (entry.color) {
      parts.push(`<rect class="export-swatch" x="${x.toFixed(1)}" y="${(y + 1).toFixed(1)}" width="${SWATCH}" height="${SWATCH}" fill="${escapeXml(entry.color)}"/>`);
      tx += SWATCH + 6;
    }
    parts.push(`<text class="export-legend" x="${tx.toFixed(1)}" y="${(y + TEXT_SIZE * 0.9).toFixed(1)}" font-size="${TEXT_SIZE}" fill="#1b1f24">${escapeXml(entry.label)}</text>`);
  }
  captionLines.forEach((line, i) =>
    parts.push(`<text class="export-caption" x="${PAD}" y="${(captionTop + (i + 0.8) * CAPTION_SIZE * LINE).toFixed(1)}" font-size="${CAPTION_SIZE}" fill="#5a6370">${escapeXml(line)}</text>`),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="font-family: ${escapeXml(args.fontFamily)}; font-size: ${TEXT_SIZE}px; background: #fff">` +
    parts.join('') +
    '</svg>'
  );
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The legend shown in a chart's frame, as entries (text and swatch colour). */
export function readLegend(container: HTMLElement): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const item of container.querySelectorAll<HTMLElement>('.legend > span')) {
    const swatch = item.querySelector<HTMLElement>('i');
    entries.push({ label: clean(item.textContent), color: swatch ? swatch.style.background || swatch.style.backgroundColor || null : null });
  }
  for (const item of container.querySelectorAll<HTMLElement>('.recharts-legend-item')) {
    const mark = item.querySelector('path, rect, line, circle');
    entries.push({ label: clean(item.querySelector('.recharts-legend-item-text')?.textContent ?? item.textContent), color: mark?.getAttribute('fill') ?? mark?.getAttribute('stroke') ?? null });
  }
  for (const line of container.querySelectorAll<HTMLElement>('.legend-text')) entries.push({ label: clean(line.textContent), color: null });
  return entries.filter((e) => e.label !== '');
}

/** The chart drawn in `container`, with its title, legend and caption, as an SVG file's text. */
export function serializeChartSvg(container: HTMLElement, text: ChartExportText): string {
  const svg = container.querySelector('svg.recharts-surface') ?? container.querySelector('svg');
  if (!svg) throw new Error('The chart has not been drawn yet.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  clone.removeAttribute('style');
  return composeChartSvg({ chartSvg: new XMLSerializer().serializeToString(clone), width, height, fontFamily: getComputedStyle(container).fontFamily, legend: readLegend(container), text });
}

export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('The chart could not be rasterised.'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.width * scale));
  canvas.height = Math.max(1, Math.round(img.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas is not available.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'));
}
