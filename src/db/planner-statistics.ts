import { sql } from 'kysely';
import { QUEUE_SCHEMA } from '../core/queue.ts';
import type { Db } from './database.ts';

/**
 * Planner statistics for tables whose size moved since they were last measured.
 *
 * The embedded store has no autovacuum: a table filled by an import was never ANALYZEd, so the
 * planner believed it empty (reltuples -1) and chose nested loops that rescan it per row. On a
 * store with 20,000 imported mentions the first analysis batch after a restart then held the one
 * embedded connection (and the event loop with it) for minutes: the server listened but answered
 * nothing. This does what autovacuum's analyze would: every table of our schema and the queue's
 * whose page count differs from the one its statistics were taken at by more than a fifth (or
 * that was never measured) is analysed. Cheap to check; ANALYZE samples, so it stays bounded.
 * Returns the tables analysed.
 */
export async function analyzeStaleTables(db: Db, options: { minPages?: number; drift?: number; neverMeasuredOnly?: boolean } = {}): Promise<string[]> {
  const minPages = options.minPages ?? 8;
  // Never measured is what misleads the planner most; once measured, it scales the row count by the
  // table's current size, so a growing table needs measuring only now and then.
  const drift = options.drift ?? 0.2;
  const drifted = !options.neverMeasuredOnly;
  const { rows } = await sql<{ name: string }>`
    SELECT format('%I.%I', n.nspname, c.relname) AS name
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm')
      AND (n.nspname = ANY (current_schemas(false)) OR n.nspname = ${QUEUE_SCHEMA})
      AND pg_relation_size(c.oid) / current_setting('block_size')::int >= ${minPages}::int
      AND (c.reltuples < 0
        OR ${drifted}::boolean AND abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > ${drift}::float8 * greatest(c.relpages, 1))
    ORDER BY 1`.execute(db);
  for (const { name } of rows) await sql`ANALYZE ${sql.raw(name)}`.execute(db);
  return rows.map((r) => r.name);
}
