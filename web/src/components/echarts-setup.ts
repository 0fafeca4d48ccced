/**
 * The parts of ECharts the pages use, registered once (tree-shaken: bar, line and pie charts,
 * grid, legend, tooltip, mark line, SVG renderer). Loaded lazily by Chart.tsx, after the page's
 * data is shown.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, MarkLineComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif";

/** Below this width (px) a chart is laid out for a phone. */
export const NARROW = 600;

type AxisLike = { type?: string; splitNumber?: number; axisLabel?: Record<string, unknown> } & Record<string, unknown>;
const asList = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The option as drawn in a box `width` px wide. On a phone a value axis gets fewer ticks whose
 * labels never overlap, a category axis's labels take at most 40 % of the width (cut with "…"),
 * and a grid's fixed left margin shrinks with them, so the plot keeps room for its bars; a
 * category axis along the bottom rotates its labels when they would not fit side by side.
 */
export function fitToWidth(option: ChartOption, width: number): ChartOption {
  if (width >= NARROW) return option;
  const labelRoom = Math.max(72, Math.floor(width * 0.4));
  const fitAxis = (axis: AxisLike, along: 'x' | 'y'): AxisLike => {
    const label = { ...(axis.axisLabel ?? {}) };
    if (axis.type === 'value') return { ...axis, splitNumber: 3, axisLabel: { hideOverlap: true, ...label } };
    if (axis.type === 'category') {
      if (along === 'y') return { ...axis, axisLabel: { ...label, width: Math.min(Number(label.width ?? labelRoom), labelRoom), overflow: 'truncate' } };
      const count = Array.isArray(axis.data) ? axis.data.length : 0;
      return { ...axis, axisLabel: { hideOverlap: true, ...label, ...(count * 56 > width ? { rotate: 40 } : {}) } };
    }
    return axis;
  };
  const o = option as Record<string, unknown>;
  const grids = asList(o.grid as Record<string, unknown> | Record<string, unknown>[] | undefined).map((g) =>
    typeof g.left === 'number' && g.left > labelRoom + 12 ? { ...g, left: labelRoom + 12 } : g,
  );
  return {
    ...option,
    ...(o.grid !== undefined ? { grid: grids } : {}),
    ...(o.xAxis !== undefined ? { xAxis: asList(o.xAxis as AxisLike | AxisLike[]).map((a) => fitAxis(a, 'x')) } : {}),
    ...(o.yAxis !== undefined ? { yAxis: asList(o.yAxis as AxisLike | AxisLike[]).map((a) => fitAxis(a, 'y')) } : {}),
    ...(o.legend !== undefined ? { legend: asList(o.legend as Record<string, unknown>).map((l) => ({ type: 'scroll', ...(l as object) })) } : {}),
  } as ChartOption;
}

/** Draw `option` into `el`; returns the disposer. The chart follows the element's size (and lays itself out for a phone). */
export function mount(el: HTMLElement, option: ChartOption): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  let narrow: boolean | undefined;
  const draw = () => {
    const width = el.clientWidth;
    const isNarrow = width < NARROW;
    if (isNarrow !== narrow) {
      narrow = isNarrow;
      // the page's own font stack, named (not `inherit`): ECharts measures labels with it to lay them out
      chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...fitToWidth(option, width) }, { notMerge: true });
    }
  };
  draw();
  const observer = new ResizeObserver(() => {
    chart.resize();
    draw();
  });
  observer.observe(el);
  return () => {
    observer.disconnect();
    chart.dispose();
  };
}
