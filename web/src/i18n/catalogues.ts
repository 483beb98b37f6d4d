import { alertsMessages } from '../features/alerts/messages.ts';
import { auditMessages } from '../features/audit/messages.ts';
import { authMessages } from '../features/auth/messages.ts';
import { caseSettingsMessages } from '../features/cases/settings/messages.ts';
import { casesMessages } from '../features/cases/messages.ts';
import { ingestMessages } from '../features/ingest/messages.ts';
import { mentionsMessages, mentionWords } from '../features/mentions/messages.ts';
import { outreachMessages } from '../features/outreach/messages.ts';
import { patientsMessages } from '../features/patients/messages.ts';
import { repliesMessages } from '../features/replies/messages.ts';
import { settingsMessages } from '../features/settings/messages.ts';
import { surveyReportsMessages } from '../features/survey-reports/messages.ts';
import { surveysMessages } from '../features/surveys/messages.ts';
import { followupsMessages } from '../features/followups/messages.ts';
import { dashboardsMessages } from '../features/dashboards/messages.ts';
import { scorecardsMessages } from '../features/scorecards/messages.ts';
import { reportsMessages } from '../features/reports/messages.ts';
import { referralsMessages } from '../features/referrals/messages.ts';
import { sharingMessages } from '../features/sharing/messages.ts';
import { advocatesMessages } from '../features/advocates/messages.ts';
import { storiesMessages } from '../features/stories/messages.ts';
import { contentMessages } from '../features/content/messages.ts';
import type { KeysOf } from './catalogue.ts';
import { commonMessages } from './common.messages.ts';
import type { Locale } from './locale.ts';
import { vocabMessages } from './vocab.messages.ts';

/**
 * Every catalogue of the app: the shared words, the analysis vocabulary and one per feature. A new
 * capability adds its messages.ts here (its pages go in routes.tsx); no key may be declared twice.
 */
export const catalogues = {
  common: commonMessages,
  vocab: vocabMessages,
  auth: authMessages,
  mentions: mentionsMessages,
  mentionWords,
  ingest: ingestMessages,
  alerts: alertsMessages,
  cases: casesMessages,
  caseSettings: caseSettingsMessages,
  replies: repliesMessages,
  settings: settingsMessages,
  audit: auditMessages,
  patients: patientsMessages,
  surveyReports: surveyReportsMessages,
  surveys: surveysMessages,
  followups: followupsMessages,
  outreach: outreachMessages,
  dashboards: dashboardsMessages,
  scorecards: scorecardsMessages,
  reports: reportsMessages,
  referrals: referralsMessages,
  sharing: sharingMessages,
  advocates: advocatesMessages,
  stories: storiesMessages,
  content: contentMessages,
};

export type MessageKey = KeysOf<(typeof catalogues)[keyof typeof catalogues]>;
export type Dictionary = Record<MessageKey, string>;

function merge(locale: Locale): Dictionary {
  return Object.assign({}, ...Object.values(catalogues).map((c) => c[locale])) as Dictionary;
}

/** One dictionary per UI language, merged from every catalogue. */
export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': merge('zh-CN'), ru: merge('ru'), en: merge('en') };
