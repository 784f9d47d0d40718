import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent, TitleComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { FONT_FAMILY, palette } from '../theme';

// Only the parts our pages draw, so the chart chunk stays small; SVG keeps text crisp when printed.
echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, TitleComponent, AriaComponent, SVGRenderer]);

export const CHART_COLORS = [palette.navy, palette.red, '#d48806', '#389e0d', '#531dab', '#08979c', '#595959'];

export type ChartProps = {
  option: EChartsCoreOption;
  /** What the chart shows, read by screen readers (the chart itself is an image to them). */
  label: string;
  height?: number;
  /** A click on a bar, slice or point: the data item's name and its series. */
  onItemClick?: (item: { name: string; seriesName?: string; dataIndex: number; value: unknown }) => void;
};

/**
 * An ECharts chart in a React page. The same figures are always also given as a table next to the
 * chart: the chart is for seeing, the table for reading and for assistive technology.
 */
export function Chart({ option, label, height = 320, onItemClick }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (e) => {
      const ev = e as ECElementEvent;
      clickRef.current?.({ name: String(ev.name), seriesName: ev.seriesName, dataIndex: ev.dataIndex, value: ev.value });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(host.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { color: CHART_COLORS, textStyle: { fontFamily: FONT_FAMILY }, aria: { enabled: true, label: { description: label } }, animation: false, ...option },
      { notMerge: true },
    );
  }, [option, label]);

  return <div ref={host} role="img" aria-label={label} data-chart style={{ width: '100%', height }} />;
}
