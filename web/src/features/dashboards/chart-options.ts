import type { Translate } from '../../i18n/index.tsx';
import type { Benchmark, Heatmap, HeatmapCell, Overview, PainAspect } from './api.ts';
import type { ChartOption } from './EChart.tsx';
import type { DashFormat } from './format.ts';

/*
 * The dashboards' chart options, built from the API's answers (pure: no ECharts import, so the page
 * shell renders before the charts' chunk arrives). Colours are the app's own CSS variables.
 */

const cssVar = (name: string, fallback: string) => (typeof document === 'undefined' ? fallback : getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback);

export function palette() {
  return {
    accent: cssVar('--accent', '#0d7279'),
    positive: cssVar('--positive', '#187040'),
    neutral: cssVar('--neutral', '#5f6f7d'),
    negative: cssVar('--negative', '#b03a26'),
    muted: cssVar('--text-muted', '#586774'),
    border: cssVar('--border', '#e1e6eb'),
    sparse: cssVar('--neutral-soft', '#eef1f4'),
    star: cssVar('--star', '#e3a008'),
    series: ['#0d7279', '#b03a26', '#5b4bb7', '#8a5200', '#187040', '#2563eb', '#be185d', '#4b5563'],
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function axes(labels: string[], c: ReturnType<typeof palette>) {
  return {
    xAxis: { type: 'category', data: labels, axisLabel: { color: c.muted, hideOverlap: true }, axisLine: { lineStyle: { color: c.border } } },
    grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
  };
}
// Labels that would run into each other on a phone are left out rather than overlapped.
const valueAxis = (c: ReturnType<typeof palette>, extra: object = {}) => ({
  type: 'value',
  minInterval: 1,
  axisLabel: { color: c.muted, hideOverlap: true },
  splitLine: { lineStyle: { color: c.border } },
  ...extra,
});
const legend = (c: ReturnType<typeof palette>) => ({ top: 0, type: 'scroll', textStyle: { color: c.muted } });

type Mentions = NonNullable<Overview['mentions']>;
type Nps = NonNullable<Overview['nps']>;

export function bySourceOption(m: Mentions, t: Translate): ChartOption {
  const c = palette();
  const rows = [...m.bySource].sort((a, b) => a.total - b.total);
  return {
    animation: false,
    color: [c.accent, c.negative],
    legend: legend(c),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: valueAxis(c, { splitNumber: 4 }),
    yAxis: { type: 'category', data: rows.map((s) => s.name), axisLabel: { color: c.muted, width: 140, overflow: 'truncate', ellipsis: '…' }, axisLine: { lineStyle: { color: c.border } } },
    series: [
      { name: t('dash.total'), type: 'bar', data: rows.map((s) => s.total), barMaxWidth: 16 },
      { name: t('dash.negative'), type: 'bar', data: rows.map((s) => s.negative), barMaxWidth: 16 },
    ],
  };
}

export function sentimentTrendOption(m: Mentions, bucket: Overview['period']['bucket'], t: Translate, f: DashFormat): ChartOption {
  const c = palette();
  const labels = m.trend.map((p) => f.bucket(p.start, bucket));
  const bar = (name: string, color: string, data: number[]) => ({ name, type: 'bar', stack: 'sentiment', data, itemStyle: { color }, barMaxWidth: 28 });
  return {
    animation: false,
    legend: legend(c),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    ...axes(labels, c),
    yAxis: valueAxis(c),
    series: [
      bar(
        t('dash.negative'),
        c.negative,
        m.trend.map((p) => p.negative),
      ),
      bar(
        t('dash.neutral'),
        c.neutral,
        m.trend.map((p) => p.neutral),
      ),
      bar(
        t('dash.positive'),
        c.positive,
        m.trend.map((p) => p.positive),
      ),
    ],
  };
}

export function ratingTrendOption(m: Mentions, bucket: Overview['period']['bucket'], t: Translate, f: DashFormat): ChartOption {
  const c = palette();
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : f.rating(v)) },
    ...axes(
      m.trend.map((p) => f.bucket(p.start, bucket)),
      c,
    ),
    grid: { left: 8, right: 12, top: 16, bottom: 8, containLabel: true },
    yAxis: valueAxis(c, { min: 1, max: 5, interval: 1 }),
    series: [
      { name: t('dash.ratingAvg'), type: 'line', data: m.trend.map((p) => p.ratingAvg), connectNulls: false, itemStyle: { color: c.star }, lineStyle: { color: c.star, width: 2 }, symbolSize: 6 },
    ],
  };
}

/** NPS per bucket with its 95 % interval as a band (an invisible lower line and the band's height stacked on it). */
export function npsTrendOption(n: Nps, bucket: Overview['period']['bucket'], t: Translate, f: DashFormat): ChartOption {
  const c = palette();
  const labels = n.trend.map((p) => f.bucket(p.start, bucket));
  const band = { type: 'line', stack: 'ci', stackStrategy: 'all', symbol: 'none', silent: true, tooltip: { show: false }, lineStyle: { opacity: 0 }, z: 2 };
  return {
    animation: false,
    legend: { ...legend(c), data: [t('dash.nps'), t('dash.answers')] },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const p = n.trend[items[0]?.dataIndex ?? 0];
        if (!p) return '';
        const head = `${esc(labels[items[0]!.dataIndex] ?? '')}<br/>${esc(t('dash.answers'))}: ${f.int(p.n)}`;
        if (p.nps === null || !p.interval) return `${head}<br/>${esc(t('dash.npsNotEnough', { n: f.int(p.n) }))}`;
        return `${head}<br/>NPS ${f.nps(p.nps)}<br/>${esc(t('dash.interval95', { low: f.nps(p.interval.low), high: f.nps(p.interval.high) }))}`;
      },
    },
    ...axes(labels, c),
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    yAxis: [valueAxis(c, { min: -100, max: 100, interval: 50 }), valueAxis(c, { splitLine: { show: false } })],
    series: [
      { name: t('dash.answers'), type: 'bar', yAxisIndex: 1, data: n.trend.map((p) => p.n), itemStyle: { color: c.border }, barMaxWidth: 24, z: 1 },
      { ...band, data: n.trend.map((p) => p.interval?.low ?? null) },
      { ...band, data: n.trend.map((p) => (p.interval ? p.interval.high - p.interval.low : null)), areaStyle: { color: c.accent, opacity: 0.15 } },
      { name: t('dash.nps'), type: 'line', data: n.trend.map((p) => p.nps), connectNulls: false, itemStyle: { color: c.accent }, lineStyle: { color: c.accent, width: 2 }, symbolSize: 6, z: 3 },
    ],
  };
}

/** The measure a heat-map cell is coloured by, or null for a sparse one. */
export const cellMeasure = (cell: HeatmapCell, colour: 'negative' | 'net') => (cell.sparse ? null : colour === 'negative' ? cell.negativeShare : cell.net);

/**
 * Aspects (rows, the analysis' names) × departments or locations (columns). Coloured cells are one
 * series under the visual map; sparse ones a second, grey series outside it. Each item carries the
 * index of its cell, so a click finds the cell again.
 */
export function heatmapOption(
  h: Heatmap,
  colour: 'negative' | 'net',
  opts: { rowName(row: Heatmap['rows'][number]): string; aspectName(a: string): string; t: Translate; f: DashFormat },
): ChartOption {
  const c = palette();
  const { t, f } = opts;
  const rowIndex = new Map(h.rows.map((r, i) => [r.id, i]));
  const aspectIndex = new Map(h.aspects.map((a, i) => [a, i]));
  const coloured: object[] = [];
  const sparse: object[] = [];
  h.cells.forEach((cell, index) => {
    const x = rowIndex.get(cell.rowId);
    const y = aspectIndex.get(cell.aspect);
    if (x === undefined || y === undefined) return;
    const v = cellMeasure(cell, colour);
    if (v === null) sparse.push({ value: [x, y, cell.total], cell: index });
    else coloured.push({ value: [x, y, v, cell.total], cell: index });
  });
  const tooltip = (p: { data: { cell: number } }) => {
    const cell = h.cells[p.data.cell];
    if (!cell) return '';
    const row = h.rows[rowIndex.get(cell.rowId) ?? -1];
    const lines = [`<b>${esc(row ? opts.rowName(row) : '')}</b> · ${esc(opts.aspectName(cell.aspect))}`, esc(t('dash.cellMentions', { n: f.int(cell.total) }))];
    if (cell.sparse) lines.push(esc(t('dash.sparse')));
    else {
      if (cell.negativeShare !== null) lines.push(`${esc(t('dash.negativeShare'))}: ${f.pct(cell.negativeShare)}${cell.interval ? ` (${esc(f.range(cell.interval))})` : ''}`);
      if (cell.net !== null) lines.push(`${esc(t('dash.net'))}: ${f.signed(cell.net)}`);
    }
    return lines.join('<br/>');
  };
  // The label is the volume: the last value of an item (coloured ones carry the measure before it).
  const label = { show: true, formatter: (p: { value: number[] }) => f.int(p.value[p.value.length - 1] ?? 0), fontSize: 11, color: '#1d2a35', textBorderColor: '#fff', textBorderWidth: 2 };
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: tooltip, confine: true },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: h.rows.map(opts.rowName),
      splitArea: { show: false },
      axisLabel: { color: c.muted, interval: 0, rotate: h.rows.length > 4 ? 30 : 0, width: 110, overflow: 'truncate', ellipsis: '…' },
      axisLine: { lineStyle: { color: c.border } },
    },
    yAxis: {
      type: 'category',
      data: h.aspects.map(opts.aspectName),
      inverse: true,
      axisLabel: { color: c.muted, width: 170, overflow: 'truncate', ellipsis: '…' },
      axisLine: { lineStyle: { color: c.border } },
    },
    visualMap:
      colour === 'negative'
        ? {
            type: 'continuous',
            seriesIndex: 0,
            dimension: 2,
            min: 0,
            max: 1,
            calculable: false,
            orient: 'horizontal',
            left: 8,
            bottom: 0,
            itemHeight: 160,
            text: [f.pct(1), f.pct(0)],
            textStyle: { color: c.muted },
            inRange: { color: ['#fff7ec', '#fdbb84', '#d7301f', '#7f0000'] },
          }
        : {
            type: 'continuous',
            seriesIndex: 0,
            dimension: 2,
            min: -1,
            max: 1,
            calculable: false,
            orient: 'horizontal',
            left: 8,
            bottom: 0,
            itemHeight: 160,
            text: ['+1', '−1'],
            textStyle: { color: c.muted },
            inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] },
          },
    series: [
      { type: 'heatmap', data: coloured, label, itemStyle: { borderColor: '#fff', borderWidth: 2 }, emphasis: { itemStyle: { borderColor: c.accent, borderWidth: 2 } }, cursor: 'pointer' },
      { type: 'heatmap', data: sparse, label: { ...label, color: c.muted }, itemStyle: { color: c.sparse, borderColor: '#fff', borderWidth: 2 }, cursor: 'pointer' },
    ],
  };
}

/** The negative mentions of one aspect per bucket, with its corrective actions pinned at the bucket of their done (else due) day. */
export function painTrendOption(a: PainAspect, bucket: Overview['period']['bucket'], periodFrom: string, timezone: string, t: Translate, f: DashFormat): ChartOption {
  const c = palette();
  const labels = a.trend.map((p) => f.bucket(p.start, bucket));
  const bucketOf = (day: string) => {
    let at = -1;
    a.trend.forEach((p, i) => {
      if (p.start <= day) at = i;
    });
    return at;
  };
  const marks = a.actions
    .map((action) => ({ action, i: bucketOf(f.dayIn(action.doneAt ?? action.dueAt, timezone)) }))
    .filter((m) => m.i >= 0)
    .map(({ action, i }) => ({
      name: t('dash.caseNumber', { n: action.caseNumber }),
      coord: [i, a.trend[i]!.negative],
      value: `#${action.caseNumber}`,
      itemStyle: { color: action.doneAt ? c.positive : c.accent },
      description: action.description,
      when: action.doneAt ? t('dash.actionDone', { at: f.day(f.dayIn(action.doneAt, timezone)) }) : t('dash.actionDue', { at: f.day(f.dayIn(action.dueAt, timezone)) }),
    }));
  const startAt = bucketOf(periodFrom);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { componentType: string; data: { name?: string; description?: string; when?: string }; dataIndex: number; value: number }) =>
        p.componentType === 'markPoint'
          ? `<b>${esc(p.data.name ?? '')}</b> · ${esc(p.data.when ?? '')}<br/>${esc(p.data.description ?? '')}`
          : `${esc(labels[p.dataIndex] ?? '')}: ${f.int(Number(p.value))}`,
    },
    ...axes(labels, c),
    grid: { left: 8, right: 12, top: 28, bottom: 8, containLabel: true },
    yAxis: valueAxis(c),
    series: [
      {
        name: t('dash.negative'),
        type: 'line',
        data: a.trend.map((p) => p.negative),
        itemStyle: { color: c.negative },
        lineStyle: { color: c.negative, width: 2 },
        symbolSize: 6,
        markPoint: { symbol: 'pin', symbolSize: 34, label: { fontSize: 10, color: '#fff' }, data: marks },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: c.muted, type: 'dashed' },
          data: [...(startAt > 0 ? [{ xAxis: startAt }] : []), ...marks.map((m) => ({ xAxis: m.coord[0], lineStyle: { color: m.itemStyle.color, type: 'dotted' } }))],
        },
      },
    ],
  };
}

const entityName = (e: Benchmark['entities'][number], t: Translate) => e.competitor ?? t('dash.us');

/** Negative share per aspect, one bar per clinic (the aspects most mentioned overall, at most eight). */
export function benchmarkAspectsOption(b: Benchmark, aspects: string[], aspectName: (a: string) => string, t: Translate, f: DashFormat): ChartOption {
  const c = palette();
  return {
    animation: false,
    color: c.series,
    legend: legend(c),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : f.pct(v)) },
    grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: aspects.map(aspectName),
      axisLabel: { color: c.muted, interval: 0, rotate: 30, width: 120, overflow: 'truncate', ellipsis: '…' },
      axisLine: { lineStyle: { color: c.border } },
    },
    yAxis: valueAxis(c, { min: 0, axisLabel: { color: c.muted, formatter: (v: number) => f.pct(v) } }),
    series: b.entities.map((e) => ({ name: entityName(e, t), type: 'bar', barMaxWidth: 18, data: aspects.map((a) => e.aspects.find((x) => x.aspect === a)?.negativeShare ?? null) })),
  };
}

/** The average rating of each clinic per bucket. */
export function benchmarkTrendOption(b: Benchmark, t: Translate, f: DashFormat): ChartOption {
  const c = palette();
  const starts = [...new Set(b.entities.flatMap((e) => e.trend.map((p) => p.start)))].sort();
  return {
    animation: false,
    color: c.series,
    legend: legend(c),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : f.rating(v)) },
    ...axes(
      starts.map((s) => f.bucket(s, b.period.bucket)),
      c,
    ),
    yAxis: valueAxis(c, { min: 1, max: 5, interval: 1 }),
    series: b.entities.map((e) => ({ name: entityName(e, t), type: 'line', connectNulls: false, symbolSize: 5, data: starts.map((s) => e.trend.find((p) => p.start === s)?.ratingAvg ?? null) })),
  };
}
