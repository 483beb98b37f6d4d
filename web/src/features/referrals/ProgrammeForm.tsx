import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { programmeStatuses, rewardKinds, rewardTriggers, type RewardKind } from '../../lib/vocab.ts';
import { CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { saveProgramme, type Programme, type ProgrammeBody, type ProgrammeList } from './api.ts';

type Terms = ProgrammeBody['referrerReward'];
type Rules = NonNullable<ProgrammeBody['marketRules']>;
const MARKETS = ['cn', 'ru', 'us', 'eu'] as const;

function TermsFields({ legend, value, onChange, name }: { legend: string; value: Terms; onChange(v: Terms): void; name: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="ref-terms">
      <legend>{legend}</legend>
      <div className="form-grid">
        <Field label={t('ref.kind')}>
          <EnumSelect name={`${name}-kind`} values={rewardKinds} labelOf={(k) => t(`ref.kind.${k}`)} value={value.kind} onChange={(kind) => onChange({ ...value, kind })} />
        </Field>
        <Field label={t('ref.amount')} width="narrow">
          <input name={`${name}-amount`} type="number" min={0} step="any" value={value.amount} onChange={(e) => onChange({ ...value, amount: Number(e.target.value) })} />
        </Field>
        <Field label={t('ref.unit')} width="narrow" optional>
          <input name={`${name}-unit`} value={value.unit ?? ''} maxLength={20} onChange={(e) => onChange({ ...value, unit: e.target.value })} />
        </Field>
        <Field label={t('ref.label')} optional>
          <input name={`${name}-label`} value={value.label ?? ''} maxLength={200} onChange={(e) => onChange({ ...value, label: e.target.value })} />
        </Field>
      </div>
    </fieldset>
  );
}

const numberOrNull = (v: string) => (v === '' ? null : Number(v));

/**
 * A new programme or changes to one. There is deliberately no option that ties a reward to a
 * review, a rating or a mention (the server refuses any such field).
 */
export function ProgrammeForm({ programme, defaults, onDone }: { programme: Programme | null; defaults: ProgrammeList['marketDefaults']; onDone(saved: boolean): Promise<void> }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const { busy, error, submit } = useSubmit('invalid');
  const [name, setName] = useState(programme?.name ?? '');
  const [description, setDescription] = useState(programme?.description ?? '');
  const [status, setStatus] = useState(programme?.status ?? 'draft');
  const [referrer, setReferrer] = useState<Terms>(programme?.referrerReward ?? { kind: 'points', amount: 200 });
  const [referee, setReferee] = useState<Terms>(programme?.refereeReward ?? { kind: 'free_checkup', amount: 1 });
  const [trigger, setTrigger] = useState(programme?.trigger ?? 'visited');
  const [mustVisit, setMustVisit] = useState(programme?.eligibility.referrerMustHaveVisited ?? true);
  const [mustBeNew, setMustBeNew] = useState(programme?.eligibility.refereeMustBeNew ?? true);
  const [caps, setCaps] = useState({ life: String(programme?.capPerReferrer ?? ''), year: String(programme?.capPerReferrerYear ?? ''), programme: String(programme?.capPerYear ?? '') });
  const [validDays, setValidDays] = useState(String(programme?.rewardValidDays ?? 90));
  const [startsOn, setStartsOn] = useState(programme?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(programme?.endsOn ?? '');
  const [rules, setRules] = useState<Rules>(programme?.marketRules ?? {});
  const nominal = rules.nominalValue;

  const useMarket = (market: (typeof MARKETS)[number]) => setRules(structuredClone(defaults[market] as Rules));
  const save = async () => {
    const body: ProgrammeBody = {
      name,
      description,
      status,
      referrerReward: referrer,
      refereeReward: referee,
      trigger,
      eligibility: { referrerMustHaveVisited: mustVisit, refereeMustBeNew: mustBeNew },
      capPerReferrer: numberOrNull(caps.life),
      capPerReferrerYear: numberOrNull(caps.year),
      capPerYear: numberOrNull(caps.programme),
      rewardValidDays: Number(validDays),
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      marketRules: rules,
    };
    await saveProgramme(programme?.id ?? null, body);
    notify(t('common.saved'));
    await onDone(true);
  };
  const unitValue = (kind: RewardKind, v: string) => {
    const next: NonNullable<Rules['unitValues']> = { ...rules.unitValues };
    if (v === '') delete next[kind];
    else next[kind] = Number(v);
    setRules({ ...rules, unitValues: next });
  };

  return (
    <InlineForm title={programme ? `${t('common.edit')}: ${programme.name}` : t('ref.newProgramme')} error={error} onSubmit={submit(save)} testId="programme-form">
      <div className="form-grid">
        <Field label={t('ref.name')}>
          <input name="name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('ref.status')}>
          <EnumSelect name="status" values={programmeStatuses} labelOf={(s) => t(`ref.status.${s}`)} value={status} onChange={setStatus} />
        </Field>
        <Field label={t('ref.trigger')}>
          <EnumSelect name="trigger" values={rewardTriggers} labelOf={(s) => t(`ref.trigger.${s}`)} value={trigger} onChange={setTrigger} />
        </Field>
        <Field label={t('ref.description')} width="wide" optional>
          <textarea name="description" rows={2} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
      <TermsFields legend={t('ref.referrerReward')} name="referrer" value={referrer} onChange={setReferrer} />
      <TermsFields legend={t('ref.refereeReward')} name="referee" value={referee} onChange={setReferee} />
      <div className="form-grid">
        <CheckField name="mustVisit" label={t('ref.referrerMustHaveVisited')} checked={mustVisit} onChange={setMustVisit} />
        <CheckField name="mustBeNew" label={t('ref.refereeMustBeNew')} checked={mustBeNew} onChange={setMustBeNew} />
        <Field label={t('ref.capPerReferrer')} optional>
          <input name="capLife" type="number" min={1} placeholder={t('ref.noCap')} value={caps.life} onChange={(e) => setCaps({ ...caps, life: e.target.value })} />
        </Field>
        <Field label={t('ref.capPerReferrerYear')} optional>
          <input name="capYear" type="number" min={1} placeholder={t('ref.noCap')} value={caps.year} onChange={(e) => setCaps({ ...caps, year: e.target.value })} />
        </Field>
        <Field label={t('ref.capPerYear')} optional>
          <input name="capProgramme" type="number" min={1} placeholder={t('ref.noCap')} value={caps.programme} onChange={(e) => setCaps({ ...caps, programme: e.target.value })} />
        </Field>
        <Field label={t('ref.validDays')}>
          <input name="validDays" type="number" min={1} value={validDays} onChange={(e) => setValidDays(e.target.value)} />
        </Field>
        <Field label={t('ref.startsOn')} optional>
          <input name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </Field>
        <Field label={t('ref.endsOn')} optional>
          <input name="endsOn" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </Field>
      </div>
      <fieldset className="ref-terms">
        <legend>{t('ref.marketRules')}</legend>
        <div className="ref-markets" role="group" aria-label={t('ref.marketDefaults')}>
          <span className="muted small">{t('ref.marketDefaults')}</span>
          {MARKETS.map((m) => (
            <button key={m} type="button" className="btn btn-small" onClick={() => useMarket(m)}>
              {m.toUpperCase()}
            </button>
          ))}
        </div>
        <div className="form-grid">
          <CheckField name="excludePublicScheme" label={t('ref.excludePublicScheme')} checked={!!rules.excludePublicScheme} onChange={(v) => setRules({ ...rules, excludePublicScheme: v })} />
          <CheckField
            name="nominal"
            label={t('ref.nominalValue')}
            checked={!!nominal}
            onChange={(v) => setRules({ ...rules, nominalValue: v ? { perItem: 15, perYear: 75, currency: 'USD' } : undefined })}
          />
          {nominal && (
            <>
              <Field label={t('ref.perItem')} width="narrow">
                <input
                  name="perItem"
                  type="number"
                  min={0}
                  step="any"
                  value={nominal.perItem}
                  onChange={(e) => setRules({ ...rules, nominalValue: { ...nominal, perItem: Number(e.target.value) } })}
                />
              </Field>
              <Field label={t('ref.perYear')} width="narrow">
                <input
                  name="perYear"
                  type="number"
                  min={0}
                  step="any"
                  value={nominal.perYear}
                  onChange={(e) => setRules({ ...rules, nominalValue: { ...nominal, perYear: Number(e.target.value) } })}
                />
              </Field>
              <Field label={t('ref.currency')} width="narrow">
                <input name="currency" value={nominal.currency} maxLength={8} onChange={(e) => setRules({ ...rules, nominalValue: { ...nominal, currency: e.target.value } })} />
              </Field>
              {[...new Set([referrer.kind, referee.kind])].map((kind) => (
                <Field key={kind} label={t('ref.unitValue', { kind: t(`ref.kind.${kind}`) })} width="narrow" optional>
                  <input type="number" min={0} step="any" value={rules.unitValues?.[kind] ?? ''} onChange={(e) => unitValue(kind, e.target.value)} />
                </Field>
              ))}
            </>
          )}
        </div>
      </fieldset>
      <FormActions submitLabel={programme ? t('common.save') : t('common.create')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}
