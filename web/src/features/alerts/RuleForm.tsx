import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ruleKinds } from '../../lib/vocab.ts';
import { CheckField, Check, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { MultiCheck } from '../../ui/MultiCheck.tsx';
import { EnumSelect, optionsOf } from '../../ui/Select.tsx';
import { TimeField } from '../../ui/TimeField.tsx';
import { listSources } from '../ingest/index.ts';
import { saveRule } from './api.ts';
import { emptyDraft, toBody, toDraft, type RuleDraft } from './rule-draft.ts';
import { MentionConditions, VolumeConditions } from './RuleConditions.tsx';
import type { AlertChannel, AlertRule } from './types.ts';

interface Props {
  rule: AlertRule | null;
  channels: AlertChannel[];
  onDone(saved: boolean): Promise<void>;
}

export function RuleForm({ rule, channels, onDone }: Props) {
  const { t } = useI18n();
  const { org, notify } = useApp();
  const timezone = org?.org.timezone ?? 'UTC';
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? toDraft(rule, timezone) : emptyDraft(timezone)));
  const sources = useResource(() => listSources().then((res) => res.items), [], { fallback: [], quiet: true });
  const { busy, error, run, submit } = useSubmit('invalid');

  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setScope = (patch: Partial<RuleDraft['scope']>) => setDraft((d) => ({ ...d, scope: { ...d.scope, ...patch } }));
  const setQuiet = (patch: Partial<RuleDraft['quietHours']>) => setDraft((d) => ({ ...d, quietHours: { ...d.quietHours, ...patch } }));

  // Another rule watching the same scope and conditions: the server's warning naming it, and "save anyway".
  const [duplicate, setDuplicate] = useState<string | null>(null);

  const save = async (allowDuplicate = false) => {
    try {
      await saveRule(rule?.id ?? null, { ...toBody(draft), ...(allowDuplicate ? { allowDuplicate: true } : {}) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && (error.details as { reason?: string } | undefined)?.reason === 'alerts.duplicateRule') {
        setDuplicate(error.message);
        return;
      }
      throw error;
    }
    setDuplicate(null);
    notify(t('common.saved'));
    await onDone(true);
  };

  const scope = (key: keyof RuleDraft['scope'], label: string, options: { value: string; label: string }[]) => (
    <Field group label={label}>
      <MultiCheck name={`scope.${key}`} options={options} value={draft.scope[key]} onChange={(ids) => setScope({ [key]: ids })} emptyLabel={t('common.none')} />
    </Field>
  );

  return (
    <InlineForm title={rule ? `${t('common.edit')}: ${rule.name}` : t('rules.new')} error={error} onSubmit={submit(() => save(false))} testId="rule-form">
      <div className="form-grid">
        <Field label={t('common.name')}>
          <input name="name" required value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field label={t('rules.kind')}>
          <EnumSelect name="kind" values={ruleKinds} labelOf={(kind) => (kind === 'mention' ? t('rules.kindMention') : t('rules.kindVolume'))} value={draft.kind} onChange={(kind) => set({ kind })} />
        </Field>
        <Field label={t('rules.cooldown')}>
          <input name="cooldownMinutes" type="number" min="0" value={draft.cooldownMinutes} onChange={(e) => set({ cooldownMinutes: e.target.value === '' ? 0 : Number(e.target.value) })} />
        </Field>
        <CheckField name="enabled" label={t('rules.enabled')} checked={draft.enabled} onChange={(enabled) => set({ enabled })} />
      </div>

      <fieldset className="fieldset">
        <legend>{t('rules.scope')}</legend>
        <p className="muted small">{t('rules.scopeHint')}</p>
        {scope(
          'locationIds',
          t('filter.location'),
          optionsOf(org?.locations, (l) => l.name),
        )}
        {scope(
          'departmentIds',
          t('filter.department'),
          optionsOf(org?.departments, (d) => d.name),
        )}
        {scope(
          'sourceIds',
          t('filter.source'),
          optionsOf(sources.data, (s) => s.name),
        )}
      </fieldset>

      {draft.kind === 'mention' ? (
        <MentionConditions value={draft.mention} onChange={(patch) => setDraft((d) => ({ ...d, mention: { ...d.mention, ...patch } }))} />
      ) : (
        <VolumeConditions value={draft.volume} onChange={(patch) => setDraft((d) => ({ ...d, volume: { ...d.volume, ...patch } }))} />
      )}

      <fieldset className="fieldset">
        <legend>{t('rules.delivery')}</legend>
        <Field group label={t('rules.channels')}>
          <MultiCheck
            name="channelIds"
            options={channels.map((c) => ({ value: c.id, label: `${c.name} (${t(`channelKind.${c.kind}`)})` }))}
            value={draft.channelIds}
            onChange={(channelIds) => set({ channelIds })}
            emptyLabel={t('rules.noChannels')}
          />
        </Field>
        <Check name="quiet" label={t('rules.quietHours')} checked={draft.quiet} onChange={(quiet) => set({ quiet })} />
        {draft.quiet && (
          <div className="form-row">
            <Field label={t('rules.quietStart')} width="narrow">
              <TimeField name="quietStart" value={draft.quietHours.start} onChange={(start) => setQuiet({ start })} />
            </Field>
            <Field label={t('rules.quietEnd')} width="narrow">
              <TimeField name="quietEnd" value={draft.quietHours.end} onChange={(end) => setQuiet({ end })} />
            </Field>
            <Field label={t('location.timezone')}>
              <input name="quietTimezone" value={draft.quietHours.timezone} onChange={(e) => setQuiet({ timezone: e.target.value })} />
            </Field>
          </div>
        )}
      </fieldset>

      {duplicate && (
        <div className="rule-duplicate" role="alert" data-testid="rule-duplicate">
          <p className="warning-text">{duplicate}</p>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(() => save(true))}>
            {t('rules.saveAnyway')}
          </button>
        </div>
      )}
      <FormActions submitLabel={rule ? t('common.save') : t('common.create')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}
