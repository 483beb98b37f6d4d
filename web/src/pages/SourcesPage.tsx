import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { CopyButton, EmptyState, Spinner } from '../components/ui.tsx';
import { sourceKinds, type Source, type SourceKind } from '../types.ts';

interface Secret {
  source: Pick<Source, 'id' | 'name' | 'kind'>;
  token?: string;
  webhookSecret?: string;
}

export function SourcesPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { reportError, notify } = useApp();
  const [sources, setSources] = useState<Source[] | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setSources((await api<{ items: Source[] }>('/api/sources')).items);
    } catch (error) {
      reportError(error);
      setSources([]);
    }
  }, [reportError]);

  useEffect(() => {
    void load();
  }, [load]);

  const rotate = async (source: Source) => {
    if (!window.confirm(t('sources.rotateConfirm', { name: source.name }))) return;
    try {
      const res = await api<{ token?: string; webhookSecret?: string }>(
        `/api/sources/${encodeURIComponent(source.id)}/rotate-token`,
        { method: 'POST' },
      );
      setSecret({ source, ...res });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <div className="page">
      {secret && <SecretPanel secret={secret} onClose={() => setSecret(null)} />}

      <section className="card">
        <div className="card-head">
          <h2>{t('sources.title')}</h2>
          {!formOpen && (
            <button type="button" className="btn btn-primary" onClick={() => setFormOpen(true)}>
              + {t('sources.new')}
            </button>
          )}
        </div>
        {formOpen && (
          <SourceForm
            onCancel={() => setFormOpen(false)}
            onCreated={(created) => {
              setFormOpen(false);
              notify(t('common.saved'));
              if (created.token || created.webhookSecret) setSecret(created);
              void load();
            }}
          />
        )}
        {sources === null ? (
          <Spinner />
        ) : sources.length === 0 ? (
          <EmptyState title={t('sources.empty')} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('common.name')}</th>
                  <th>{t('sources.kind')}</th>
                  <th>{t('sources.platform')}</th>
                  <th className="num">{t('sources.mentions')}</th>
                  <th>{t('sources.lastRun')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <div className="strong">{s.name}</div>
                      {s.url && <div className="muted small cell-clip">{s.url}</div>}
                      {s.lastPollError && <div className="small warning-text">⚠ {s.lastPollError}</div>}
                    </td>
                    <td>
                      <span className={`badge badge-kind-${s.kind}`}>{t(`sources.sourceKind.${s.kind}`)}</span>
                    </td>
                    <td>{s.platform || t('common.none')}</td>
                    <td className="num">{formatNumber(s.mentionCount)}</td>
                    <td className="nowrap">
                      {s.lastRun ? (
                        <>
                          <span className={`badge badge-run-${s.lastRun.status}`}>{t(`import.status.${s.lastRun.status}`)}</span>{' '}
                          <span className="muted small">{formatDate(s.lastRun.finishedAt ?? s.lastRun.startedAt)}</span>
                        </>
                      ) : (
                        <span className="muted">{t('sources.never')}</span>
                      )}
                    </td>
                    <td>
                      {(s.kind === 'push' || s.kind === 'webhook') && (
                        <button type="button" className="btn btn-small" onClick={() => void rotate(s)}>
                          {s.kind === 'push' ? t('sources.rotate') : t('sources.rotateSecret')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function SourceForm({ onCancel, onCreated }: { onCancel(): void; onCreated(secret: Secret): void }) {
  const { t } = useI18n();
  const { reportError } = useApp();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SourceKind>('push');
  const [platform, setPlatform] = useState('');
  const [url, setUrl] = useState('');
  const [pollMinutes, setPollMinutes] = useState('60');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const body: Record<string, unknown> = { name: name.trim(), kind };
      if (platform.trim()) body.platform = platform.trim();
      if (kind === 'rss') {
        body.url = url.trim();
        body.pollMinutes = Number(pollMinutes);
      }
      const res = await api<{ source: Source; token?: string; webhookSecret?: string }>('/api/sources', {
        method: 'POST',
        body,
      });
      onCreated({ source: res.source, token: res.token, webhookSecret: res.webhookSecret });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)}>
      <div className="form-row">
        <label className="field">
          <span>{t('common.name')}</span>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('sources.kind')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
            {sourceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`sources.sourceKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>
            {t('sources.platform')} <em className="muted">({t('common.optional')})</em>
          </span>
          <input name="platform" placeholder={t('sources.platformHint')} value={platform} onChange={(e) => setPlatform(e.target.value)} />
        </label>
      </div>
      {kind === 'rss' && (
        <div className="form-row">
          <label className="field field-wide">
            <span>{t('sources.url')}</span>
            <input name="url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
          </label>
          <label className="field field-narrow">
            <span>{t('sources.pollMinutes')}</span>
            <input
              name="pollMinutes"
              type="number"
              min={5}
              required
              value={pollMinutes}
              onChange={(e) => setPollMinutes(e.target.value)}
            />
          </label>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
          {t('common.create')}
        </button>
      </div>
    </form>
  );
}

function SecretPanel({ secret, onClose }: { secret: Secret; onClose(): void }) {
  const { t } = useI18n();
  const origin = window.location.origin;
  const endpoint = `${origin}/api/v1/sources/${secret.source.id}/${secret.webhookSecret ? 'webhook' : 'mentions'}`;
  return (
    <section className="card card-secret" data-testid="source-secret">
      <div className="card-head">
        <h2>
          {secret.token
            ? t('sources.tokenTitle', { name: secret.source.name })
            : t('sources.secretTitle', { name: secret.source.name })}
        </h2>
        <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="warning-text">{t('sources.once')}</p>
      {secret.token && (
        <>
          <div className="secret-line">
            <code>{secret.token}</code>
            <CopyButton text={secret.token} />
          </div>
          <p>{t('sources.curlExample')}</p>
          <div className="code-block">
            <pre>{`curl -X POST ${endpoint} \\
  -H 'Authorization: Bearer ${secret.token}' \\
  -H 'content-type: application/json' \\
  -d '{"mentions":[{"externalId":"1","text":"..."}]}'`}</pre>
            <CopyButton
              text={`curl -X POST ${endpoint} -H 'Authorization: Bearer ${secret.token}' -H 'content-type: application/json' -d '{"mentions":[{"externalId":"1","text":"..."}]}'`}
            />
          </div>
        </>
      )}
      {secret.webhookSecret && (
        <>
          <div className="secret-line">
            <code>{secret.webhookSecret}</code>
            <CopyButton text={secret.webhookSecret} />
          </div>
          <p>{t('sources.signing')}</p>
          <ul className="plain-list">
            <li>
              <code>POST {endpoint}</code>
            </li>
            <li>{t('sources.signingTimestamp')}</li>
            <li>{t('sources.signingSignature')}</li>
          </ul>
          <div className="code-block">
            <pre>{`x-verity-timestamp: <unix seconds>
x-verity-signature: sha256=HEX(HMAC_SHA256(secret, timestamp + "." + rawBody))`}</pre>
          </div>
        </>
      )}
    </section>
  );
}
