import { alertsFeature } from './alerts/index.ts';
import { auditFeature } from './audit/index.ts';
import { authFeature } from './auth/index.ts';
import { casesFeature } from './cases/index.ts';
import type { Feature } from './core/feature.ts';
import { followupsFeature } from './followups/index.ts';
import { ingestFeature } from './ingest/index.ts';
import { mentionsFeature } from './mentions/index.ts';
import { notificationsFeature } from './notifications/index.ts';
import { orgsFeature } from './orgs/index.ts';
import { outreachFeature } from './outreach/index.ts';
import { repliesFeature } from './replies/index.ts';
import { surveysFeature } from './surveys/index.ts';
import { sharingFeature } from './sharing/index.ts';
import { referralsFeature } from './referrals/index.ts';
import { advocatesFeature } from './advocates/index.ts';
import { storiesFeature } from './stories/index.ts';
import { contentFeature } from './content/index.ts';
import { caseDetailView } from './views/case-detail/index.ts';
import { dashboardsView } from './views/dashboards/index.ts';
import { myWorkView } from './views/my-work/index.ts';
import { patientTimelineView } from './views/patient-timeline/index.ts';
import { reportsView } from './views/reports/index.ts';
import { scorecardsView } from './views/scorecards/index.ts';
import { surveyReportsView } from './views/survey-reports/index.ts';

/**
 * Every capability of Verity, in one list: the server registers their routes, the job registry
 * their jobs, and the permission table composes their permissions from it. A new capability is a
 * folder with an index.ts, one line here, a migration and its permissions.
 */
export const FEATURES: readonly Feature[] = [
  mentionsFeature,
  ingestFeature,
  orgsFeature,
  authFeature,
  auditFeature,
  alertsFeature,
  notificationsFeature,
  casesFeature,
  repliesFeature,
  followupsFeature,
  surveysFeature,
  outreachFeature,
  // Growing by word of mouth: share tracking, referrals, key patients, stories with consent, posters and the calendar.
  sharingFeature,
  referralsFeature,
  advocatesFeature,
  storiesFeature,
  contentFeature,
  // Read-side views above the features. The dashboards, scorecards and reports also own their
  // rollups, settings and archives, their jobs and their permissions.
  caseDetailView,
  myWorkView,
  surveyReportsView,
  patientTimelineView,
  dashboardsView,
  scorecardsView,
  reportsView,
];
