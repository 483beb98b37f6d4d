import { useI18n } from '../../i18n/index.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { dimensions, type CommunicationRow, type FairAsking, type SurveyReport } from './api.ts';
import { useReportFormat } from './format.ts';

/** The communication dimensions of doctors or departments: the mean of each with its n ("—" under the minimum). */
export function CommunicationTable({ rows, testId }: { rows: CommunicationRow[] | null; testId: string }) {
  const { t } = useI18n();
  const f = useReportFormat();
  return (
    <RecordTable
      items={rows}
      testId={testId}
      compact
      rowKey={(r, i) => r.id ?? `none-${i}`}
      emptyTitle={t('sr.noCommunication')}
      columns={[
        { header: t('sr.name'), render: (r) => r.name ?? t('sr.unassigned') },
        { header: t('sr.n'), className: 'num', render: (r) => f.int(r.n) },
        ...dimensions.map((d) => ({
          header: t(`sr.dim.${d}`),
          className: 'num',
          render: (r: CommunicationRow) => (
            <span className="sr-mean">
              {r.dimensions[d].mean === null ? t('sr.none') : f.mean(r.dimensions[d].mean)}
              <span className="muted small"> n={f.int(r.dimensions[d].n)}</span>
            </span>
          ),
        })),
      ]}
    />
  );
}

type Rates = SurveyReport['responseRates'];

export function RatesTable({ rates }: { rates: Rates }) {
  const { t } = useI18n();
  const f = useReportFormat();
  const rows = [
    ...rates.byChannel.map((c) => ({ id: c.channel, label: t(`sr.channel.${c.channel}`), ...c })),
    { id: 'total', label: t('sr.total'), sent: rates.sent, responded: rates.responded, rate: rates.rate },
  ];
  return (
    <>
      <RecordTable
        items={rates.sent === 0 ? [] : rows}
        testId="sr-rates"
        compact
        emptyTitle={t('sr.noInvitations')}
        columns={[
          { header: t('sr.channel'), render: (r) => r.label },
          { header: t('sr.sent'), className: 'num', render: (r) => f.int(r.sent) },
          { header: t('sr.responded'), className: 'num', render: (r) => f.int(r.responded) },
          { header: t('sr.rate'), className: 'num', render: (r) => (r.rate === null ? t('sr.none') : f.pct(r.rate)) },
        ]}
      />
      <p className="muted small">{t('sr.withoutInvitation', { n: f.int(rates.withoutInvitation) })}</p>
    </>
  );
}

export function FairAskingTable({ fair }: { fair: FairAsking | null }) {
  const { t } = useI18n();
  const f = useReportFormat();
  const answered = fair ? fair.bands.some((b) => b.responses > 0) : false;
  const email = fair?.invitations.byChannel.find((c) => c.channel === 'email')?.sent ?? 0;
  const sms = fair?.invitations.byChannel.find((c) => c.channel === 'sms')?.sent ?? 0;
  return (
    <>
      <p className="muted small">{t('sr.fairHint')}</p>
      {fair && <p className="small">{t('sr.fairInvitations', { n: f.int(fair.invitations.sent), email: f.int(email), sms: f.int(sms) })}</p>}
      <RecordTable
        items={fair ? fair.bands : null}
        testId="sr-fair"
        compact
        rowKey={(b) => b.band}
        emptyTitle={t('sr.noData')}
        columns={[
          { header: t('sr.band'), render: (b) => t(`sr.band.${b.band}`) },
          { header: t('sr.responses'), className: 'num', render: (b) => f.int(b.responses) },
          { header: t('sr.shown'), className: 'num', render: (b) => f.int(b.shownLinks) },
          { header: t('sr.shownShare'), className: 'num', render: (b) => (b.shownShare === null ? t('sr.none') : f.pct(b.shownShare)) },
          { header: t('sr.linksPer'), className: 'num', render: (b) => (b.linksPerResponse === null ? t('sr.none') : f.mean(b.linksPerResponse)) },
        ]}
      />
      {fair && answered && (
        <p className={fair.equal ? 'sr-verdict sr-good' : 'sr-verdict sr-bad'} data-testid="sr-fair-verdict">
          {fair.equal ? t('sr.fairEqual') : t('sr.fairUnequal')}
        </p>
      )}
      {fair && fair.reviewLinksConfigured === 0 && <p className="muted small">{t('sr.fairNoLinks')}</p>}
    </>
  );
}
