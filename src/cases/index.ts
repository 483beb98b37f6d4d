import { defineFeature } from '../core/feature.ts';
import { casesPermissions } from './cases.permissions.ts';
import { caseRoutes } from './cases.routes.ts';
import { teamRoutes } from './teams.routes.ts';
import { checkSlaJob } from './jobs/check-sla.job.ts';
import { openCasesJob } from './jobs/open-cases.job.ts';

/** Graded cases: workflow, SLA clocks, escalation, evidence packs, the prevention loop. */
export const casesFeature = defineFeature({ name: 'cases', routes: [caseRoutes, teamRoutes], jobs: [openCasesJob, checkSlaJob], permissions: casesPermissions });

// What replies and the read-side views use: one case, its timeline and parts, and the work assigned to people.
export { findActions } from './action-effect.ts';
export { advanceCaseForReply, type ReplyStep } from './advance-for-reply.ts';
export { findAssignedCases, findHandling, findTimeline, getCase, recordCaseEvent, recordFirstResponse, type Actor } from './cases.queries.ts';
export { ActionView, CaseView, HandlingView, TimelineEntryView, type ActionViewType, type CaseViewType } from './cases.schemas.ts';
export { WordedError } from './worded-error.ts';
