import type { Migration } from 'kysely/migration';
import * as foundation from './20261125T1200-foundation.ts';
import * as alerts from './20261125T1300-alerts.ts';
import * as cases from './20261125T1310-cases.ts';
import * as locales from './20261201T0900-locales.ts';
import * as notificationMessages from './20261201T0910-notification-messages.ts';
import * as closedLists from './20261201T0920-closed-lists.ts';
import * as deliveryErrorMessages from './20261201T0930-delivery-error-messages.ts';
import * as teams from './20261201T1200-teams.ts';
import * as replyApproval from './20261201T1210-reply-approval.ts';
import * as mentionReview from './20261201T1220-mention-review.ts';
import * as alertMessages from './20261201T1230-alert-messages.ts';
import * as patientsSurveys from './20261201T1300-patients-surveys.ts';
import * as surveyResponses from './20261201T1320-survey-responses.ts';
import * as outreach from './20261201T1330-outreach.ts';
import * as followups from './20261201T1340-followups.ts';
import * as visitLinkOnce from './20261201T1350-visit-link-once.ts';
import * as insights from './20261201T1400-insights.ts';
import * as rollupGrains from './20261201T1410-rollup-grains.ts';
import * as painPoints from './20261201T1420-pain-points.ts';
import * as growth from './20261201T1500-growth.ts';
import * as postersFiles from './20261201T1550-posters-files.ts';
import * as understanding from './20261202T0900-understanding.ts';
import * as authHardening from './20261203T0900-auth-hardening.ts';
import * as secrets from './20261203T0910-secrets.ts';
import * as crashSafety from './20261203T0920-crash-safety.ts';

/** Every migration, by name; names sort in the order they run. Never edit one after it lands. */
export const migrations: Record<string, Migration> = {
  '20261125T1200-foundation': foundation,
  '20261125T1300-alerts': alerts,
  '20261125T1310-cases': cases,
  '20261201T0900-locales': locales,
  '20261201T0910-notification-messages': notificationMessages,
  '20261201T0920-closed-lists': closedLists,
  '20261201T0930-delivery-error-messages': deliveryErrorMessages,
  '20261201T1200-teams': teams,
  '20261201T1210-reply-approval': replyApproval,
  '20261201T1220-mention-review': mentionReview,
  '20261201T1230-alert-messages': alertMessages,
  '20261201T1300-patients-surveys': patientsSurveys,
  '20261201T1320-survey-responses': surveyResponses,
  '20261201T1330-outreach': outreach,
  '20261201T1340-followups': followups,
  '20261201T1350-visit-link-once': visitLinkOnce,
  '20261201T1400-insights': insights,
  '20261201T1410-rollup-grains': rollupGrains,
  '20261201T1420-pain-points': painPoints,
  '20261201T1500-growth': growth,
  '20261201T1550-posters-files': postersFiles,
  '20261202T0900-understanding': understanding,
  '20261203T0900-auth-hardening': authHardening,
  '20261203T0910-secrets': secrets,
  '20261203T0920-crash-safety': crashSafety,
};
