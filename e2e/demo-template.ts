import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The demo organisation, seeded once per test run and copied for every browser spec that wants
 * it: seeding the full demo (mentions analysed, cases worked) costs close to a minute, and four
 * specs used to pay it each. The first spec that asks seeds the template under a lock directory
 * (atomic mkdir, so forks of one run never seed twice); the others wait and copy it: the PGlite
 * data directory is copied, a PostgreSQL template database is cloned with CREATE DATABASE … TEMPLATE.
 * `e2e/global-setup.ts` names the run and removes the template afterwards.
 */

/** Where this run keeps its template (set by the global set-up; a run without one seeds per process). */
export function templateDir(): string {
  return join(tmpdir(), `verity-demo-template-${process.env.VERITY_E2E_RUN ?? `p${process.pid}`}`);
}

const READY = 'ready';
const DATABASE_FILE = 'database';

/** Seeds the template once (whoever takes the lock), else waits for it; resolves when it is ready. */
async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  if (existsSync(join(dir, READY))) return dir;
  let owner = false;
  try {
    mkdirSync(dir);
    owner = true;
  } catch {
    // Another spec of this run is seeding it.
  }
  if (owner) {
    try {
      await seedTemplate(dir);
      writeFileSync(join(dir, READY), new Date().toISOString());
    } catch (error) {
      writeFileSync(join(dir, 'failed'), String(error));
      throw error;
    }
    return dir;
  }
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(join(dir, READY))) {
    if (existsSync(join(dir, 'failed'))) throw new Error(`seeding the demo template failed: ${readFileSync(join(dir, 'failed'), 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the demo template in ${dir} was not ready after 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return dir;
}

async function seedTemplate(dir: string): Promise<void> {
  const { startVerity } = await import('../src/app.ts');
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const { freshPostgresDatabase } = await import('../src/db/fresh-database.ts');
    databaseUrl = (await freshPostgresDatabase(process.env.DATABASE_URL, 'verity_e2e_tpl')).url;
    writeFileSync(join(dir, DATABASE_FILE), new URL(databaseUrl).pathname.slice(1));
  }
  const verity = await startVerity({ dataDir: databaseUrl ? undefined : join(dir, 'data'), databaseUrl, port: 0, host: '127.0.0.1', demo: true, logLevel: 'warn' });
  await verity.close();
}

/** A store holding a copy of the demo organisation for one spec: a data directory under `workDir`, or a database on the server. */
export async function demoStore(workDir: string): Promise<{ dataDir?: string; databaseUrl?: string; drop(): Promise<void> }> {
  const dir = await ensureTemplate();
  if (process.env.DATABASE_URL) {
    const { freshPostgresDatabase } = await import('../src/db/fresh-database.ts');
    const template = readFileSync(join(dir, DATABASE_FILE), 'utf8');
    // CREATE DATABASE refuses while another copy of the same template is being made; try again shortly.
    for (let attempt = 0; ; attempt++) {
      try {
        const db = await freshPostgresDatabase(process.env.DATABASE_URL, 'verity_e2e', template);
        return { databaseUrl: db.url, drop: db.drop };
      } catch (error) {
        if (attempt >= 40 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
  const dataDir = join(workDir, 'data');
  cpSync(join(dir, 'data'), dataDir, { recursive: true });
  return { dataDir, drop: async () => {} };
}

/** Removes this run's template (its directory and its database). */
export async function removeTemplate(): Promise<void> {
  const dir = templateDir();
  if (!existsSync(dir)) return;
  const databaseFile = join(dir, DATABASE_FILE);
  if (process.env.DATABASE_URL && existsSync(databaseFile)) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(readFileSync(databaseFile, 'utf8'))} WITH (FORCE)`);
    await client.end();
  }
  rmSync(dir, { recursive: true, force: true });
}
