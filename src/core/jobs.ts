import { fromKysely, type PgBoss, type SendOptions } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { AppContext } from './context.ts';
import type { EventName } from './events.ts';

/** A job Verity runs: its queue name, the shape of its data, and how one job is handled. */
export interface JobDefinition<T = unknown> {
  /** `<feature>.<verb-noun>`, e.g. `cases.check-sla`; also the pg-boss queue name. */
  name: string;
  /** The job's data; a job whose data does not match is failed with the schema's message. */
  schema: z.ZodType<T>;
  /** Cron (UTC) when the job runs on a schedule. */
  cron?: string;
  /** An event from the catalogue (events.ts) whose publications become jobs of this queue. */
  subscribe?: EventName;
  /** How often an idle worker looks for jobs (default 1 s; pg-boss allows 0.5 s at least). */
  pollingIntervalSeconds?: number;
  /** Jobs this process runs at once (default 1); more lets one slow target not hold up the rest. */
  localConcurrency?: number;
  /** Options every send of this job uses (retries, singleton keys), unless the caller overrides them. */
  sendOptions?: SendOptions;
  /** Handles one job; must be idempotent, since a job can run twice after a crash. */
  handle(ctx: AppContext, data: T): Promise<void>;
}

/** Declares a job; its handler receives data already checked against `schema`. */
export function defineJob<S extends z.ZodType>(definition: Omit<JobDefinition<z.infer<S>>, 'schema'> & { schema: S }): JobDefinition<z.infer<S>> {
  return definition as JobDefinition<z.infer<S>>;
}

/** Runs one job's data through its schema and handler; throws naming the job when the data is malformed. */
export async function runJob<T>(ctx: AppContext, job: JobDefinition<T>, data: unknown): Promise<void> {
  const parsed = job.schema.safeParse(data ?? {});
  if (!parsed.success) throw new Error(`job ${job.name} got malformed data: ${parsed.error.message}`);
  await job.handle(ctx, parsed.data);
}

/**
 * Sends a job inside the caller's transaction, so that it exists exactly when the caller's rows
 * do (on PGlite a second connection would also deadlock on the one embedded connection). Does
 * nothing in processes without a queue. Returns the job id, or null when none was created.
 */
export async function sendJob<T>(boss: PgBoss | null, trx: Db, job: JobDefinition<T>, data: T, options: SendOptions = {}): Promise<string | null> {
  if (!boss) return null;
  return boss.send(job.name, job.schema.parse(data) as object, { ...job.sendOptions, ...options, db: fromKysely(trx) });
}
