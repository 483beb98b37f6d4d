import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { invitationChannels, markets, smsProviders, visitKinds, type SmsProviderKind, type VisitKind } from '../../lib/vocab.ts';
import { Check, Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { EnumSelect, optionsOf, Select } from '../../ui/Select.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getSettings, listSurveyOptions, saveSettings, type OutreachSettings } from './api.ts';

/** The fields each SMS provider's settings have, in the order shown. */
const PROVIDER_FIELDS: Record<SmsProviderKind, readonly ('accessKeyId' | 'accessKeySecret' | 'signName' | 'templateCode' | 'regionId' | 'apiId' | 'from' | 'accountSid' | 'authToken' | 'baseUrl')[]> =
  {
    log: [],
    aliyun: ['accessKeyId', 'accessKeySecret', 'signName', 'templateCode', 'regionId', 'baseUrl'],
    smsru: ['apiId', 'from', 'baseUrl'],
    twilio: ['accountSid', 'authToken', 'from', 'baseUrl'],
  };
const SECRET = new Set(['accessKeySecret', 'apiId', 'authToken']);

/** A copy of a per-kind map with one kind set, or removed when `value` is undefined. */
function withKey<V>(map: Record<string, V>, key: string, value: V | undefined): Record<string, V> {
  const next = { ...map };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

type Window = OutreachSettings['exclusionWindows'][number];

/** Delays and surveys per visit kind, the contact rules, the market and its CAHPS switch, the SMS provider. */
export function SettingsTab() {
  const { t } = useI18n();
  const { notify } = useApp();
  const saved = useResource(getSettings, []);
  const surveys = useResource(listSurveyOptions, [], { fallback: [] });
  const [s, setS] = useState<OutreachSettings | null>(null);
  const { busy, error, submit } = useSubmit('all');
  useEffect(() => setS(saved.data), [saved.data]);
  if (!s) return <Spinner />;
  const set = (patch: Partial<OutreachSettings>) => setS({ ...s, ...patch });
  const surveyOptions = optionsOf(surveys.data, (x) => x.name);
  const setWindow = (i: number, patch: Partial<Window>) => set({ exclusionWindows: s.exclusionWindows.map((w, j) => (j === i ? ({ ...w, ...patch } as Window) : w)) });
  const cahpsValue = s.cahpsRuleSetting === null ? '' : s.cahpsRuleSetting ? 'on' : 'off';
  return (
    <section className="card" data-testid="or-settings">
      <h2>{t('or.tab.settings')}</h2>
      <form
        onSubmit={submit(async () => {
          const { cahpsRule: _c, cahpsRuleSetting, timezone: _tz, ...rest } = s;
          saved.setData(await saveSettings({ ...rest, cahpsRule: cahpsRuleSetting }));
          notify(t('common.saved'));
        })}
      >
        <div className="form-row">
          <Check label={t('or.enabled')} checked={s.enabled} onChange={(enabled) => set({ enabled })} />
        </div>
        <div className="form-row">
          <Field label={t('or.market')}>
            <EnumSelect name="market" values={markets} labelOf={(m) => t(`or.market.${m}`)} value={s.market} onChange={(market) => set({ market })} />
          </Field>
          <Field label={t('or.cahps')} width="wide">
            <Select
              name="cahps"
              options={[
                { value: 'on', label: t('or.on') },
                { value: 'off', label: t('or.off') },
              ]}
              value={cahpsValue}
              emptyLabel={t('or.cahps.default', { value: s.market === 'us' ? t('or.on') : t('or.off') })}
              onChange={(v) => set({ cahpsRuleSetting: v === '' ? null : v === 'on' })}
            />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('or.windowDays')}>
            <input name="contactWindowDays" type="number" min={0} max={3650} required value={s.contactWindowDays} onChange={(e) => set({ contactWindowDays: Number(e.target.value) })} />
          </Field>
          <Field label={t('or.channelPreference')}>
            <EnumSelect
              name="channelPreference"
              values={invitationChannels}
              labelOf={(c) => t(`or.channel.${c}`)}
              value={s.channelPreference}
              onChange={(channelPreference) => set({ channelPreference })}
            />
          </Field>
          <Field label={t('or.reviewHours')}>
            <input
              name="reviewRequestHours"
              type="number"
              min={0}
              max={8760}
              value={s.reviewRequestHours ?? ''}
              onChange={(e) => set({ reviewRequestHours: e.target.value === '' ? null : Number(e.target.value) })}
            />
          </Field>
        </div>
        <h3>{t('or.perKind')}</h3>
        <div className="or-kinds">
          <div className="form-row">
            <Field label={t('or.defaultSurvey')} width="wide">
              <Select name="defaultSurvey" options={surveyOptions} value={s.defaultSurveyId ?? ''} emptyLabel={t('or.noSurvey')} onChange={(v) => set({ defaultSurveyId: v || null })} />
            </Field>
          </div>
          {visitKinds.map((kind: VisitKind) => (
            <div className="form-row" key={kind}>
              <p className="or-kind-name">{t(`or.visitKind.${kind}`)}</p>
              <Field label={t('or.delay')}>
                <input
                  name={`delay-${kind}`}
                  type="number"
                  min={0}
                  max={8760}
                  placeholder="24"
                  value={s.delayHours[kind] ?? ''}
                  onChange={(e) => set({ delayHours: withKey(s.delayHours, kind, e.target.value === '' ? undefined : Number(e.target.value)) })}
                />
              </Field>
              <Field label={t('or.survey')} width="wide">
                <Select
                  name={`survey-${kind}`}
                  options={surveyOptions}
                  value={s.surveyIds[kind] ?? ''}
                  emptyLabel={t('or.sameAsDefault')}
                  onChange={(v) => set({ surveyIds: withKey(s.surveyIds, kind, v || undefined) })}
                />
              </Field>
            </div>
          ))}
        </div>
        <h3>{t('or.windows')}</h3>
        <p className="muted small">{t('or.windowsHint', { tz: s.timezone })}</p>
        {s.exclusionWindows.map((w, i) => (
          <div className="form-row" key={i} data-testid="or-window">
            <Field label={t('or.label')}>
              <input name={`window-label-${i}`} value={w.label ?? ''} maxLength={100} onChange={(e) => setWindow(i, { label: e.target.value })} />
            </Field>
            <Field label={t('or.kind')}>
              <Select
                name={`window-kind-${i}`}
                options={[
                  { value: 'daily' as const, label: t('or.window.daily') },
                  { value: 'dates' as const, label: t('or.window.dates') },
                ]}
                value={w.kind}
                onChange={(kind) => setWindow(i, kind === 'daily' ? { kind, from: '21:00', to: '08:00' } : { kind, from: '', to: '' })}
              />
            </Field>
            <Field label={t('or.from')}>
              <input
                name={`window-from-${i}`}
                required
                type={w.kind === 'daily' ? 'time' : 'datetime-local'}
                value={w.kind === 'dates' ? w.from.slice(0, 16) : w.from}
                onChange={(e) => setWindow(i, { from: e.target.value })}
              />
            </Field>
            <Field label={t('or.to2')}>
              <input
                name={`window-to-${i}`}
                required
                type={w.kind === 'daily' ? 'time' : 'datetime-local'}
                value={w.kind === 'dates' ? w.to.slice(0, 16) : w.to}
                onChange={(e) => setWindow(i, { to: e.target.value })}
              />
            </Field>
            <button type="button" className="btn btn-small field-button" onClick={() => set({ exclusionWindows: s.exclusionWindows.filter((_, j) => j !== i) })}>
              {t('or.remove')}
            </button>
          </div>
        ))}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => set({ exclusionWindows: [...s.exclusionWindows, { kind: 'daily', from: '21:00', to: '08:00', label: '' }] })}>
            + {t('or.addWindow')}
          </button>
        </div>
        <h3>{t('or.sms')}</h3>
        <p className="muted small">{t('or.smsHint')}</p>
        <div className="form-row">
          <Field label={t('or.sms')} width="wide">
            <EnumSelect name="smsProvider" values={smsProviders} labelOf={(p) => t(`or.provider.${p}`)} value={s.smsProvider} onChange={(smsProvider) => set({ smsProvider, smsConfig: {} })} />
          </Field>
        </div>
        <div className="form-row">
          {PROVIDER_FIELDS[s.smsProvider].map((f) => (
            <Field key={f} label={t(`or.field.${f}`)} optional={f === 'baseUrl' || f === 'regionId' || (f === 'from' && s.smsProvider === 'smsru')}>
              <input
                name={`sms-${f}`}
                autoComplete="off"
                type={f === 'baseUrl' ? 'url' : 'text'}
                required={!(f === 'baseUrl' || f === 'regionId' || (f === 'from' && s.smsProvider === 'smsru'))}
                value={s.smsConfig[f] ?? ''}
                className={SECRET.has(f) ? 'or-secret' : undefined}
                onChange={(e) => set({ smsConfig: { ...s.smsConfig, [f]: e.target.value } })}
              />
            </Field>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
        <FormError error={error} />
      </form>
    </section>
  );
}
