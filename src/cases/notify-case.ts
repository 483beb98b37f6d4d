import type { Db } from '../db/database.ts';
import type { PgBoss } from 'pg-boss';
import type { Role } from '../core/access.vocab.ts';
import type { Text, Words } from '../core/i18n.ts';
import { enqueueNotification } from '../notifications/index.ts';

export interface CaseNotification {
  orgId: string;
  /** A message code, so each recipient reads it in their own language. */
  title: Text;
  /** The case's title (as people wrote it) or a message code. */
  text: Words;
  url?: string;
  userIds?: string[];
  roles?: Role[];
  urgent?: boolean;
}

/** Tells people about a case (opened, assigned, escalated, reopened) in-app and by e-mail, inside the caller's transaction. Throws on a database error. */
export async function notifyCase(boss: PgBoss | null, trx: Db, notification: CaseNotification): Promise<void> {
  if (!notification.userIds?.length && !notification.roles?.length) return;
  await enqueueNotification(boss, trx, notification);
}
