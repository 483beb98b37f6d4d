import { Fragment, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useNotices } from '../lib/notices.tsx';
import { CardHead } from './CardHead.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { RecordTable, type Column } from './RecordTable.tsx';

export interface CrudCardProps<T extends { id: string }> {
  items: T[] | null;
  columns: readonly Column<T>[];
  emptyTitle: string;
  /** The label of the "+ …" button that opens the form for a new record. */
  newLabel: string;
  testId?: string;
  /** How a record is named in the delete question. */
  label(item: T): string;
  /** Deletes a record; without it the rows have no Delete button. */
  remove?(item: T): Promise<unknown>;
  reload(): Promise<void>;
  /** The form for a new record (null) or an existing one; it calls done(true) once saved. */
  form(item: T | null, done: (saved: boolean) => Promise<void>): ReactNode;
}

/** A card listing records, with "+ new", Edit and Delete, and the form above the table while it is open. */
export function CrudCard<T extends { id: string }>({ items, columns, emptyTitle, newLabel, testId, label, remove, reload, form }: CrudCardProps<T>) {
  const { t } = useI18n();
  const { reportError, notify } = useNotices();
  const [editing, setEditing] = useState<T | 'new' | null>(null);

  const done = async (saved: boolean) => {
    setEditing(null);
    if (saved) await reload();
  };

  const onDelete = async (item: T) => {
    if (!remove) return;
    try {
      await remove(item);
      notify(t('common.saved'));
      setEditing((current) => (current !== 'new' && current?.id === item.id ? null : current));
      await reload();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      {editing === null ? (
        <CardHead newLabel={newLabel} onNew={() => setEditing('new')} />
      ) : (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>{form(editing === 'new' ? null : editing, done)}</Fragment>
      )}
      <RecordTable
        items={items}
        columns={columns}
        emptyTitle={emptyTitle}
        testId={testId}
        actions={(item) => (
          <>
            <button type="button" className="btn btn-small" onClick={() => setEditing(item)}>
              {t('common.edit')}
            </button>
            {remove && (
              <ConfirmButton className="btn btn-small btn-danger" question={t('common.confirmDelete', { name: label(item) })} onConfirm={() => void onDelete(item)}>
                {t('common.delete')}
              </ConfirmButton>
            )}
          </>
        )}
      />
    </section>
  );
}
