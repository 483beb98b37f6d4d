import { useI18n } from '../../i18n/index.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import type { Source } from './types.ts';

export interface Secret {
  source: Pick<Source, 'id' | 'name' | 'kind'>;
  token?: string;
  webhookSecret?: string;
}

/** A new token or webhook secret, shown once, with how to use it. */
export function SecretPanel({ secret, onClose }: { secret: Secret; onClose(): void }) {
  const { t } = useI18n();
  const origin = window.location.origin;
  const endpoint = `${origin}/api/v1/sources/${secret.source.id}/${secret.webhookSecret ? 'webhook' : 'mentions'}`;
  return (
    <section className="card card-secret" data-testid="source-secret">
      <div className="card-head">
        <h2>{secret.token ? t('sources.tokenTitle', { name: secret.source.name }) : t('sources.secretTitle', { name: secret.source.name })}</h2>
        <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="warning-text">{t('sources.once')}</p>
      {secret.token && (
        <>
          <SecretLine value={secret.token} />
          <p>{t('sources.curlExample')}</p>
          <div className="code-block">
            <pre>{`curl -X POST ${endpoint} \\
  -H 'Authorization: Bearer ${secret.token}' \\
  -H 'content-type: application/json' \\
  -d '{"mentions":[{"externalId":"1","text":"..."}]}'`}</pre>
            <CopyButton text={`curl -X POST ${endpoint} -H 'Authorization: Bearer ${secret.token}' -H 'content-type: application/json' -d '{"mentions":[{"externalId":"1","text":"..."}]}'`} />
          </div>
        </>
      )}
      {secret.webhookSecret && (
        <>
          <SecretLine value={secret.webhookSecret} />
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

function SecretLine({ value }: { value: string }) {
  return (
    <div className="secret-line">
      <code>{value}</code>
      <CopyButton text={value} />
    </div>
  );
}
