import { randomBytes } from 'node:crypto';
import { freshPostgresDatabase } from '../db/fresh-database.ts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openContext, type OpenContext } from '../app.ts';
import { createUser } from '../auth/create-user.ts';
import type { Role } from '../core/access.vocab.ts';
import type { Config } from '../core/config.ts';
import { buildServer } from '../server.ts';

/*
 * Integration tests run against a real database: an in-memory PGlite always, and a fresh
 * database on the PostgreSQL server when DATABASE_URL is set (TEST_DB=postgres picks it).
 * Each test file gets its own database, so files can run in parallel.
 */

export { freshPostgresDatabase };

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  ctx: OpenContext;
  server: FastifyInstance;
  close(): Promise<void>;
  /** Creates an organisation and returns its id. */
  createOrg(slug: string): Promise<string>;
  /** Creates a user and returns a logged-in client for it. */
  userClient(orgId: string, role: Role, options?: { email?: string; departmentIds?: string[] }): Promise<TestClient>;
}

/**
 * Starts the app on a fresh database without listening on a port; requests go through inject().
 * `config` overrides the environment's (e.g. `outboundAllow: ['127.0.0.1']` for a test that sends to a local receiver).
 */
export async function createTestApp(options: { workers?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const baseUrl = process.env.DATABASE_URL;
  const pgDb = baseUrl ? await freshPostgresDatabase(baseUrl) : null;
  const ctx = await openContext({
    config: { ...options.config, databaseUrl: pgDb?.url ?? null, dataDir: null, logLevel: 'silent' },
    queue: options.workers ? 'workers' : 'send',
  });
  const server = await buildServer(ctx);
  await server.ready();
  let userCount = 0;
  return {
    ctx,
    server,
    async close() {
      await server.close();
      await ctx.close();
      await pgDb?.drop();
    },
    async createOrg(slug) {
      const row = await ctx.db
        .insertInto('organisations')
        .values({ slug, name: `Clinic ${slug}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async userClient(orgId, role, opts = {}) {
      const email = opts.email ?? `user${++userCount}-${role}@${orgId.slice(0, 8)}.test`;
      await createUser(ctx.db, { orgId, email, name: `${role} user`, role, password: TEST_PASSWORD, departmentIds: opts.departmentIds });
      const client = new TestClient(server);
      const res = await client.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return client;
    },
  };
}

/** Keeps the session and CSRF cookies like a browser and sends the CSRF header on writes. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private readonly server: FastifyInstance) {}

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('verity_csrf');
    if (csrf && options.csrf !== false && options.method && options.method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await this.server.inject({ ...options, headers });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

/** A multipart/form-data body with fields first and then one file, as browsers send it. */
export function multipartBody(fields: Record<string, string>, file: { name: string; content: Buffer | string; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----verity${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
