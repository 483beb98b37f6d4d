import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { EmptyState, Spinner } from './states.tsx';

export interface Column<T> {
  header: ReactNode;
  render(item: T): ReactNode;
  /** On the header and the cells ('num' right-aligns figures). */
  className?: string;
  /** On the cells only ('nowrap', 'cell-clip small'…). */
  cellClassName?: string;
  /** A tooltip for a cell whose text may be clipped. */
  title?(item: T): string | undefined;
}

export interface RecordTableProps<T> {
  /** null while loading: a spinner. */
  items: readonly T[] | null;
  columns: readonly Column<T>[];
  emptyTitle: string;
  emptyHint?: string;
  testId?: string;
  compact?: boolean;
  rowKey?(item: T, index: number): string;
  /** The buttons of a row, in a narrow last column headed "Actions". */
  actions?(item: T): ReactNode;
  /** A second row under a record, across the whole table (its mentions, when expanded). */
  detail?(item: T): ReactNode;
  /** Omits the header row. */
  headless?: boolean;
}

function defaultKey(item: unknown, index: number): string {
  return item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' ? item.id : String(index);
}

/**
 * A list of records as a table, with the loading and the empty state every list page shows. On a
 * phone each record is a stack of "header: value" lines (the cells carry their header as data-label).
 */
export function RecordTable<T>({ items, columns, emptyTitle, emptyHint, testId, compact, rowKey = defaultKey, actions, detail, headless }: RecordTableProps<T>) {
  const { t } = useI18n();
  if (items === null) return <Spinner />;
  if (items.length === 0) return <EmptyState title={emptyTitle} hint={emptyHint} />;
  const width = columns.length + (actions ? 1 : 0);
  return (
    // Focusable, so a table wider than the screen (long Russian headers on a phone) scrolls from the keyboard too.
    <div className="table-wrap" tabIndex={0}>
      <table className={compact ? 'table table-stack table-compact' : 'table table-stack'} data-testid={testId}>
        {!headless && (
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} className={c.className}>
                  {c.header}
                </th>
              ))}
              {actions && <th className="actions-col">{t('common.actions')}</th>}
            </tr>
          </thead>
        )}
        <tbody>
          {items.map((item, index) => {
            const extra = detail?.(item);
            return (
              <Fragment key={rowKey(item, index)}>
                <tr>
                  {columns.map((c, i) => (
                    <td
                      key={i}
                      className={[c.className, c.cellClassName].filter(Boolean).join(' ') || undefined}
                      title={c.title?.(item)}
                      data-label={!headless && typeof c.header === 'string' && c.header ? c.header : undefined}
                    >
                      {c.render(item)}
                    </td>
                  ))}
                  {actions && (
                    <td className="actions-col nowrap" data-label={headless ? undefined : t('common.actions')}>
                      {actions(item)}
                    </td>
                  )}
                </tr>
                {extra && (
                  <tr className="row-detail">
                    <td colSpan={width}>{extra}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
