import { describe, expect, it } from 'vitest';
import type { Chart } from '../core/document/model.js';
import { renderChartSvg } from './charts.js';

const base: Chart = {
  type: 'chart',
  caption: 'Grafik 3.1',
  kind: 'bar',
  categories: ['Indikator program', 'Usaha mikro mandiri', 'Koperasi sehat'],
  series: [{ name: 'Capaian 2025', values: [81.3, null, 106.67] }],
  unit: '%',
  reference: { value: 100, label: 'Target' },
};

describe('renderChartSvg', () => {
  it('draws a bar chart as SVG with Indonesian labels and the reference line', () => {
    const svg = renderChartSvg(base);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('81,3%');
    expect(svg).toContain('106,67%');
    expect(svg).toContain('Target (100%)');
    expect(svg).toContain('Koperasi sehat');
    expect(svg).toContain('#C00000'); // the dashed reference line
    expect(svg).not.toMatch(/NaN|undefined|\[object Object\]/);
    expect(svg).not.toContain('81.3');
    expect(svg).not.toMatch(/<style|class="zr/); // no hover rules to leak between charts inlined in one page
  });

  it('draws a line chart with two series and a legend, in the given colours and size', () => {
    const svg = renderChartSvg({
      type: 'chart',
      kind: 'line',
      categories: ['2022', '2023', '2024', '2025'],
      series: [
        { name: 'Target', values: [80, 82, 85, 1234.5], color: '#548235' },
        { name: 'Realisasi', values: [95, 92, 89, 67] },
      ],
      width: 500,
      height: 260,
    });
    expect(svg).toContain('width="500"');
    expect(svg).toContain('height="260"');
    expect(svg).toContain('Realisasi'); // legend
    expect(svg).toContain('1.234,5');
    expect(svg.toLowerCase()).toContain('#548235');
  });

  it('escapes text from the data', () => {
    const svg = renderChartSvg({ ...base, categories: ['<script>alert(1)</script>', 'A & B', 'x"y'] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A &amp; B');
  });

  it('refuses values that do not match the categories, and non-finite numbers', () => {
    expect(() => renderChartSvg({ ...base, series: [{ name: 'S', values: [1, 2] }] })).toThrow(/chart "Grafik 3.1": series 1 \("S"\) has 2 values for 3 categories/);
    expect(() => renderChartSvg({ ...base, series: [{ name: 'S', values: [1, Number.NaN, 3] }] })).toThrow(/category 2: expected a finite number or null, got NaN/);
    expect(() => renderChartSvg({ ...base, series: [{ name: 'S', values: [1, 2, 3], color: 'url(#x)' }] })).toThrow(/CSS hex/);
    expect(() => renderChartSvg({ ...base, width: 10 })).toThrow(/width between 50 and 4000/);
  });
});
