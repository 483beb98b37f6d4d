import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { MultiCheck } from '../components/MultiCheck.tsx';
import { TagInput } from '../components/TagInput.tsx';
import { riskIds, volumeMetrics, type AlertChannel, type AlertRule, type Source, type VolumeMetric } from '../types.ts';

type RuleDraft = Omit<AlertRule, 'id' | 'createdAt' | 'mention' | 'volume' | 'quietHours'> & {
  mention: NonNullable<AlertRule['mention']>;
  volume: NonNullable<AlertRule['volume']>;
  quiet: boolean;
  quietHours: NonNullable<AlertRule['quietHours']>;
};

function emptyDraft(timezone: string): RuleDraft {
  return {
    name: '',
    enabled: true,
    kind: 'mention',
    scope: { locationIds: [], departmentIds: [], sourceIds: [] },
    mention: { ratingAtMost: null, sentimentNegative: false, anyRisk: false, risks: [], staffIds: [], keywords: [] },
    volume: { metric: 'negative_count', windowMinutes: 60, threshold: 5, minCount: 3 },
    channelIds: [],
    cooldownMinutes: 60,
    quiet: false,
    quietHours: { start: '22:00', end: '08:00', timezone },
  };
}

function toDraft(rule: AlertRule, timezone: string): RuleDraft {
  const base = emptyDraft(timezone);
  return {
    name: rule.name,
    enabled: rule.enabled,
    kind: rule.kind,
    scope: { ...base.scope, ...rule.scope },
    mention: { ...base.mention, ...(rule.mention ?? {}) },
    volume: rule.volume ?? base.volume,
    channelIds: rule.channelIds,
    cooldownMinutes: rule.cooldownMinutes,
    quiet: rule.quietHours !== null,
    quietHours: rule.quietHours ?? base.quietHours,
  };
}

function toBody(d: RuleDraft) {
  const mention = {
    ratingAtMost: d.mention.ratingAtMost ?? undefined,
    sentimentNegative: d.mention.sentimentNegative || undefined,
    anyRisk: d.mention.anyRisk || undefined,
    risks: d.mention.risks?.length ? d.mention.risks : undefined,
    staffIds: d.mention.staffIds?.length ? d.mention.staffIds : undefined,
    keywords: d.mention.keywords?.length ? d.mention.keywords : undefined,
  };
  return {
    name: d.name.trim(),
    enabled: d.enabled,
    kind: d.kind,
    scope: d.scope,
    mention: d.kind === 'mention' ? mention : null,
    volume: d.kind === 'volume' ? d.volume : null,
    channelIds: d.channelIds,
    cooldownMinutes: d.cooldownMinutes,
    quietHours: d.quiet ? d.quietHours : null,
  };
}

export function AlertRulesTab() {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [rules, setRules] = useState<AlertRule[] | null>(null);
  const [channels, setChannels] = useState<AlertChannel[]>([]);
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);

  const load = useCallback(async () => {
    try {
      const [r, c] = await Promise.all([
        api<{ items: AlertRule[] }>('/api/alert-rules'),
        api<{ items: AlertChannel[] }>('/api/alert-channels'),
      ]);
      setRules(r.items);
      setChannels(c.items);
    } catch (error) {
      reportError(error);
      setRules([]);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (rule: AlertRule) => {
    if (!window.confirm(t('common.confirmDelete', { name: rule.name }))) return;
    try {
      await api(`/api/alert-rules/${encodeURIComponent(rule.id)}`, { method: 'DELETE' });
      notify(t('common.saved'));
      await load();
    } catch (error) {
      reportError(error);
    }
  };

  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id;

  return (
    <section className="card">
      {editing === null ? (
        <div className="card-head card-head-end">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            + {t('rules.new')}
          </button>
        </div>
      ) : (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          channels={channels}
          onDone={async (saved) => {
            setEditing(null);
            if (saved) await load();
          }}
        />
      )}
      {rules === null ? (
        <Spinner />
      ) : rules.length === 0 ? (
        <EmptyState title={t('rules.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="alert-rules">
            <thead>
              <tr>
                <th>{t('common.name')}</th>
                <th>{t('rules.kind')}</th>
                <th>{t('rules.channels')}</th>
                <th>{t('rules.cooldown')}</th>
                <th>{t('rules.enabled')}</th>
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td className="strong">{r.name}</td>
                  <td>{r.kind === 'mention' ? t('rules.kindMention') : `${t('rules.kindVolume')} · ${t(`metric.${r.volume?.metric ?? 'negative_count'}`)}`}</td>
                  <td>{r.channelIds.map(channelName).join(', ') || t('common.none')}</td>
                  <td>{t('rules.minutes', { n: r.cooldownMinutes })}</td>
                  <td>
                    <span className={`badge ${r.enabled ? 'badge-positive' : ''}`}>{r.enabled ? t('rules.on') : t('rules.off')}</span>
                  </td>
                  <td className="actions-col nowrap">
                    <button type="button" className="btn btn-small" onClick={() => setEditing(r)}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(r)}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleForm({ rule, channels, onDone }: { rule: AlertRule | null; channels: AlertChannel[]; onDone(saved: boolean): Promise<void> }) {
  const { t, tx } = useI18n();
  const { org, reportError, notify } = useApp();
  const timezone = org?.org.timezone ?? 'UTC';
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? toDraft(rule, timezone) : emptyDraft(timezone)));
  const [sources, setSources] = useState<Source[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ items: Source[] }>('/api/sources')
      .then((res) => setSources(res.items))
      .catch(() => setSources([]));
  }, []);

  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setMention = (patch: Partial<RuleDraft['mention']>) => setDraft((d) => ({ ...d, mention: { ...d.mention, ...patch } }));
  const setVolume = (patch: Partial<RuleDraft['volume']>) => setDraft((d) => ({ ...d, volume: { ...d.volume, ...patch } }));
  const setScope = (patch: Partial<RuleDraft['scope']>) => setDraft((d) => ({ ...d, scope: { ...d.scope, ...patch } }));
  const setQuiet = (patch: Partial<RuleDraft['quietHours']>) => setDraft((d) => ({ ...d, quietHours: { ...d.quietHours, ...patch } }));
  const num = (v: string) => (v === '' ? 0 : Number(v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = toBody(draft);
      if (rule) await api(`/api/alert-rules/${encodeURIComponent(rule.id)}`, { method: 'PATCH', body });
      else await api('/api/alert-rules', { method: 'POST', body });
      notify(t('common.saved'));
      await onDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setError(err.message);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} data-testid="rule-form">
      <h3>{rule ? `${t('common.edit')}: ${rule.name}` : t('rules.new')}</h3>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-grid">
        <label className="field">
          <span>{t('common.name')}</span>
          <input name="name" required value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('rules.kind')}</span>
          <select name="kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as RuleDraft['kind'] })}>
            <option value="mention">{t('rules.kindMention')}</option>
            <option value="volume">{t('rules.kindVolume')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('rules.cooldown')}</span>
          <input
            name="cooldownMinutes"
            type="number"
            min="0"
            value={draft.cooldownMinutes}
            onChange={(e) => set({ cooldownMinutes: num(e.target.value) })}
          />
        </label>
        <div className="field">
          <span className="field-label">&nbsp;</span>
          <label className="check">
            <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            {t('rules.enabled')}
          </label>
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>{t('rules.scope')}</legend>
        <p className="muted small">{t('rules.scopeHint')}</p>
        <div className="field">
          <span className="field-label">{t('filter.location')}</span>
          <MultiCheck
            name="scope.locationIds"
            options={(org?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={draft.scope.locationIds}
            onChange={(locationIds) => setScope({ locationIds })}
            emptyLabel={t('common.none')}
          />
        </div>
        <div className="field">
          <span className="field-label">{t('filter.department')}</span>
          <MultiCheck
            name="scope.departmentIds"
            options={(org?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={draft.scope.departmentIds}
            onChange={(departmentIds) => setScope({ departmentIds })}
            emptyLabel={t('common.none')}
          />
        </div>
        <div className="field">
          <span className="field-label">{t('filter.source')}</span>
          <MultiCheck
            name="scope.sourceIds"
            options={sources.map((s) => ({ value: s.id, label: s.name }))}
            value={draft.scope.sourceIds}
            onChange={(sourceIds) => setScope({ sourceIds })}
            emptyLabel={t('common.none')}
          />
        </div>
      </fieldset>

      {draft.kind === 'mention' ? (
        <fieldset className="fieldset">
          <legend>{t('rules.mentionConditions')}</legend>
          <p className="muted small">{t('rules.mentionHint')}</p>
          <div className="form-grid">
            <label className="field">
              <span>{t('rules.ratingAtMost')}</span>
              <select
                name="ratingAtMost"
                value={draft.mention.ratingAtMost ?? ''}
                onChange={(e) => setMention({ ratingAtMost: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">{t('common.none')}</option>
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    ≤ {n}
                  </option>
                ))}
              </select>
            </label>
            <div className="field">
              <span className="field-label">&nbsp;</span>
              <label className="check">
                <input
                  type="checkbox"
                  name="sentimentNegative"
                  checked={Boolean(draft.mention.sentimentNegative)}
                  onChange={(e) => setMention({ sentimentNegative: e.target.checked })}
                />
                {t('rules.sentimentNegative')}
              </label>
            </div>
            <div className="field">
              <span className="field-label">&nbsp;</span>
              <label className="check">
                <input
                  type="checkbox"
                  name="anyRisk"
                  checked={Boolean(draft.mention.anyRisk)}
                  onChange={(e) => setMention({ anyRisk: e.target.checked })}
                />
                {t('rules.anyRisk')}
              </label>
            </div>
          </div>
          <div className="field">
            <span className="field-label">{t('rules.risks')}</span>
            <MultiCheck
              name="risks"
              options={riskIds.map((r) => ({ value: r, label: tx('risk', r) }))}
              value={draft.mention.risks ?? []}
              onChange={(risks) => setMention({ risks })}
            />
          </div>
          <div className="field">
            <span className="field-label">{t('rules.staff')}</span>
            <MultiCheck
              name="staffIds"
              options={(org?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={draft.mention.staffIds ?? []}
              onChange={(staffIds) => setMention({ staffIds })}
              emptyLabel={t('common.none')}
            />
          </div>
          <div className="field">
            <span className="field-label">{t('rules.keywords')}</span>
            <TagInput name="keywords" value={draft.mention.keywords ?? []} onChange={(keywords) => setMention({ keywords })} />
            <small className="muted">{t('rules.keywordsHint')}</small>
          </div>
        </fieldset>
      ) : (
        <fieldset className="fieldset">
          <legend>{t('rules.volumeConditions')}</legend>
          <div className="form-grid">
            <label className="field">
              <span>{t('rules.metric')}</span>
              <select name="metric" value={draft.volume.metric} onChange={(e) => setVolume({ metric: e.target.value as VolumeMetric })}>
                {volumeMetrics.map((m) => (
                  <option key={m} value={m}>
                    {t(`metric.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('rules.window')}</span>
              <input
                name="windowMinutes"
                type="number"
                min="1"
                value={draft.volume.windowMinutes}
                onChange={(e) => setVolume({ windowMinutes: num(e.target.value) })}
              />
            </label>
            <label className="field">
              <span>{t('rules.threshold')}</span>
              <input
                name="threshold"
                type="number"
                min="0"
                step="any"
                value={draft.volume.threshold}
                onChange={(e) => setVolume({ threshold: num(e.target.value) })}
              />
              <small className="muted">{t(`metric.${draft.volume.metric}.hint`)}</small>
            </label>
            <label className="field">
              <span>{t('rules.minCount')}</span>
              <input
                name="minCount"
                type="number"
                min="0"
                value={draft.volume.minCount}
                onChange={(e) => setVolume({ minCount: num(e.target.value) })}
              />
            </label>
          </div>
        </fieldset>
      )}

      <fieldset className="fieldset">
        <legend>{t('rules.delivery')}</legend>
        <div className="field">
          <span className="field-label">{t('rules.channels')}</span>
          <MultiCheck
            name="channelIds"
            options={channels.map((c) => ({ value: c.id, label: `${c.name} (${t(`channelKind.${c.kind}`)})` }))}
            value={draft.channelIds}
            onChange={(channelIds) => set({ channelIds })}
            emptyLabel={t('rules.noChannels')}
          />
        </div>
        <label className="check">
          <input type="checkbox" name="quiet" checked={draft.quiet} onChange={(e) => set({ quiet: e.target.checked })} />
          {t('rules.quietHours')}
        </label>
        {draft.quiet && (
          <div className="form-row">
            <label className="field field-narrow">
              <span>{t('rules.quietStart')}</span>
              <input name="quietStart" type="time" value={draft.quietHours.start} onChange={(e) => setQuiet({ start: e.target.value })} />
            </label>
            <label className="field field-narrow">
              <span>{t('rules.quietEnd')}</span>
              <input name="quietEnd" type="time" value={draft.quietHours.end} onChange={(e) => setQuiet({ end: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('location.timezone')}</span>
              <input name="quietTimezone" value={draft.quietHours.timezone} onChange={(e) => setQuiet({ timezone: e.target.value })} />
            </label>
          </div>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void onDone(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {rule ? t('common.save') : t('common.create')}
        </button>
      </div>
    </form>
  );
}
