import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeToViewer, type Viewer } from '../../core/viewer.ts';
import { inPeriod, type Period } from './period.ts';
import type { SurveyReportFilters } from './survey-reports.schemas.ts';

export type ReportFilters = Pick<SurveyReportFilters, 'surveyId' | 'locationId' | 'departmentId' | 'staffId'>;

/**
 * The responses a report counts, as a where-clause on `survey_responses r`: the viewer's
 * organisation and departments, submitted inside the period (drafts never count), and the filters.
 */
export function responseFilter(viewer: Viewer, period: Period, f: ReportFilters): RawBuilder<SqlBool> {
  const conds: RawBuilder<unknown>[] = [sql`r.org_id = ${viewer.orgId}`, sql`r.status = 'submitted'`, inPeriod('r.submitted_at', period), scopeToViewer('r.department_id', viewer)];
  if (f.surveyId) conds.push(sql`r.survey_id = ${f.surveyId}`);
  if (f.locationId) conds.push(sql`r.location_id = ${f.locationId}`);
  if (f.departmentId) conds.push(sql`r.department_id = ${f.departmentId}`);
  if (f.staffId) conds.push(sql`r.staff_id = ${f.staffId}`);
  return sql<SqlBool>`(${sql.join(conds, sql` AND `)})`;
}

/**
 * The invitations a report counts, as a where-clause on `survey_invitations i` left-joined to
 * `visits v`: survey invitations sent inside the period; the department, location and doctor are
 * the visit's, so department scope follows the visit (an invitation without a visit is the whole
 * organisation's).
 */
export function invitationFilter(viewer: Viewer, period: Period, f: ReportFilters): RawBuilder<SqlBool> {
  const conds: RawBuilder<unknown>[] = [sql`i.org_id = ${viewer.orgId}`, sql`i.kind = 'survey'`, sql`i.status = 'sent'`, inPeriod('i.sent_at', period), scopeToViewer('v.department_id', viewer)];
  if (f.surveyId) conds.push(sql`i.survey_id = ${f.surveyId}`);
  if (f.locationId) conds.push(sql`v.location_id = ${f.locationId}`);
  if (f.departmentId) conds.push(sql`v.department_id = ${f.departmentId}`);
  if (f.staffId) conds.push(sql`v.staff_id = ${f.staffId}`);
  return sql<SqlBool>`(${sql.join(conds, sql` AND `)})`;
}
