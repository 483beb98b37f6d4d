import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../lib/router.tsx';
import { usePagedList } from '../../lib/use-resource.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { searchPatients } from './api.ts';
import { ContactLine } from './PatientPage.tsx';

const initialQuery = () => new URLSearchParams(window.location.search).get('q') ?? '';

/** /patients: a search over the organisation's patients (name, MRN, phone, e-mail), a page at a time. */
export function PatientsPage() {
  const { t, formatNumber, formatDate } = useI18n();
  const [q, setQ] = useState(initialQuery);
  const [text, setText] = useState(q);
  const [total, setTotal] = useState<number | null>(null);
  const { items, cursor, loadMore } = usePagedList(
    async (from) => {
      const page = await searchPatients(q, from);
      setTotal(page.total);
      return page;
    },
    [q],
  );
  const search = (value: string) => {
    setQ(value);
    const next = `${window.location.pathname}${value.trim() ? `?q=${encodeURIComponent(value.trim())}` : ''}`;
    window.history.replaceState(null, '', next);
  };

  return (
    <div className="page">
      <section className="card">
        <h2>{t('pt.title')}</h2>
        <form
          className="pt-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            search(text);
          }}
        >
          <input type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('pt.searchHint')} aria-label={t('pt.searchHint')} />
          <button type="submit" className="btn">
            {t('pt.search')}
          </button>
        </form>
        {total !== null && items && items.length > 0 && <p className="muted small">{t('pt.total', { n: formatNumber(total) })}</p>}
        <RecordTable
          items={items}
          testId="patients"
          emptyTitle={q ? t('pt.emptySearch') : t('pt.empty')}
          emptyHint={q ? undefined : t('pt.emptyHint')}
          columns={[
            { header: t('pt.name'), render: (p) => <Link href={`/patients/${encodeURIComponent(p.id)}`}>{p.name || t('pt.mrn')}</Link> },
            { header: t('pt.mrn'), cellClassName: 'nowrap', render: (p) => p.externalId ?? '—' },
            { header: t('pt.contact'), cellClassName: 'small', render: (p) => <ContactLine patient={p} /> },
            { header: t('pt.since'), cellClassName: 'nowrap small', render: (p) => formatDate(p.createdAt, false) },
          ]}
        />
        <LoadMore cursor={cursor} onMore={loadMore} />
      </section>
    </div>
  );
}
