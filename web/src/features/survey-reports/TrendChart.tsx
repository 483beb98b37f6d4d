import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { SurveyReport } from './api.ts';
import { useReportFormat } from './format.ts';

// Only the parts this chart draws (a lazily loaded module of its own, so the report's bundle stays light).
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const cssVar = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/**
 * NPS per week or month with its 95 % interval as a band, and the number of answers as bars on a
 * second axis. An interval under the minimum number of answers has no NPS point (a gap), only its bar.
 */
export default function TrendChart({ trend, min }: { trend: SurveyReport['trend']; min: number }) {
  const { t, formatDate, locale } = useI18n();
  const f = useReportFormat();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, null, { renderer: 'svg', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    const accent = cssVar('--accent', '#2563eb');
    const muted = cssVar('--text-muted', '#6b7280');
    const border = cssVar('--border', '#e5e7eb');
    const labels = trend.map((p) => formatDate(p.start, false));
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 44, top: 36, bottom: 28, containLabel: false },
      legend: { top: 0, textStyle: { color: muted }, data: [t('sr.nps'), t('sr.trendAnswers')] },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const p = trend[items[0]?.dataIndex ?? 0];
          if (!p) return '';
          const head = `${labels[items[0]!.dataIndex]}<br/>${t('sr.answers', { n: f.int(p.responses) })}`;
          if (p.nps.nps === null || !p.nps.interval) return `${head}<br/>${t('sr.notEnough', { n: f.int(p.nps.n), min })}`;
          return `${head}<br/>${t('sr.nps')} ${f.nps(p.nps.nps)}<br/>${t('sr.interval95', { low: f.nps(p.nps.interval.low), high: f.nps(p.nps.interval.high) })}`;
        },
      },
      xAxis: { type: 'category', data: labels, axisLabel: { color: muted }, axisLine: { lineStyle: { color: border } } },
      yAxis: [
        { type: 'value', min: -100, max: 100, interval: 50, axisLabel: { color: muted }, splitLine: { lineStyle: { color: border } } },
        { type: 'value', minInterval: 1, axisLabel: { color: muted }, splitLine: { show: false } },
      ],
      series: [
        { name: t('sr.trendAnswers'), type: 'bar', yAxisIndex: 1, data: trend.map((p) => p.responses), itemStyle: { color: border }, barMaxWidth: 28, z: 1 },
        // The interval as a band: an invisible lower line and the band's height stacked on it.
        {
          type: 'line',
          stack: 'ci',
          stackStrategy: 'all',
          data: trend.map((p) => p.nps.interval?.low ?? null),
          lineStyle: { opacity: 0 },
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
          z: 2,
        },
        {
          type: 'line',
          stack: 'ci',
          stackStrategy: 'all',
          data: trend.map((p) => (p.nps.interval ? p.nps.interval.high - p.nps.interval.low : null)),
          lineStyle: { opacity: 0 },
          areaStyle: { color: accent, opacity: 0.15 },
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
          z: 2,
        },
        { name: t('sr.nps'), type: 'line', data: trend.map((p) => p.nps.nps), connectNulls: false, itemStyle: { color: accent }, lineStyle: { color: accent, width: 2 }, symbolSize: 7, z: 3 },
      ],
    });
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [trend, min, t, f, formatDate, locale]);

  return <div ref={box} className="sr-chart" data-testid="sr-trend" role="img" aria-label={t('sr.trend')} />;
}
