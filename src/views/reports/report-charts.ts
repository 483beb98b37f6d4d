import { readFileSync } from 'node:fs';
import { heatmapSlice, topPainPoints, formatter, type ReportContent } from './report-content.ts';
import { REPORT_FONT_FAMILY, reportFontFiles } from './report-fonts.ts';

/*
 * The report's charts as PNG images: ECharts renders each option to an SVG string on the server
 * (no DOM, no animation), resvg rasterises it with the bundled Noto Sans SC and no system fonts.
 * echarts and resvg load here, where they are used.
 */

export interface ChartImage {
  /** Stable id: the e-mail's `cid:` and the PDF's order. */
  id: 'trend' | 'nps' | 'cases' | 'heatmap' | 'pain';
  title: string;
  png: Buffer;
  /** CSS pixels of the chart (the PNG has twice as many). */
  width: number;
  height: number;
}

export const CHART_WIDTH = 1000;
const COLORS = { positive: '#16a34a', neutral: '#9ca3af', negative: '#dc2626', accent: '#2563eb', muted: '#cbd5e1' };

type Option = Record<string, unknown>;

/** Renders one ECharts option to PNG. */
export async function renderChart(option: Option, width: number, height: number): Promise<Buffer> {
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: REPORT_FONT_FAMILY }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const fonts = reportFontFiles();
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fonts.regular], loadSystemFonts: false, defaultFontFamily: REPORT_FONT_FAMILY, sansSerifFamily: REPORT_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}

const grid = { left: 56, right: 24, top: 48, bottom: 56, containLabel: true };
const legend = { top: 8, textStyle: { fontSize: 14 } };

/** The charts a report has data for, in reading order; a chart without data is left out (its tile says "no data yet"). */
export async function reportCharts(content: ReportContent): Promise<ChartImage[]> {
  const f = formatter(content.locale);
  const specs: { id: ChartImage['id']; title: string; height: number; option: Option }[] = [];
  const mentions = content.overview.mentions;
  if (mentions && mentions.total > 0) {
    const days = mentions.trend.map((p) => f.shortDay(p.start));
    const series = (['positive', 'neutral', 'negative'] as const).map((s) => ({
      name: f.t(`sentiment.${s}`),
      type: 'bar',
      stack: 'all',
      itemStyle: { color: COLORS[s] },
      data: mentions.trend.map((p) => p[s]),
    }));
    specs.push({ id: 'trend', title: f.t('section.trend'), height: 380, option: { legend, grid, xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 }, series } });
  }
  const nps = content.overview.nps;
  // A line needs two points: a week of daily buckets often has too few answers for more than one NPS.
  if (nps && nps.trend.filter((p) => p.nps != null).length >= 2) {
    const points = nps.trend;
    const low = points.map((p) => (p.interval ? p.interval.low : null));
    const band = points.map((p) => (p.interval ? p.interval.high - p.interval.low : null));
    specs.push({
      id: 'nps',
      title: f.t('section.nps'),
      height: 340,
      option: {
        grid,
        xAxis: { type: 'category', data: points.map((p) => f.shortDay(p.start)), boundaryGap: false },
        yAxis: { type: 'value', min: -100, max: 100 },
        series: [
          { type: 'line', stack: 'band', data: low, lineStyle: { opacity: 0 }, symbol: 'none', connectNulls: true },
          { type: 'line', stack: 'band', data: band, lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: COLORS.accent, opacity: 0.15 }, connectNulls: true },
          { name: 'NPS', type: 'line', data: points.map((p) => p.nps), itemStyle: { color: COLORS.accent }, lineStyle: { width: 3 }, connectNulls: true },
        ],
      },
    });
  }
  const cases = content.overview.cases;
  if (cases && cases.byTier.some((t) => t.open > 0 || t.opened > 0)) {
    specs.push({
      id: 'cases',
      title: f.t('section.cases'),
      height: 300,
      option: {
        legend,
        grid,
        xAxis: { type: 'category', data: cases.byTier.map((t) => f.tier(t.tier)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: f.t('series.open'), type: 'bar', data: cases.byTier.map((t) => t.open), itemStyle: { color: COLORS.negative }, label: { show: true, position: 'top' } },
          { name: f.t('series.opened'), type: 'bar', data: cases.byTier.map((t) => t.opened), itemStyle: { color: COLORS.muted }, label: { show: true, position: 'top' } },
        ],
      },
    });
  }
  const slice = heatmapSlice(content.heatmap);
  if (slice.aspects.length && slice.rows.length) {
    const rowName = (r: { name: string | null }) => r.name ?? f.t('noDepartment');
    const data = slice.cells
      .filter((c) => !c.sparse && c.negativeShare != null)
      .map((c) => ({ value: [slice.aspects.indexOf(c.aspect), slice.rows.findIndex((r) => r.id === c.rowId), Math.round(c.negativeShare! * 100)], total: c.total }));
    const sparse = slice.cells.filter((c) => c.sparse).map((c) => [slice.aspects.indexOf(c.aspect), slice.rows.findIndex((r) => r.id === c.rowId), c.total]);
    specs.push({
      id: 'heatmap',
      title: f.t('section.heatmap'),
      height: 150 + slice.rows.length * 44,
      option: {
        grid: { left: 16, right: 24, top: 16, bottom: 64, containLabel: true },
        xAxis: {
          type: 'category',
          data: slice.aspects.map(f.aspect),
          axisLabel: { interval: 0, fontSize: 12, width: Math.floor(700 / slice.aspects.length), overflow: 'break' },
          splitArea: { show: true },
        },
        yAxis: { type: 'category', data: slice.rows.map(rowName), inverse: true, axisLabel: { interval: 0, fontSize: 12, width: 180, overflow: 'truncate' } },
        visualMap: [
          {
            min: 0,
            max: 100,
            calculable: false,
            orient: 'horizontal',
            left: 'center',
            bottom: 0,
            itemHeight: 200,
            text: ['100%', '0%'],
            inRange: { color: ['#fef2f2', '#fca5a5', '#b91c1c'] },
            seriesIndex: 0,
          },
          { show: false, min: 0, max: 1_000_000, inRange: { color: ['#e5e7eb', '#e5e7eb'] }, seriesIndex: 1 },
        ],
        series: [
          { type: 'heatmap', data, label: { show: true, formatter: (p: { data: { total: number } }) => f.int(p.data.total) }, itemStyle: { borderColor: '#ffffff', borderWidth: 2 } },
          { type: 'heatmap', data: sparse, itemStyle: { color: '#e5e7eb', borderColor: '#ffffff', borderWidth: 2 }, label: { show: true, color: '#6b7280' } },
        ],
      },
    });
  }
  const pains = topPainPoints(content.painPoints);
  if (pains.length) {
    specs.push({
      id: 'pain',
      title: f.t('section.painPoints'),
      height: 100 + pains.length * 48,
      option: {
        legend,
        grid,
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: pains.map((p) => f.aspect(p.aspect)), inverse: true },
        series: [
          { name: f.t('series.negativeNow'), type: 'bar', data: pains.map((p) => p.negative), itemStyle: { color: COLORS.negative }, label: { show: true, position: 'right' } },
          { name: f.t('series.negativeBefore'), type: 'bar', data: pains.map((p) => p.previousNegative), itemStyle: { color: COLORS.muted }, label: { show: true, position: 'right' } },
        ],
      },
    });
  }
  const images: ChartImage[] = [];
  for (const spec of specs) images.push({ id: spec.id, title: spec.title, png: await renderChart(spec.option, CHART_WIDTH, spec.height), width: CHART_WIDTH, height: spec.height });
  return images;
}

/** Whether the font file can be read (for doctor). */
export function fontReadable(): boolean {
  try {
    return readFileSync(reportFontFiles().regular).length > 0;
  } catch {
    return false;
  }
}
