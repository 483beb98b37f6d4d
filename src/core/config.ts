import path from 'node:path';

/** Every environment variable Verity reads, with its default; `verity --help` prints this list. */
export const ENV_VARS = [
  ['DATABASE_URL', 'PostgreSQL server to use instead of the embedded database', '(unset: embedded PGlite)'],
  ['VERITY_DATA_DIR', 'data directory of the embedded database', './data'],
  ['PORT', 'HTTP port of `verity start`', '3000'],
  ['HOST', 'address the HTTP server listens on', '127.0.0.1'],
  ['VERITY_PUBLIC_URL', 'URL users open (printed at start, used in links)', 'http://localhost:PORT'],
  ['VERITY_SECURE_COOKIES', 'mark session cookies Secure (set to 1 behind HTTPS)', '0'],
  ['VERITY_LOG_LEVEL', 'log level: fatal, error, warn, info, debug', 'info'],
  ['VERITY_PGLITE_SHARED_BUFFERS', 'shared buffers of the embedded database (they live in the Verity process)', '32MB'],
  ['VERITY_SMTP_URL', 'SMTP server for e-mail alerts, e.g. smtp://user:pass@mail.example:587', '(unset: e-mail is kept in the local outbox, which admins read in the web app)'],
  ['VERITY_MAIL_FROM', 'sender of e-mail alerts', 'Verity <verity@localhost>'],
  ['VERITY_UPLOAD_DIR', "directory for patients' follow-up photos (re-encoded without metadata)", '(unset: kept in the database)'],
  ['VERITY_DELIVERY_RETRY_DELAY', 'seconds before the first retry of a failed alert delivery (doubling, 5 retries); 0 retries at once', '10'],
  ['VERITY_TRUST_PROXY', 'comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For names the client', '(unset: the connecting address is the client)'],
  ['VERITY_OUTBOUND_ALLOW', 'comma-separated hosts or CIDRs that feeds, webhooks and chat channels may reach although they are loopback, private or link-local', '(unset: such addresses are refused)'],
  [
    'VERITY_SECRET_KEY',
    'key that encrypts stored secrets (source tokens, webhook secrets, channel URLs): 32 bytes as 64 hex digits or base64',
    '(unset: a key file in the data directory; required with DATABASE_URL)',
  ],
] as const;

export interface Config {
  databaseUrl: string | null;
  /** null keeps the embedded database in memory (tests). */
  dataDir: string | null;
  port: number;
  host: string;
  publicUrl: string | null;
  secureCookies: boolean;
  logLevel: string;
  /** Shared buffers of the embedded database, a PostgreSQL size such as '32MB'. */
  pgliteSharedBuffers: string;
  smtpUrl: string | null;
  mailFrom: string;
  deliveryRetryDelaySeconds: number;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  trustProxy: string[];
  /** Hosts or CIDRs outbound requests may reach although private/loopback/link-local; empty: none. */
  outboundAllow: string[];
  /** The raw VERITY_SECRET_KEY (parsed and checked by the secrets module); null when unset. */
  secretKey: string | null;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Reads the configuration from the environment; throws on a malformed value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  }
  const retryDelay = env.VERITY_DELIVERY_RETRY_DELAY?.trim() ? Number(env.VERITY_DELIVERY_RETRY_DELAY) : 10;
  if (!Number.isInteger(retryDelay) || retryDelay < 0 || retryDelay > 3600) {
    throw new Error(`VERITY_DELIVERY_RETRY_DELAY must be whole seconds between 0 and 3600, got '${env.VERITY_DELIVERY_RETRY_DELAY}'`);
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.VERITY_DATA_DIR?.trim() || './data'),
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    publicUrl: env.VERITY_PUBLIC_URL?.trim() || null,
    secureCookies: env.VERITY_SECURE_COOKIES === '1',
    logLevel: env.VERITY_LOG_LEVEL?.trim() || 'info',
    pgliteSharedBuffers: env.VERITY_PGLITE_SHARED_BUFFERS?.trim() || '32MB',
    smtpUrl: env.VERITY_SMTP_URL?.trim() || null,
    mailFrom: env.VERITY_MAIL_FROM?.trim() || 'Verity <verity@localhost>',
    deliveryRetryDelaySeconds: retryDelay,
    trustProxy: list(env.VERITY_TRUST_PROXY),
    outboundAllow: list(env.VERITY_OUTBOUND_ALLOW),
    secretKey: env.VERITY_SECRET_KEY?.trim() || null,
  };
}

/**
 * The address people open Verity at, for links written into pages, QR codes, e-mails and SMS:
 * VERITY_PUBLIC_URL, else http://localhost:PORT (the port the server listens on); without a
 * trailing slash.
 */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}
