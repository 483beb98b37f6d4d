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
}

/** Reads the configuration from the environment; throws on a malformed value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.VERITY_DATA_DIR?.trim() || './data'),
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    publicUrl: env.VERITY_PUBLIC_URL?.trim() || null,
    secureCookies: env.VERITY_SECURE_COOKIES === '1',
    logLevel: env.VERITY_LOG_LEVEL?.trim() || 'info',
  };
}
