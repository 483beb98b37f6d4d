import { useI18n } from '../../i18n/index.tsx';

/** Previous / page n of m / next, shown only when there is more than one page. */
export function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (page: number) => void }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <div className="adv-pager">
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
        {t('adv.prev')}
      </button>
      <span className="small muted">{t('adv.pageOf', { page, pages })}</span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
        {t('adv.next')}
      </button>
    </div>
  );
}
