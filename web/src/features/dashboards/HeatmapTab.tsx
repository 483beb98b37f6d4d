import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ChartCard } from '../../ui/ChartCard.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getHeatmap, inboxForCell, type DashboardState, type Heatmap, type HeatmapCell, type queryOf } from './api.ts';
import { cellMeasure, heatmapOption } from './chart-options.ts';
import type { ChartClick } from './EChart.tsx';
import { useDashFormat } from './format.ts';
import { PeriodLine } from './tiles.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

type Row = Heatmap['rows'][number];

/**
 * The word-of-mouth heat map: aspects × departments (or locations), coloured by negative share or
 * net sentiment, the volume as the label, sparse cells grey. A cell (in the chart, or a link in the
 * table view) opens the inbox filtered to the mentions behind it.
 */
export function HeatmapTab({
  query,
  by,
  colour,
  onChange,
}: {
  query: ReturnType<typeof queryOf>;
  by: DashboardState['by'];
  colour: DashboardState['colour'];
  onChange(patch: Partial<DashboardState>): void;
}) {
  const { t, tx } = useI18n();
  const f = useDashFormat();
  const heatmap = useResource(() => getHeatmap({ ...query, by }), [JSON.stringify(query), by]);
  const h = heatmap.data;
  const rowName = useCallback((r: Row) => r.name ?? (h?.by === 'location' ? t('dash.noLocation') : t('dash.noDepartment')), [h, t]);
  const aspectName = useCallback((a: string) => tx('aspect', a), [tx]);
  const option = useMemo(() => (h ? heatmapOption(h, colour, { rowName, aspectName, t, f }) : null), [h, colour, rowName, aspectName, t, f]);
  if (!h || !option) return heatmap.error ? null : <Spinner />;

  const rows = new Map(h.rows.map((r) => [r.id, r]));
  const cellLink = (cell: HeatmapCell) => (cell.rowId ? inboxForCell(h.by, cell.rowId, cell.aspect, h.period) : null);
  const onClick = (e: ChartClick) => {
    const cell = h.cells[(e.data as { cell?: number } | null)?.cell ?? -1];
    const href = cell && cellLink(cell);
    if (href) navigate(href);
  };
  const cells = h.cells.filter((c) => c.total > 0);
  const measure = (c: HeatmapCell) => cellMeasure(c, colour);

  const controls = (
    <>
      <div className="dash-toggle" role="group" aria-label={t('dash.rows')}>
        {(['department', 'location'] as const).map((b) => (
          <button key={b} type="button" className="btn btn-small" aria-pressed={by === b} onClick={() => onChange({ by: b })}>
            {b === 'department' ? t('dash.byDepartment') : t('dash.byLocation')}
          </button>
        ))}
      </div>
      <div className="dash-toggle" role="group" aria-label={t('dash.colour')}>
        {(['negative', 'net'] as const).map((c) => (
          <button key={c} type="button" className="btn btn-small" aria-pressed={colour === c} onClick={() => onChange({ colour: c })}>
            {t(`dash.colourShort.${c}`)}
          </button>
        ))}
      </div>
    </>
  );

  return (
    <>
      <PeriodLine period={h.period} />
      <ChartCard
        title={t('dash.heatmap')}
        testId="dash-heatmap"
        hint={t('dash.heatmapHint', { measure: t(`dash.colour.${colour}`), min: f.int(h.minMentions) })}
        controls={controls}
        rows={cells}
        empty={<div className="dash-nodata-title dash-empty">{t('dash.heatmapEmpty')}</div>}
        columns={[
          { header: by === 'department' ? t('dash.department') : t('dash.location'), value: (c) => rowName(rows.get(c.rowId) ?? { id: null, name: null, total: 0 }) },
          { header: t('dash.aspect'), value: (c) => aspectName(c.aspect) },
          {
            header: t('dash.total'),
            value: (c) => c.total,
            numeric: true,
            render: (c) => {
              const href = cellLink(c);
              const label = t('dash.openCell', { row: rowName(rows.get(c.rowId) ?? { id: null, name: null, total: 0 }), aspect: aspectName(c.aspect), n: f.int(c.total) });
              return href ? (
                <Link href={href} aria-label={label} data-testid="dash-cell-link">
                  {f.int(c.total)}
                </Link>
              ) : (
                f.int(c.total)
              );
            },
          },
          { header: t('dash.negative'), value: (c) => c.negative, numeric: true },
          {
            header: t(`dash.colourShort.${colour}`),
            value: (c) => measure(c),
            render: (c) => (measure(c) === null ? t('dash.sparse') : colour === 'negative' ? f.pct(measure(c)!) : f.signed(measure(c)!)),
            numeric: true,
          },
          { header: t('dash.low'), value: (c) => c.interval?.low ?? null, render: (c) => (c.interval ? f.pct(c.interval.low) : '—'), numeric: true },
          { header: t('dash.high'), value: (c) => c.interval?.high ?? null, render: (c) => (c.interval ? f.pct(c.interval.high) : '—'), numeric: true },
        ]}
      >
        {/* Wider than a phone: the chart scrolls sideways inside its card, never the page. */}
        <div className="dash-scroll" tabIndex={0} aria-label={t('dash.heatmap')}>
          <Suspense fallback={<Spinner />}>
            <EChart option={option} label={t('dash.heatmap')} height={110 + h.aspects.length * 34} minWidth={200 + h.rows.length * 72} onClick={onClick} testId="dash-heatmap-chart" />
          </Suspense>
        </div>
      </ChartCard>
    </>
  );
}
