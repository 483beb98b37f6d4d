import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { referralStatuses } from '../../lib/vocab.ts';

type ReferralStatus = (typeof referralStatuses)[number];
import { CardHead } from '../../ui/CardHead.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Check, CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import { attribute, cancelReferral, listReferrals, markVisited, type Programme, type Referral } from './api.ts';
import { Reasons, StatusBadge } from './parts.tsx';

function AttributeForm({ onDone }: { onDone(saved: boolean): Promise<void> }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const { busy, error, submit } = useSubmit('refused');
  const [patientId, setPatientId] = useState('');
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [visited, setVisited] = useState(false);
  const save = async () => {
    await attribute({ patientId: patientId.trim(), code: code.trim(), note, visited });
    notify(t('common.saved'));
    await onDone(true);
  };
  return (
    <InlineForm title={t('ref.attribute')} error={error} onSubmit={submit(save)} testId="attribute-form">
      <p className="muted small">{t('ref.attributeHint')}</p>
      <div className="form-grid">
        <Field label={t('ref.patientId')} hint={t('ref.patientIdHint')}>
          <input name="patientId" value={patientId} required onChange={(e) => setPatientId(e.target.value)} />
        </Field>
        <Field label={t('ref.code')} width="narrow">
          <input name="code" value={code} required maxLength={40} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <Field label={t('ref.note')} optional>
          <input name="note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <CheckField name="visited" label={t('ref.alsoVisited')} checked={visited} onChange={setVisited} />
      </div>
      <FormActions submitLabel={t('common.save')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}

/** Every referral with filters; staff mark a booking visited, cancel one, or attribute a patient to a code by hand. */
export function ReferralsTab({ programmes }: { programmes: Programme[] }) {
  const { t, formatDate } = useI18n();
  const { can, notify, reportError } = useApp();
  const review = can('referrals.review');
  const [filters, setFilters] = useState<{ programmeId: string; status: ReferralStatus | ''; held: boolean; q: string }>({ programmeId: '', status: '', held: false, q: '' });
  const [attributing, setAttributing] = useState(false);
  const list = useResource(
    () =>
      listReferrals({ programmeId: filters.programmeId || undefined, status: filters.status || undefined, held: filters.held ? 'true' : undefined, q: filters.q || undefined }).then((r) => r.items),
    [filters],
    {
      fallback: [],
    },
  );
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      notify(t('common.saved'));
      await list.reload();
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <section className="card" data-testid="referrals-list">
      {!attributing && <CardHead title={t('ref.referrals')} newLabel={t('ref.attribute')} onNew={review ? () => setAttributing(true) : undefined} />}
      {attributing && (
        <AttributeForm
          onDone={async (saved) => {
            setAttributing(false);
            if (saved) await list.reload();
          }}
        />
      )}
      <div className="ref-filters">
        <Field label={t('ref.tab.programmes')}>
          <Select
            name="programme"
            value={filters.programmeId}
            onChange={(programmeId) => setFilters({ ...filters, programmeId })}
            emptyLabel={t('ref.allProgrammes')}
            options={optionsOf(programmes, (p) => p.name)}
          />
        </Field>
        <Field label={t('ref.status')}>
          <EnumSelect
            name="status"
            values={referralStatuses}
            labelOf={(s) => t(`ref.rstatus.${s}`)}
            value={filters.status}
            emptyLabel={t('ref.allStatuses')}
            onChange={(status) => setFilters({ ...filters, status })}
          />
        </Field>
        <Field label={t('ref.search')}>
          <input type="search" name="q" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        </Field>
        <Check name="held" label={t('ref.heldOnly')} checked={filters.held} onChange={(held) => setFilters({ ...filters, held })} />
      </div>
      <RecordTable<Referral>
        items={list.data}
        emptyTitle={t('ref.noReferrals')}
        testId="referrals-table"
        columns={[
          { header: t('ref.referee'), cellClassName: 'strong', render: (r) => r.referee.name },
          { header: t('ref.referrer'), render: (r) => r.referrer?.name ?? '—' },
          { header: t('ref.code'), cellClassName: 'ref-mono', render: (r) => r.code ?? '—' },
          { header: t('ref.status'), render: (r) => <StatusBadge status={r.status} label={t(`ref.rstatus.${r.status}`)} /> },
          { header: t('ref.via'), render: (r) => t(`ref.via.${r.via}`) },
          { header: t('ref.reasons'), render: (r) => <Reasons reasons={r.holdReasons} /> },
          { header: t('ref.created'), cellClassName: 'nowrap small', render: (r) => formatDate(r.createdAt) },
        ]}
        actions={
          review
            ? (r) =>
                r.status === 'booked' ? (
                  <div className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => void act(() => markVisited(r.id))}>
                      {t('ref.markVisited')}
                    </button>
                    <ConfirmButton question={t('ref.cancelQuestion')} onConfirm={() => void act(() => cancelReferral(r.id, ''))}>
                      {t('ref.cancel')}
                    </ConfirmButton>
                  </div>
                ) : null
            : undefined
        }
      />
    </section>
  );
}
