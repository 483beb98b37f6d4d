import type { Transaction } from 'kysely';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../db/schema.ts';

export interface CaseNotification {
  orgId: string;
  title: string;
  text: string;
  url?: string;
  userIds?: string[];
  roles?: string[];
  urgent?: boolean;
}

/** Tells people about a case (opened, escalated, reopened) inside the caller's transaction. Throws on a database error. */
export async function notifyCase(_boss: PgBoss | null, _trx: Transaction<Database>, _notification: CaseNotification): Promise<void> {
  // Wired to the notifications feature once it lands; until then the timeline is the record.
}
