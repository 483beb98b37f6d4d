import type { PgBoss } from 'pg-boss';
import { transactionWithRetry } from '../db/retry-transaction.ts';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { closeImportRun, insertImportRun, type RejectedRow } from './import-runs.queries.ts';
import { ingestText } from './ingest-errors.ts';
import { renderIngest } from './ingest.messages.ts';
import type { ImportChannel } from './ingest.vocab.ts';
import { OrgUnitResolver, type IngestCounts, type IngestTarget } from './ingest-mentions.ts';
import type { Text } from '../core/i18n.ts';
import { ingestIntoRun } from './ingest-into-run.ts';
import type { MentionInput } from './mention-input.ts';
import { analyzeStaleTables } from '../db/planner-statistics.ts';

/** What a run records about itself. */
export interface RunInfo {
  orgId: string;
  sourceId: string;
  channel: ImportChannel;
  userId?: string | null;
  /** The file, or the feed's URL, the run read. */
  fileName?: string | null;
  format?: string | null;
  /** The file's default location and department (ids) for rows that name none; else the source's. */
  locationId?: string | null;
  departmentId?: string | null;
}

/** The open run, as recordRun hands it to the work it records. */
export interface RecordedRun {
  readonly runId: string;
  /**
   * Writes one batch through ingestIntoRun: in the transaction recordRun was given, or else in a
   * transaction of its own, so that each batch commits with its counts and its analysis job.
   */
  ingest(mentions: MentionInput[], rejected?: RejectedRow[]): Promise<IngestCounts & { ids: string[] }>;
  /** Has the run finish as failed with this reason (English) and its message code; what was written before stays (a truncated file keeps its good rows). */
  fail(reason: string, text?: Text): void;
}

/** What a run that ended in an unexpected error records; the details go to the log, not to the people who read runs. */
const INTERNAL_RUN_ERROR = renderIngest('en', ingestText('run.internal'));

/**
 * The one lifecycle of an import run, for every channel: opens the run, hands `fn` the run to
 * write its batches through, and finishes it as completed (or failed with the reason `fn` gave
 * with `run.fail`). When `fn` throws, the run is recorded as failed and the error rethrown.
 *
 * Given a transaction as `ctx.db` (the push API, webhooks and manual entry write everything at
 * once), the run and its batches are written in it and share its fate: a throw rolls them back
 * together, so there is no failed run to record.
 */
/** Rows between two statistics checks in one import, and the fewest that earn one at its end. */
const STATISTICS_EVERY = 10_000;
const STATISTICS_MIN = 1_000;

export async function recordRun<T>(ctx: { db: Db; boss: PgBoss | null }, info: RunInfo, fn: (run: RecordedRun) => Promise<T>): Promise<T> {
  const { db, boss } = ctx;
  const runId = await insertImportRun(db, {
    orgId: info.orgId,
    sourceId: info.sourceId,
    userId: info.userId ?? null,
    channel: info.channel,
    fileName: info.fileName ?? null,
    format: info.format ?? null,
    locationId: info.locationId ?? null,
    departmentId: info.departmentId ?? null,
  });
  let target: IngestTarget | undefined;
  let resolver: OrgUnitResolver | undefined;
  let failure: string | null = null;
  let failureText: Text | null = null;
  let sinceStatistics = 0;
  let totalRows = 0;
  const run: RecordedRun = {
    runId,
    async ingest(mentions, rejected = []) {
      resolver ??= await OrgUnitResolver.load(db, info.orgId);
      target ??= { orgId: info.orgId, sourceId: info.sourceId, defaults: await runDefaults(db, info, resolver) };
      const loaded = resolver;
      const into = target;
      const write = (trx: Db) => ingestIntoRun(trx, boss, { target: into, runId, mentions, rejected, resolver: loaded });
      // A batch may be chosen as a deadlock victim against the analysis updating the same rollup rows: it runs again whole.
      const counts = await (db.isTransaction ? write(db) : transactionWithRetry(db, write));
      // A big import fills tables faster than statistics follow (the embedded store has no
      // autovacuum): every STATISTICS_EVERY rows, tables never measured are, so the analysis of what
      // was just imported is not planned for empty tables; the drifted rest are measured at the end.
      sinceStatistics += mentions.length;
      totalRows += mentions.length;
      if (sinceStatistics >= STATISTICS_EVERY && !db.isTransaction) {
        sinceStatistics = 0;
        await analyzeStaleTables(db, { neverMeasuredOnly: true });
      }
      return counts;
    },
    fail(reason, text) {
      failure = reason;
      failureText = text ?? null;
    },
  };
  let result: T;
  try {
    result = await fn(run);
  } catch (error) {
    if (!db.isTransaction) {
      const known = error instanceof AppError && error.text;
      await closeImportRun(db, runId, error instanceof AppError ? error.message : INTERNAL_RUN_ERROR, known ? error.text! : ingestText('run.internal')).catch(() => {});
    }
    throw error;
  }
  await closeImportRun(db, runId, failure, failureText);
  if (totalRows >= STATISTICS_MIN && !db.isTransaction) await analyzeStaleTables(db);
  return result;
}

/** The run's own default location and department, else its source's (ids the organisation holds; others are dropped). */
async function runDefaults(db: Db, info: RunInfo, resolver: OrgUnitResolver): Promise<IngestTarget['defaults']> {
  const source = await db.selectFrom('sources').select(['default_location_id', 'default_department_id']).where('id', '=', info.sourceId).where('org_id', '=', info.orgId).executeTakeFirst();
  return {
    locationId: resolver.location(info.locationId ?? source?.default_location_id ?? null),
    departmentId: resolver.department(info.departmentId ?? source?.default_department_id ?? null),
  };
}
