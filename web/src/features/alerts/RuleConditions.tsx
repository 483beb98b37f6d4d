import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { riskIds, volumeMetrics } from '../../lib/vocab.ts';
import { CheckField, Field } from '../../ui/Field.tsx';
import { MultiCheck } from '../../ui/MultiCheck.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import { TagInput } from '../../ui/TagInput.tsx';
import type { RuleDraft } from './rule-draft.ts';

const num = (v: string) => (v === '' ? 0 : Number(v));

/** When a single mention raises the alert: every condition set must hold. */
export function MentionConditions({ value, onChange }: { value: RuleDraft['mention']; onChange(patch: Partial<RuleDraft['mention']>): void }) {
  const { t, tx } = useI18n();
  const { org } = useApp();
  return (
    <fieldset className="fieldset">
      <legend>{t('rules.mentionConditions')}</legend>
      <p className="muted small">{t('rules.mentionHint')}</p>
      <div className="form-grid">
        <Field label={t('rules.ratingAtMost')}>
          <Select
            name="ratingAtMost"
            value={value.ratingAtMost === undefined ? '' : String(value.ratingAtMost)}
            onChange={(v) => onChange({ ratingAtMost: v ? Number(v) : undefined })}
            emptyLabel={t('common.none')}
            options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: `≤ ${n}` }))}
          />
        </Field>
        <CheckField name="sentimentNegative" label={t('rules.sentimentNegative')} checked={Boolean(value.sentimentNegative)} onChange={(sentimentNegative) => onChange({ sentimentNegative })} />
        <CheckField name="anyRisk" label={t('rules.anyRisk')} checked={Boolean(value.anyRisk)} onChange={(anyRisk) => onChange({ anyRisk })} />
      </div>
      <Field group label={t('rules.risks')}>
        <MultiCheck name="risks" options={riskIds.map((r) => ({ value: r, label: tx('risk', r) }))} value={value.risks ?? []} onChange={(risks) => onChange({ risks })} />
      </Field>
      <Field group label={t('rules.staff')}>
        <MultiCheck name="staffIds" options={optionsOf(org?.staff, (s) => s.name)} value={value.staffIds ?? []} onChange={(staffIds) => onChange({ staffIds })} emptyLabel={t('common.none')} />
      </Field>
      <Field group label={t('rules.keywords')} hint={t('rules.keywordsHint')}>
        <TagInput name="keywords" value={value.keywords ?? []} onChange={(keywords) => onChange({ keywords })} />
      </Field>
    </fieldset>
  );
}

/** When the volume of mentions raises the alert. */
export function VolumeConditions({ value, onChange }: { value: RuleDraft['volume']; onChange(patch: Partial<RuleDraft['volume']>): void }) {
  const { t } = useI18n();
  const number = (name: 'windowMinutes' | 'threshold' | 'minCount', min: string, step?: string) => (
    <input name={name} type="number" min={min} step={step} value={value[name]} onChange={(e) => onChange({ [name]: num(e.target.value) })} />
  );
  return (
    <fieldset className="fieldset">
      <legend>{t('rules.volumeConditions')}</legend>
      <div className="form-grid">
        <Field label={t('rules.metric')}>
          <EnumSelect name="metric" values={volumeMetrics} labelOf={(m) => t(`metric.${m}`)} value={value.metric} onChange={(metric) => onChange({ metric })} />
        </Field>
        <Field label={t('rules.window')}>{number('windowMinutes', '1')}</Field>
        <Field label={t('rules.threshold')} hint={t(`metric.${value.metric}.hint`)}>
          {number('threshold', '0', 'any')}
        </Field>
        <Field label={t('rules.minCount')}>{number('minCount', '0')}</Field>
      </div>
    </fieldset>
  );
}
