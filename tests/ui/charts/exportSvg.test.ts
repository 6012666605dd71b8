// The exported chart file on its text: the title above the chart, the legend entries with their
// swatches, and the caption below, escaped, inside a canvas tall enough for all of them.
import { describe, expect, it } from 'vitest';
import { composeChartSvg, wrapText } from '../../../src/ui/charts/exportSvg';
import { runCaption } from '../../../src/ui/charts/chartCaption';

const caption = runCaption({
  model: { id: 'glove-6b-100d', dtype: 'int8' },
  seed: 3,
  finishedAt: '2026-12-05T04:40:12.345Z',
  app: { name: 'bias-probe-workbench', version: '0.1.0' },
});

const file = composeChartSvg({
  chartSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect class="bar" width="10" height="10"/></svg>',
  width: 400,
  height: 200,
  fontFamily: 'system-ui',
  legend: [
    { label: 'Flowers (X)', color: '#1f6fb2' },
    { label: 'Insects (X) & <bugs>', color: 'rgb(194, 87, 26)' },
    { label: '→ toward Pleasant · ← toward Unpleasant', color: null },
  ],
  text: { title: 'Word associations: WEAT 1', caption },
});

const texts = (cls: string) => [...file.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);

describe('composeChartSvg', () => {
  it('says which run drew it: model, dtype, seed, date and app version', () => {
    expect(caption).toBe('glove-6b-100d · dtype int8 · seed 3 · 2026-12-05 04:40 UTC · bias-probe-workbench 0.1.0');
    expect(texts('export-caption').join(' ')).toBe(caption);
  });

  it('draws the title, the legend (escaped) with a swatch per coloured entry, and keeps the chart', () => {
    expect(texts('export-title')).toEqual(['Word associations: WEAT 1']);
    expect(texts('export-legend')).toEqual(['Flowers (X)', 'Insects (X) &amp; &lt;bugs&gt;', '→ toward Pleasant · ← toward Unpleasant']);
    expect([...file.matchAll(/<rect class="export-swatch"[^>]*fill="([^"]+)"/g)].map((m) => m[1])).toEqual(['#1f6fb2', 'rgb(194, 87, 26)']);
    expect(file).toContain('<rect class="bar" width="10" height="10"/>');
  });

  it('is tall enough for title, chart, legend and caption, in that order', () => {
    const height = Number(file.match(/^<svg[^>]* height="(\d+)"/m)![1]);
    const y = (cls: string) => Number(file.match(new RegExp(`<text class="${cls}"[^>]* y="([\\d.]+)"`))![1]);
    const chartTop = Number(file.match(/<g transform="translate\(0 ([\d.]+)\)">/)![1]);
    expect(y('export-title')).toBeLessThan(chartTop);
    expect(y('export-legend')).toBeGreaterThan(chartTop + 200);
    expect(y('export-caption')).toBeGreaterThan(y('export-legend'));
    expect(height).toBeGreaterThan(y('export-caption'));
  });
});

describe('wrapText', () => {
  it('breaks between words so no line is wider than the space (0.6 em per glyph)', () => {
    // 100 px at 10 px → 16 characters per line
    expect(wrapText('glove-6b-100d · dtype int8 · seed 3', 100, 10)).toEqual(['glove-6b-100d ·', 'dtype int8 ·', 'seed 3']);
  });
});
