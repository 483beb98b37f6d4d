import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { TagInput } from '../components/TagInput.tsx';
import {
  aspectIds,
  caseTiers,
  mentionLanguages,
  weekdays,
  type BrandVoice,
  type CaseSettings,
  type ReplyLang,
  type ReplyTemplate,
  type RootCause,
  type Weekday,
} from '../types.ts';

type LocationHours = CaseSettings['locations'][number];

function defaultHours(locationId: string): LocationHours {
  const day = { start: '09:00', end: '18:00' };
  return {
    locationId,
    weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null },
    holidays: [],
  };
}

function messageOf(error: unknown): string | null {
  return error instanceof ApiError && error.status === 400 ? error.message : null;
}

/** SLA tiers, working hours per location and the list of root causes. */
export function SlaSettingsTab() {
  const { t } = useI18n();
  const { org, reportError, notify } = useApp();
  const [settings, setSettings] = useState<CaseSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<CaseSettings>('/api/case-settings')
      .then(setSettings)
      .catch((e) => reportError(e));
  }, [reportError]);

  if (!settings) return <Spinner />;
  const locations = org?.locations ?? [];
  const hoursFor = (locationId: string) => settings.locations.find((l) => l.locationId === locationId);
  const setTier = (tier: (typeof caseTiers)[number], patch: Partial<CaseSettings['tiers']['general']>) =>
    setSettings((s) => (s ? { ...s, tiers: { ...s.tiers, [tier]: { ...s.tiers[tier], ...patch } } } : s));
  const setLocation = (locationId: string, next: LocationHours | null) =>
    setSettings((s) =>
      s ? { ...s, locations: [...s.locations.filter((l) => l.locationId !== locationId), ...(next ? [next] : [])] } : s,
    );
  const setDay = (locationId: string, day: Weekday, value: { start: string; end: string } | null) => {
    const current = hoursFor(locationId) ?? defaultHours(locationId);
    setLocation(locationId, { ...current, weeklyHours: { ...current.weeklyHours, [day]: value } });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSettings(await api<CaseSettings>('/api/case-settings', { method: 'PUT', body: settings }));
      notify(t('common.saved'));
    } catch (err) {
      const message = messageOf(err);
      if (message) setError(message);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="card form" onSubmit={(e) => void save(e)} data-testid="case-settings">
        <h2>{t('caseSettings.tiers')}</h2>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th>{t('cases.tier')}</th>
                <th>{t('caseSettings.firstResponseHours')}</th>
                <th>{t('caseSettings.resolutionHours')}</th>
                <th>{t('caseSettings.team')}</th>
              </tr>
            </thead>
            <tbody>
              {caseTiers.map((tier) => (
                <tr key={tier}>
                  <td>{t(`tier.${tier}`)}</td>
                  <td>
                    <input
                      type="number"
                      min="0"
                      step="0.5"
                      name={`${tier}.firstResponseHours`}
                      value={settings.tiers[tier].firstResponseHours}
                      onChange={(e) => setTier(tier, { firstResponseHours: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <input
                      type="number"
                      min="0"
                      step="0.5"
                      name={`${tier}.resolutionHours`}
                      value={settings.tiers[tier].resolutionHours}
                      onChange={(e) => setTier(tier, { resolutionHours: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <input name={`${tier}.team`} value={settings.tiers[tier].team} onChange={(e) => setTier(tier, { team: e.target.value })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2>{t('caseSettings.hours')}</h2>
        <p className="muted small">{t('caseSettings.hoursHint')}</p>
        {locations.length === 0 && <p className="muted">{t('settings.empty')}</p>}
        {locations.map((loc) => {
          const hours = hoursFor(loc.id);
          return (
            <div key={loc.id} className="hours-block">
              <div className="record-head">
                <span className="strong">{loc.name}</span>
                <span className="muted small">{loc.timezone ?? org?.org.timezone}</span>
                <span className="spacer" />
                <label className="check">
                  <input
                    type="checkbox"
                    checked={hours !== undefined}
                    onChange={(e) => setLocation(loc.id, e.target.checked ? defaultHours(loc.id) : null)}
                  />
                  {t('caseSettings.ownHours')}
                </label>
              </div>
              {hours && (
                <>
                  <div className="week-grid">
                    {weekdays.map((day) => {
                      const value = hours.weeklyHours[day];
                      return (
                        <div key={day} className="week-day">
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={value !== null}
                              onChange={(e) => setDay(loc.id, day, e.target.checked ? { start: '09:00', end: '18:00' } : null)}
                            />
                            {t(`weekday.${day}`)}
                          </label>
                          {value ? (
                            <div className="time-pair">
                              <input type="time" aria-label={`${t(`weekday.${day}`)} ${t('rules.quietStart')}`} value={value.start} onChange={(e) => setDay(loc.id, day, { ...value, start: e.target.value })} />
                              <input type="time" aria-label={`${t(`weekday.${day}`)} ${t('rules.quietEnd')}`} value={value.end} onChange={(e) => setDay(loc.id, day, { ...value, end: e.target.value })} />
                            </div>
                          ) : (
                            <span className="muted small">{t('caseSettings.closed')}</span>
                          )}
                        </div>
                      );
                    })}
                  </div>
                  <div className="field">
                    <span className="field-label">{t('caseSettings.holidays')}</span>
                    <TagInput value={hours.holidays} onChange={(holidays) => setLocation(loc.id, { ...hours, holidays })} />
                    <small className="muted">{t('caseSettings.holidaysHint')}</small>
                  </div>
                </>
              )}
            </div>
          );
        })}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
      <RootCausesCard />
    </>
  );
}

function RootCausesCard() {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [items, setItems] = useState<RootCause[] | null>(null);
  const [label, setLabel] = useState('');
  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: RootCause[] }>('/api/root-causes')).items);
    } catch (error) {
      reportError(error);
      setItems([]);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('/api/root-causes', { method: 'POST', body: { label: label.trim() } });
      notify(t('common.saved'));
      setLabel('');
      await load();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      <h2>{t('caseSettings.rootCauses')}</h2>
      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title={t('settings.empty')} />
      ) : (
        <div className="chip-row root-causes">
          {items.map((x) => (
            <span key={x.id} className={`chip${x.active ? '' : ' muted'}`}>
              {x.label}
            </span>
          ))}
        </div>
      )}
      <form className="form-row add-row" onSubmit={(e) => void add(e)}>
        <label className="field">
          <span>{t('caseSettings.newRootCause')}</span>
          <input name="rootCauseLabel" required value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="btn">
            {t('common.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Brand voice rules and reply templates. */
export function ReplySettingsTab() {
  return (
    <>
      <BrandVoiceCard />
      <TemplatesCard />
    </>
  );
}

function BrandVoiceCard() {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [voice, setVoice] = useState<BrandVoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<BrandVoice>('/api/brand-voice')
      .then((v) => setVoice({ ...v, requiredPhrases: { zh: v.requiredPhrases?.zh ?? [], ru: v.requiredPhrases?.ru ?? [], en: v.requiredPhrases?.en ?? [] } }))
      .catch((e) => reportError(e));
  }, [reportError]);
  if (!voice) return <Spinner />;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = { ...voice, maxLength: voice.maxLength || undefined };
      setVoice(await api<BrandVoice>('/api/brand-voice', { method: 'PUT', body }));
      notify(t('common.saved'));
    } catch (err) {
      const message = messageOf(err);
      if (message) setError(message);
      else reportError(err);
    }
  };
  const setPhrases = (lang: ReplyLang, phrases: string[]) =>
    setVoice((v) => (v ? { ...v, requiredPhrases: { ...v.requiredPhrases, [lang]: phrases } } : v));

  return (
    <form className="card form" onSubmit={(e) => void save(e)} data-testid="brand-voice">
      <h2>{t('brandVoice.title')}</h2>
      <p className="muted small">{t('brandVoice.intro')}</p>
      {error && <div className="form-error">{error}</div>}
      {mentionLanguages.map((lang) => (
        <div key={lang} className="field">
          <span className="field-label">{t('brandVoice.required', { lang: t(`lang.${lang}`) })}</span>
          <TagInput value={voice.requiredPhrases[lang] ?? []} onChange={(next) => setPhrases(lang, next)} />
        </div>
      ))}
      <div className="field">
        <span className="field-label">{t('brandVoice.banned')}</span>
        <TagInput value={voice.bannedWords} onChange={(bannedWords) => setVoice({ ...voice, bannedWords })} />
      </div>
      <div className="form-row">
        <label className="field field-narrow">
          <span>{t('brandVoice.maxLength')}</span>
          <input
            type="number"
            min="0"
            name="maxLength"
            value={voice.maxLength ?? ''}
            onChange={(e) => setVoice({ ...voice, maxLength: e.target.value ? Number(e.target.value) : null })}
          />
        </label>
        <div className="field">
          <span className="field-label">&nbsp;</span>
          <label className="check">
            <input
              type="checkbox"
              name="noExclamation"
              checked={Boolean(voice.noExclamation)}
              onChange={(e) => setVoice({ ...voice, noExclamation: e.target.checked })}
            />
            {t('brandVoice.noExclamation')}
          </label>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function TemplatesCard() {
  const { t, tx } = useI18n();
  const { reportError, notify } = useApp();
  const [items, setItems] = useState<ReplyTemplate[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState({ name: '', lang: 'zh', tier: '', aspect: '', text: '' });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: ReplyTemplate[] }>('/api/reply-templates')).items);
    } catch (e) {
      reportError(e);
      setItems([]);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/reply-templates', {
        method: 'POST',
        body: { ...draft, name: draft.name.trim(), tier: draft.tier || undefined, aspect: draft.aspect || undefined },
      });
      notify(t('common.saved'));
      setAdding(false);
      setDraft({ name: '', lang: draft.lang, tier: '', aspect: '', text: '' });
      await load();
    } catch (err) {
      const message = messageOf(err);
      if (message) setError(message);
      else reportError(err);
    }
  };

  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('templates.title')}</h2>
        {!adding && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            + {t('templates.new')}
          </button>
        )}
      </div>
      {adding && (
        <form className="form inline-form" onSubmit={(e) => void add(e)}>
          {error && <div className="form-error">{error}</div>}
          <div className="form-grid">
            <label className="field">
              <span>{t('common.name')}</span>
              <input name="templateName" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('reply.language')}</span>
              <select name="templateLang" value={draft.lang} onChange={(e) => setDraft({ ...draft, lang: e.target.value })}>
                {mentionLanguages.map((l) => (
                  <option key={l} value={l}>
                    {t(`lang.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('cases.tier')}</span>
              <select name="templateTier" value={draft.tier} onChange={(e) => setDraft({ ...draft, tier: e.target.value })}>
                <option value="">{t('common.all')}</option>
                {caseTiers.map((x) => (
                  <option key={x} value={x}>
                    {t(`tier.${x}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('actions.aspect')}</span>
              <select name="templateAspect" value={draft.aspect} onChange={(e) => setDraft({ ...draft, aspect: e.target.value })}>
                <option value="">{t('common.all')}</option>
                {aspectIds.map((x) => (
                  <option key={x} value={x}>
                    {tx('aspect', x)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-wide">
              <span>{t('reply.text')}</span>
              <textarea name="templateText" required rows={4} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
            </label>
          </div>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary">
              {t('common.create')}
            </button>
          </div>
        </form>
      )}
      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title={t('settings.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('common.name')}</th>
                <th>{t('reply.language')}</th>
                <th>{t('cases.tier')}</th>
                <th>{t('reply.text')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.id}>
                  <td className="strong">{x.name}</td>
                  <td>
                    <span className="badge badge-lang">{x.lang.toUpperCase()}</span>
                  </td>
                  <td>{x.tier ? tx('tier', x.tier) : t('common.all')}</td>
                  <td className="cell-clip">{x.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
