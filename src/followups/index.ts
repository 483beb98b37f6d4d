import { defineFeature } from '../core/feature.ts';
import { followupsPermissions } from './followups.permissions.ts';
import { followupRoutes } from './followups.routes.ts';
import { checkOverdueJob } from './jobs/check-overdue.job.ts';
import { portalRoutes } from './portal/portal.routes.ts';

/** Follow-up plans after discharge: plans by condition and risk, enrolment with consent (by staff or QR code), tasks, the patient portal. */
export const followupsFeature = defineFeature({ name: 'followups', routes: [followupRoutes, portalRoutes], jobs: [checkOverdueJob], permissions: followupsPermissions });

// For the patient timeline (REPORTS) and the demo.
export { followupTimeline, type FollowupTimelineEntry } from './followup-timeline.ts';
export { enrolPatient } from './enrol.ts';
export { ensureDefaultPlans } from './plans.ts';
export { recordReadings } from './readings.ts';
export { markOverdueTasks } from './tasks.ts';
