import type { FastifyInstance } from 'fastify';
import { readConfig, type Config } from './core/config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { resolveSecretKey, useSecretKey } from './core/secrets.ts';
import { prepareStoredSecrets } from './stored-secrets.ts';
import type { AppContext } from './core/context.ts';
import { failOrphanedJobs, startQueue } from './core/queue.ts';
import { closeInterruptedRuns, STALE_RUN_SECONDS } from './ingest/index.ts';
import type { JobDefinition } from './core/jobs.ts';
import { createQueues, startWorkers } from './job-registry.ts';
import { can, permissionsOf } from './permissions.ts';
import { analyzeStaleTables } from './db/planner-statistics.ts';

export interface OpenOptions {
  config?: Partial<Config>;
  /** 'workers' runs the job workers and schedules; 'send' only enqueues; 'none' starts no queue. */
  queue?: 'workers' | 'send' | 'none';
  extraJobs?: JobDefinition[];
  /** With 'workers': register the workers only when `startWorkers()` is called (the server does, once it listens). */
  deferWorkers?: boolean;
}

export interface OpenContext extends AppContext {
  /** Registers the job workers and schedules (once; nothing unless opened with 'workers'). */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the store, brings its schema up to date and starts the queue. Throws when the database cannot be reached or migrated. */
export async function openContext(options: OpenOptions = {}): Promise<OpenContext> {
  const config = { ...readConfig(), ...options.config };
  // Secrets at rest: a malformed VERITY_SECRET_KEY is refused before the store is opened.
  const secretKey = resolveSecretKey(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
  try {
    await migrateToLatest(database.db);
    // The embedded store has no autovacuum: tables filled since their statistics were taken (an
    // import by the CLI, a restore) are measured before the first worker plans a query on them.
    if (database.kind === 'pglite') await analyzeStaleTables(database.db);
    useSecretKey(secretKey);
    await prepareStoredSecrets(database.db, secretKey);
    const mode = options.queue ?? 'workers';
    const boss = mode === 'none' ? null : await startQueue(database, { schedule: mode === 'workers', onError: (error) => console.error(`queue error: ${error.message}`) });
    const ctx: AppContext = { config, database, db: database.db, boss, access: { can, permissionsOf } };
    if (boss && mode === 'workers') await recoverFromStop(ctx, boss);
    if (boss) await createQueues(boss);
    let workers: Promise<void> | null = null;
    const startAll = () => (workers ??= boss && mode === 'workers' ? startWorkers(ctx, boss, options.extraJobs) : Promise.resolve());
    if (!options.deferWorkers) await startAll();
    return {
      ...ctx,
      startWorkers: startAll,
      async close() {
        await workers?.catch(() => {});
        if (boss) await boss.stop({ graceful: true, timeout: 5000, close: !database.pglite });
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * What a process that runs the workers finds after a stop it did not choose (kill -9, a crash, a
 * power cut): import runs still `running` are closed as interrupted (all of them on the embedded
 * store, which has one owner; on PostgreSQL those without a batch for STALE_RUN_SECONDS, since
 * another server may be running them), and on the embedded store the jobs left active are failed
 * so that pg-boss retries them now rather than at their expiry.
 */
async function recoverFromStop(ctx: AppContext, boss: NonNullable<AppContext['boss']>): Promise<void> {
  const soleOwner = ctx.database.kind === 'pglite';
  const runs = await closeInterruptedRuns(ctx.db, soleOwner ? null : STALE_RUN_SECONDS);
  const jobs = soleOwner ? await failOrphanedJobs(boss, ctx.db) : 0;
  if (runs || jobs) console.warn(`after an interrupted stop: ${runs} import run(s) closed as interrupted, ${jobs} job(s) left running retried`);
}

export interface StartOptions {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
  demo?: boolean;
  workers?: boolean;
  logLevel?: string;
}

export interface RunningVerity {
  url: string;
  ctx: OpenContext;
  server: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Starts Verity: store and queue, optional demo data, the HTTP server, and then the workers: the
 * server answers first, and a backlog (analysis after a crash, deliveries) is worked through in
 * the background rather than before it listens. Throws when any of them cannot start.
 */
export async function startVerity(options: StartOptions = {}): Promise<RunningVerity> {
  const overrides: Partial<Config> = {};
  if (options.dataDir !== undefined) overrides.dataDir = options.dataDir;
  if (options.databaseUrl !== undefined) overrides.databaseUrl = options.databaseUrl;
  if (options.port !== undefined) overrides.port = options.port;
  if (options.host !== undefined) overrides.host = options.host;
  if (options.logLevel !== undefined) overrides.logLevel = options.logLevel;
  const ctx = await openContext({ config: overrides, queue: options.workers === false ? 'send' : 'workers', deferWorkers: true });
  try {
    if (options.demo) {
      const { seedDemo } = await import('./demo/seed-demo.ts');
      await seedDemo(ctx);
    }
    // The server (and with it every route's dependencies) is loaded only by processes that serve.
    const { buildServer } = await import('./server.ts');
    const server = await buildServer(ctx);
    const address = await server.listen({ port: ctx.config.port, host: ctx.config.host });
    const port = Number(new URL(address).port);
    const url = ctx.config.publicUrl ?? `http://${ctx.config.host === '0.0.0.0' || ctx.config.host === '127.0.0.1' ? 'localhost' : ctx.config.host}:${port}`;
    // Asked for any free port (0), the server listens on one: links written for people (survey QR
    // codes, the patient portal, e-mails) name that port, not 0.
    ctx.config.port = port;
    // The lock on an embedded store names the server's URL, so a refused CLI command can point there.
    ctx.database.lock?.annotate({ url });
    await ctx.startWorkers();
    return {
      url,
      ctx,
      server,
      async close() {
        await server.close();
        await ctx.close();
      },
    };
  } catch (error) {
    await ctx.close();
    throw error;
  }
}
