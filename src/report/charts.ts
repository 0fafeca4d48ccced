/**
 * Charts of the document model rendered to SVG on the server with Apache ECharts, so that every
 * format (HTML, PDF, DOCX through a PNG) shows the same picture. Numbers are labelled the
 * Indonesian way through core/format.ts.
 */
import * as echarts from 'echarts/core';
// only the parts a printed chart uses, each from its own module: the whole of ECharts costs a
// command about 18 MB more memory (bench/peak-memory.ts on `node -e "import(…)"`: 81 against 63 MB)
import { install as barChart } from 'echarts/lib/chart/bar/install.js';
import { install as lineChart } from 'echarts/lib/chart/line/install.js';
import { install as grid } from 'echarts/lib/component/grid/installSimple.js';
import { install as legend } from 'echarts/lib/component/legend/installLegendPlain.js';
import { install as markLine } from 'echarts/lib/component/marker/installMarkLine.js';
import { install as svgRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';
import type { Chart } from '../core/document/model.js';
import { formatNumber } from '../core/format.js';
import { SANS_STACK } from './fonts.js';
import { normalizeFill } from './layout.js';

echarts.use([barChart, lineChart, grid, legend, markLine, svgRenderer]);

/** Default size of a chart, in CSS pixels. */
export const CHART_DEFAULT_WIDTH = 640;
export const CHART_DEFAULT_HEIGHT = 320;

/** Sober colours for series without their own: dark blue, orange, green, gold, grey. */
const PALETTE = ['#1F4E79', '#C55A11', '#548235', '#BF9000', '#7F7F7F', '#2E75B6'];
const REFERENCE_COLOR = '#C00000';
/** Arimo (Arial's metrics): embedded by the HTML page, given to resvg for the PNG (raster.ts); Word shows Arial. */
export const CHART_FONT = SANS_STACK;

/** A chart's size, checked. */
export function chartSize(chart: Chart): { width: number; height: number } {
  const width = chart.width ?? CHART_DEFAULT_WIDTH;
  const height = chart.height ?? CHART_DEFAULT_HEIGHT;
  for (const [k, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isFinite(v) || v < 50 || v > 4000) throw new Error(`${chartLabel(chart)}: expected ${k} between 50 and 4000 px, got ${v}`);
  }
  return { width: Math.round(width), height: Math.round(height) };
}

export function chartLabel(chart: Chart): string {
  return chart.caption ? `chart "${chart.caption}"` : chart.id ? `chart ${chart.id}` : 'chart';
}

/** A value label: Indonesian decimals (at most two, trailing zeros dropped) and the unit when it is `%`. */
function label(value: number, unit: string | undefined): string {
  const text = formatNumber(value, 2, { trim: true });
  return unit === '%' ? `${text}%` : text;
}

function checkChart(chart: Chart): void {
  const where = chartLabel(chart);
  if (chart.series.length === 0) throw new Error(`${where}: expected at least one series`);
  chart.series.forEach((s, i) => {
    if (s.values.length !== chart.categories.length) {
      throw new Error(`${where}: series ${i + 1} ("${s.name}") has ${s.values.length} values for ${chart.categories.length} categories`);
    }
    s.values.forEach((v, j) => {
      if (v !== null && !Number.isFinite(v)) {
        throw new Error(`${where}: series ${i + 1} ("${s.name}"), category ${j + 1}: expected a finite number or null, got ${v}`);
      }
    });
  });
  if (chart.reference && !Number.isFinite(chart.reference.value)) {
    throw new Error(`${where}: the reference value must be a finite number, got ${chart.reference.value}`);
  }
}

/** The ECharts option of a chart (exported for tests and for the web app's interactive charts). */
export function chartOption(chart: Chart): echarts.EChartsCoreOption {
  checkChart(chart);
  const { width } = chartSize(chart);
  const where = chartLabel(chart);
  const unit = chart.unit;
  const showLegend = chart.series.length > 1;
  const gridLeft = 64;
  const gridRight = chart.reference ? 100 : 24; // room for the reference line's label at its end
  const perCategory = Math.max(40, (width - gridLeft - gridRight) / Math.max(1, chart.categories.length) - 6);
  const reference = chart.reference;
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: CHART_FONT, fontSize: 11, color: '#222222' },
    grid: { left: gridLeft, right: gridRight, top: unit && unit !== '%' ? 36 : 24, bottom: showLegend ? 72 : 48, containLabel: false },
    legend: showLegend ? { show: true, selectedMode: false, bottom: 4, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } } : { show: false },
    xAxis: {
      type: 'category',
      data: chart.categories,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#555555' } },
      axisLabel: { interval: 0, width: perCategory, overflow: 'break', fontSize: 10, color: '#222222' },
    },
    yAxis: {
      type: 'value',
      name: unit && unit !== '%' ? unit : undefined,
      nameTextStyle: { fontSize: 10, color: '#444444', align: 'left' },
      axisLabel: { formatter: (v: number) => label(v, unit), fontSize: 10, color: '#444444' },
      splitLine: { lineStyle: { color: '#DDDDDD' } },
    },
    series: chart.series.map((s, i) => {
      const color = s.color ? `#${normalizeFill(s.color, `${where}, series "${s.name}"`)}` : PALETTE[i % PALETTE.length];
      return {
        type: chart.kind,
        name: s.name,
        data: s.values,
        color,
        barMaxWidth: 48,
        symbolSize: 6,
        connectNulls: false,
        // a printed chart: no hover styles (they would add a <style> with class names shared between charts)
        silent: true,
        emphasis: { disabled: true },
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          color: '#222222',
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' && Number.isFinite(p.value) ? label(p.value, unit) : ''),
        },
        ...(i === 0 && reference
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: REFERENCE_COLOR, type: 'dashed', width: 1.5 },
                label: {
                  position: 'end',
                  width: gridRight - 8,
                  overflow: 'break',
                  color: REFERENCE_COLOR,
                  fontSize: 10,
                  formatter: () => `${reference.label} (${label(reference.value, unit)})`,
                },
                data: [{ yAxis: reference.value }],
              },
            }
          : {}),
      };
    }),
  };
}

/** A chart as a standalone SVG document (ECharts server-side rendering; the instance is disposed). */
export function renderChartSvg(chart: Chart): string {
  const option = chartOption(chart);
  const { width, height } = chartSize(chart);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(option);
    // ECharts adds hover rules in a <style> with class names that repeat from chart to chart; a
    // printed chart has no hover, and inline in a page those rules would leak between charts
    return instance
      .renderToSVGString()
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '');
  } finally {
    instance.dispose();
  }
}
