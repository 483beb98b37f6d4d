import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { csvFileName, downloadCsv, type CsvCell } from './chart-csv.ts';
import { RecordTable } from './RecordTable.tsx';
import './ChartCard.css';

/** One column of a chart's data: what the table shows and what the CSV holds. */
export interface ChartColumn<R> {
  header: string;
  /** The cell's value in the CSV: a number stays a number. */
  value(row: R): CsvCell;
  /** How the table shows it (default: the value, a number in the reader's locale; null as —). */
  render?(row: R): ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
}

export interface ChartCardProps<R> {
  title: string;
  /** A line under the title: what the chart shows, where its data comes from. */
  hint?: ReactNode;
  /** The chart (lazily loaded by the caller; it should fill the card's width and resize with it). */
  children: ReactNode;
  /** The same data as rows, for the table view and the CSV. */
  rows: readonly R[];
  columns: readonly ChartColumn<R>[];
  /** The CSV's name without ".csv" (default: the title). */
  fileName?: string;
  /** Shown instead of the chart, the table and the export when there are no rows. */
  empty?: ReactNode;
  /** Start with the table (a phone, a chart too dense to read). */
  defaultView?: 'chart' | 'table';
  /** Buttons or toggles of the chart's own, beside Table and Export CSV. */
  controls?: ReactNode;
  /** Below the chart in both views (a legend, a list of what the chart marks). */
  footer?: ReactNode;
  testId?: string;
}

/**
 * A card with a chart, a "Table" toggle that shows the same data as an accessible table, and an
 * "Export CSV" button (UTF-8 with a BOM, formulas neutralised: chart-csv.ts).
 */
export function ChartCard<R>({ title, hint, children, rows, columns, fileName, empty, defaultView = 'chart', controls, footer, testId }: ChartCardProps<R>) {
  const { t, formatNumber } = useI18n();
  const [view, setView] = useState(defaultView);
  const hasRows = rows.length > 0;
  const showCell = (c: ChartColumn<R>, row: R): ReactNode => {
    if (c.render) return c.render(row);
    const value = c.value(row);
    return value === null || value === undefined ? '—' : typeof value === 'number' ? formatNumber(value) : value;
  };
  const exportCsv = () =>
    downloadCsv(
      csvFileName(fileName ?? title),
      columns.map((c) => c.header),
      rows.map((row) => columns.map((c) => c.value(row))),
    );

  return (
    <section className="card chart-card" data-testid={testId} data-view={view}>
      <div className="chart-card-head">
        <h3>{title}</h3>
        <div className="chart-card-controls">
          {controls}
          {hasRows && (
            <>
              <button type="button" className="btn btn-small" aria-pressed={view === 'table'} onClick={() => setView(view === 'table' ? 'chart' : 'table')}>
                {t('chart.table')}
              </button>
              <button type="button" className="btn btn-small" onClick={exportCsv}>
                {t('chart.exportCsv')}
              </button>
            </>
          )}
        </div>
      </div>
      {hint && <p className="muted small chart-card-hint">{hint}</p>}
      {!hasRows ? (
        (empty ?? <div className="chart-card-empty">{t('chart.noData')}</div>)
      ) : view === 'table' ? (
        <RecordTable
          items={rows}
          compact
          emptyTitle={t('chart.noData')}
          columns={columns.map((c) => ({ header: c.header, className: c.numeric ? 'num' : undefined, render: (row: R) => showCell(c, row) }))}
          rowKey={(_, i) => String(i)}
        />
      ) : (
        <div className="chart-card-body">{children}</div>
      )}
      {hasRows && footer}
    </section>
  );
}
