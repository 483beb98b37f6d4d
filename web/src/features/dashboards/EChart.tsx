import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';

// Only the parts the dashboards draw, in a chunk of its own that loads on the dashboard pages alone.
echarts.use([LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkPointComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  data: unknown;
}

/**
 * One ECharts chart that fills its box and follows its size (a phone turned, a menu folded). The
 * option is the caller's (chart-options.ts); a click on a data item is passed on.
 */
export default function EChart({
  option,
  label,
  height = 260,
  minWidth,
  onClick,
  testId,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  minWidth?: number;
  onClick?(e: ChartClick): void;
  testId?: string;
}) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'svg', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = instance;
    instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option, locale]);

  return <div ref={box} className="dash-chart" style={{ height, minWidth }} data-testid={testId} role="img" aria-label={label} />;
}
