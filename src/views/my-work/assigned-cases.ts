import { findAssignedCases, type CaseViewType } from '../../cases/index.ts';
import type { AccessTable } from '../../core/context.ts';
import type { Locale } from '../../core/i18n.ts';
import type { SessionUser } from '../../core/request.ts';
import { viewerOf } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';

/** The open cases assigned to the user, newest first; none for a role that may not read cases. */
export async function assignedCases(db: Db, access: AccessTable, user: SessionUser, locale: Locale): Promise<CaseViewType[]> {
  if (!access.can(user.role, 'cases.read')) return [];
  return findAssignedCases(db, viewerOf(user), user.userId, locale);
}
