import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isDepartmentScoped } from './access.vocab.ts';
import type { SessionUser } from './request.ts';

/**
 * Who is asking: the organisation always, and for department-scoped roles the departments they
 * may see. `departmentIds: null` means every department of the organisation; an empty list means
 * none (a department head with no department assigned sees nothing, never everything).
 */
export interface Viewer {
  orgId: string;
  departmentIds: string[] | null;
}

export function viewerOf(user: Pick<SessionUser, 'orgId' | 'role' | 'departmentIds'>): Viewer {
  return { orgId: user.orgId, departmentIds: isDepartmentScoped(user.role) ? user.departmentIds : null };
}

/** A viewer who sees every department of an organisation (jobs, and checks made on the organisation's behalf). */
export function wholeOrganisation(orgId: string): Viewer {
  return { orgId, departmentIds: null };
}

/**
 * The one department-scoping rule, as a where-clause: rows whose `column` (a department id) is
 * among the viewer's departments; true for a viewer of the whole organisation, false for one with
 * no departments. Use it as `.where(scopeToViewer('m.department_id', viewer))`; the
 * organisation filter is the caller's, as for every tenant-owned table.
 */
export function scopeToViewer(column: string, viewer: Viewer): RawBuilder<SqlBool> {
  if (!viewer.departmentIds) return sql<SqlBool>`true`;
  if (viewer.departmentIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} IN (${sql.join(viewer.departmentIds)})`;
}

/** Whether a viewer may see a row of `departmentId` (for checks on one loaded row). */
export function viewerSees(viewer: Viewer, departmentId: string | null): boolean {
  if (!viewer.departmentIds) return true;
  return departmentId !== null && viewer.departmentIds.includes(departmentId);
}
