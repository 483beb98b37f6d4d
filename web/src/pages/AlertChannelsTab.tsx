import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { MultiCheck } from '../components/MultiCheck.tsx';
import { TagInput } from '../components/TagInput.tsx';
import { channelKinds, roles, type AlertChannel, type ChannelConfig, type ChannelKind, type User } from '../types.ts';

type TextKey = 'url' | 'secret' | 'botToken' | 'chatId' | 'apiBase';

/** The text settings each kind of channel needs; secrets come back masked and are kept when sent back unchanged. */
const textFields: Record<ChannelKind, { key: TextKey; label: MessageKey; required: boolean; secret?: boolean }[]> = {
  email: [],
  wecom: [{ key: 'url', label: 'channels.webhookUrl', required: true }],
  dingtalk: [
    { key: 'url', label: 'channels.webhookUrl', required: true },
    { key: 'secret', label: 'channels.signSecret', required: false, secret: true },
  ],
  telegram: [
    { key: 'botToken', label: 'channels.botToken', required: true, secret: true },
    { key: 'chatId', label: 'channels.chatId', required: true },
    { key: 'apiBase', label: 'channels.apiBase', required: false },
  ],
  slack: [{ key: 'url', label: 'channels.webhookUrl', required: true, secret: true }],
  webhook: [
    { key: 'url', label: 'channels.url', required: true },
    { key: 'secret', label: 'channels.signSecret', required: true, secret: true },
  ],
  in_app: [],
};

function describe(c: AlertChannel, t: (k: MessageKey) => string): string {
  const cfg = c.config ?? {};
  switch (c.kind) {
    case 'email':
      return (cfg.to ?? []).join(', ');
    case 'telegram':
      return `${t('channels.chatId')}: ${cfg.chatId ?? ''} · ${cfg.botToken ?? ''}`;
    case 'in_app':
      return [...(cfg.roles ?? []).map((r) => t(`role.${r}` as MessageKey)), ...(cfg.userIds ?? []).map(() => '👤')].join(', ');
    default:
      return [cfg.url, cfg.secret].filter(Boolean).join(' · ');
  }
}

export function AlertChannelsTab() {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [channels, setChannels] = useState<AlertChannel[] | null>(null);
  const [editing, setEditing] = useState<AlertChannel | 'new' | null>(null);

  const load = useCallback(async () => {
    try {
      setChannels((await api<{ items: AlertChannel[] }>('/api/alert-channels')).items);
    } catch (error) {
      reportError(error);
      setChannels([]);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (c: AlertChannel) => {
    if (!window.confirm(t('common.confirmDelete', { name: c.name }))) return;
    try {
      await api(`/api/alert-channels/${encodeURIComponent(c.id)}`, { method: 'DELETE' });
      notify(t('common.saved'));
      await load();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      {editing === null ? (
        <div className="card-head card-head-end">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            + {t('channels.new')}
          </button>
        </div>
      ) : (
        <ChannelForm
          key={editing === 'new' ? 'new' : editing.id}
          channel={editing === 'new' ? null : editing}
          onDone={async (saved) => {
            setEditing(null);
            if (saved) await load();
          }}
        />
      )}
      {channels === null ? (
        <Spinner />
      ) : channels.length === 0 ? (
        <EmptyState title={t('channels.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="alert-channels">
            <thead>
              <tr>
                <th>{t('common.name')}</th>
                <th>{t('channels.kind')}</th>
                <th>{t('channels.settings')}</th>
                <th>{t('rules.enabled')}</th>
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.id}>
                  <td className="strong">{c.name}</td>
                  <td>{t(`channelKind.${c.kind}`)}</td>
                  <td className="cell-clip small">
                    <code>{describe(c, t)}</code>
                  </td>
                  <td>
                    <span className={`badge ${c.enabled ? 'badge-positive' : ''}`}>{c.enabled ? t('rules.on') : t('rules.off')}</span>
                  </td>
                  <td className="actions-col nowrap">
                    <button type="button" className="btn btn-small" onClick={() => setEditing(c)}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(c)}>
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

function ChannelForm({ channel, onDone }: { channel: AlertChannel | null; onDone(saved: boolean): Promise<void> }) {
  const { t } = useI18n();
  const { can, reportError, notify } = useApp();
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'email');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [config, setConfig] = useState<ChannelConfig>(channel?.config ?? {});
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const canListUsers = can('users.manage');
  useEffect(() => {
    if (!canListUsers) return;
    api<{ items: User[] }>('/api/users')
      .then((res) => setUsers(res.items.filter((u) => !u.disabled)))
      .catch(() => setUsers(null));
  }, [canListUsers]);

  const set = (patch: ChannelConfig) => setConfig((c) => ({ ...c, ...patch }));

  const bodyConfig = (): ChannelConfig => {
    const pick = (key: TextKey) => (config[key] ?? '').trim();
    switch (kind) {
      case 'email':
        return { to: config.to ?? [] };
      case 'in_app':
        return { userIds: config.userIds ?? [], roles: config.roles ?? [] };
      default: {
        const out: ChannelConfig = {};
        for (const f of textFields[kind]) if (pick(f.key)) out[f.key] = pick(f.key);
        return out;
      }
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), enabled, config: bodyConfig() };
      // A channel keeps its kind: the form locks it when editing and PATCH does not take it.
      if (channel) await api(`/api/alert-channels/${encodeURIComponent(channel.id)}`, { method: 'PATCH', body });
      else await api('/api/alert-channels', { method: 'POST', body: { ...body, kind } });
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
    <form className="form inline-form" onSubmit={(e) => void submit(e)} data-testid="channel-form">
      <h3>{channel ? `${t('common.edit')}: ${channel.name}` : t('channels.new')}</h3>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-grid">
        <label className="field">
          <span>{t('common.name')}</span>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('channels.kind')}</span>
          <select name="kind" value={kind} disabled={channel !== null} onChange={(e) => setKind(e.target.value as ChannelKind)}>
            {channelKinds.map((k) => (
              <option key={k} value={k}>
                {t(`channelKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field-label">&nbsp;</span>
          <label className="check">
            <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            {t('rules.enabled')}
          </label>
        </div>
        {textFields[kind].map((f) => (
          <label key={f.key} className={`field${f.key === 'url' ? ' field-wide' : ''}`}>
            <span>
              {t(f.label)}
              {!f.required && <em className="muted"> ({t('common.optional')})</em>}
            </span>
            <input
              name={`config.${f.key}`}
              required={f.required}
              autoComplete="off"
              spellCheck={false}
              value={config[f.key] ?? ''}
              onChange={(e) => set({ [f.key]: e.target.value })}
            />
            {f.secret && channel && <small className="muted">{t('channels.secretKept')}</small>}
          </label>
        ))}
        {kind === 'email' && (
          <div className="field field-wide">
            <span className="field-label">{t('channels.to')}</span>
            <TagInput name="config.to" value={config.to ?? []} onChange={(to) => set({ to })} />
            <small className="muted">{t('channels.toHint')}</small>
          </div>
        )}
        {kind === 'in_app' && (
          <>
            <div className="field field-wide">
              <span className="field-label">{t('channels.roles')}</span>
              <MultiCheck
                name="config.roles"
                options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                value={config.roles ?? []}
                onChange={(next) => set({ roles: next })}
              />
            </div>
            <div className="field field-wide">
              <span className="field-label">{t('channels.users')}</span>
              {users ? (
                <MultiCheck
                  name="config.userIds"
                  options={users.map((u) => ({ value: u.id, label: u.name || u.email }))}
                  value={config.userIds ?? []}
                  onChange={(userIds) => set({ userIds })}
                />
              ) : (
                <TagInput name="config.userIds" value={config.userIds ?? []} onChange={(userIds) => set({ userIds })} />
              )}
            </div>
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void onDone(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {channel ? t('common.save') : t('common.create')}
        </button>
      </div>
    </form>
  );
}
