import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ALERT_STATUSES, RULE_KINDS } from '../alerts/alerts.vocab.ts';
import { SENTIMENT_LABELS } from '../analysis/analysis.vocab.ts';
import { ACTION_KINDS, ACTION_STATUSES, CASE_EVENT_TYPES, CASE_OUTCOMES, CASE_STATUSES, DEFAULT_TEAMS, HANDLING_TYPES, TIERS } from '../cases/cases.vocab.ts';
import { ROLES } from '../core/access.vocab.ts';
import { LOCALES } from '../core/i18n.ts';
import { IMPORT_CHANNELS, IMPORT_RUN_STATUSES, SOURCE_KINDS } from '../ingest/ingest.vocab.ts';
import { CORRECTION_KINDS, MENTION_KINDS, MENTION_STATUSES } from '../mentions/mentions.vocab.ts';
import { CHANNEL_KINDS, DELIVERY_STATUSES } from '../notifications/notifications.vocab.ts';
import { REPLY_KINDS, REPLY_STATUSES } from '../replies/replies.vocab.ts';
import { INVITATION_CHANNELS, INVITATION_KINDS, INVITATION_STATUSES, MARKETS, SMS_PROVIDERS, VISIT_KINDS, VISIT_SOURCES } from '../outreach/outreach.vocab.ts';
import { CASE_REQUESTS, LINK_SCOPES, RESPONSE_STATUSES, SCORE_BANDS, SURVEY_STATUSES, SURVEY_TEMPLATES } from '../surveys/surveys.vocab.ts';
import {
  CHECKIN_STATUSES,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  FOLLOWUP_CONDITIONS,
  PERFORMERS,
  PHOTO_MIMES,
  PLAN_STATUSES,
  READING_SOURCES,
  RISK_LEVELS,
  TASK_KINDS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  WITHDRAWAL_VIAS,
} from '../followups/followups.vocab.ts';
import { REPORT_CADENCES, REPORT_STATUSES } from '../views/reports/reports.vocab.ts';
import { QUALITY_INDICATORS } from '../views/scorecards/scorecards.vocab.ts';
import { ROLLUP_GRAINS } from '../views/dashboards/dashboards.vocab.ts';
import { ADVOCATE_INVITE_CHANNELS, ADVOCATE_INVITE_STATUSES, ADVOCATE_KINDS } from '../advocates/advocates.vocab.ts';
import { LOGO_MIMES, POST_STATUSES, POSTER_SIZES, POSTER_TEMPLATES } from '../content/content.vocab.ts';
import { ATTRIBUTION_VIAS, LEDGER_ACCOUNTS, PROGRAMME_STATUSES, REFERRAL_STATUSES, REWARD_KINDS, REWARD_ROLES, REWARD_STATUSES, REWARD_TRIGGERS } from '../referrals/referrals.vocab.ts';
import { CONVERSION_KINDS, SHARE_CHANNELS, SHARE_TARGET_KINDS } from '../sharing/sharing.vocab.ts';
import { CONSENT_USES, CONSENT_VIAS, MATERIAL_CONNECTIONS, PUBLICATION_CHANNELS, STORY_SOURCES, STORY_STATUSES, STORY_USE_KINDS, USE_FLAG_REASONS } from '../stories/stories.vocab.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { freshPostgresDatabase } from './fresh-database.ts';
import { migrateToLatest } from './migrate.ts';

/*
 * Every closed list against the CHECK constraints of the migrated database: a value added on one
 * side only fails here, not in production. Every enum-like CHECK constraint must be listed, so a
 * new one cannot be added without its vocabulary.
 */

let handle: DatabaseHandle;
let pg: { url: string; drop(): Promise<void> } | null = null;

beforeAll(async () => {
  pg = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : null;
  handle = await openDatabase({ databaseUrl: pg?.url ?? null, dataDir: null });
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle?.close();
  await pg?.drop();
});

/** The values a column's CHECK constraint allows, as PostgreSQL prints the constraint. */
async function allowed(table: string, column: string): Promise<string[]> {
  const rows = await sql<{ def: string }>`
    SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relname = ${table} AND c.contype = 'c'`.execute(handle.db);
  const defs = rows.rows.map((r) => r.def).filter((def) => new RegExp(`\\b${column} = ANY`).test(def));
  expect(defs, `${table}.${column}`).toHaveLength(1);
  return [...defs[0]!.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!).sort();
}

const COLUMNS = [
  ['users', 'role', ROLES],
  ['quality_indicators', 'indicator', QUALITY_INDICATORS],
  ['mention_rollups_coarse', 'grain', ROLLUP_GRAINS],
  ['mention_aspect_rollups_coarse', 'grain', ROLLUP_GRAINS],
  ['report_schedules', 'cadence', REPORT_CADENCES],
  ['report_schedules', 'locale', LOCALES],
  ['reports', 'cadence', REPORT_CADENCES],
  ['reports', 'status', REPORT_STATUSES],
  ['reports', 'locale', LOCALES],
  ['users', 'locale', LOCALES],
  ['organisations', 'default_locale', LOCALES],
  ['sources', 'kind', SOURCE_KINDS],
  ['mentions', 'kind', MENTION_KINDS],
  ['mentions', 'status', MENTION_STATUSES],
  ['mentions', 'sentiment', SENTIMENT_LABELS],
  ['mention_corrections', 'kind', CORRECTION_KINDS],
  ['import_runs', 'status', IMPORT_RUN_STATUSES],
  ['import_runs', 'channel', IMPORT_CHANNELS],
  ['alert_rules', 'kind', RULE_KINDS],
  ['alerts', 'status', ALERT_STATUSES],
  ['notification_deliveries', 'kind', CHANNEL_KINDS],
  ['case_events', 'type', CASE_EVENT_TYPES],
  ['cases', 'tier', TIERS],
  ['cases', 'status', CASE_STATUSES],
  ['cases', 'outcome', CASE_OUTCOMES],
  ['teams', 'default_key', DEFAULT_TEAMS],
  ['case_handling', 'type', HANDLING_TYPES],
  ['case_actions', 'kind', ACTION_KINDS],
  ['case_actions', 'status', ACTION_STATUSES],
  ['reply_templates', 'tier', TIERS],
  ['replies', 'kind', REPLY_KINDS],
  ['replies', 'status', REPLY_STATUSES],
  ['alert_channels', 'kind', CHANNEL_KINDS],
  ['notification_deliveries', 'status', DELIVERY_STATUSES],
  ['mentions', 'case_request', CASE_REQUESTS],
  ['patients', 'locale', LOCALES],
  ['visits', 'kind', VISIT_KINDS],
  ['visits', 'source', VISIT_SOURCES],
  ['surveys', 'template', SURVEY_TEMPLATES],
  ['surveys', 'status', SURVEY_STATUSES],
  ['survey_links', 'scope', LINK_SCOPES],
  ['survey_links', 'locale', LOCALES],
  ['survey_invitations', 'kind', INVITATION_KINDS],
  ['survey_invitations', 'channel', INVITATION_CHANNELS],
  ['survey_invitations', 'status', INVITATION_STATUSES],
  ['survey_responses', 'status', RESPONSE_STATUSES],
  ['survey_responses', 'locale', LOCALES],
  ['survey_responses', 'score_band', SCORE_BANDS],
  ['outreach_settings', 'market', MARKETS],
  ['outreach_settings', 'sms_provider', SMS_PROVIDERS],
  ['outreach_settings', 'channel_preference', INVITATION_CHANNELS],
  ['followup_plans', 'condition', FOLLOWUP_CONDITIONS],
  ['followup_plans', 'risk', RISK_LEVELS],
  ['followup_plans', 'status', PLAN_STATUSES],
  ['followup_consent_texts', 'locale', LOCALES],
  ['followup_enrolments', 'source', ENROLMENT_SOURCES],
  ['followup_enrolments', 'status', ENROLMENT_STATUSES],
  ['followup_enrolments', 'consent_locale', LOCALES],
  ['followup_enrolments', 'withdrawn_via', WITHDRAWAL_VIAS],
  ['followup_checkins', 'status', CHECKIN_STATUSES],
  ['followup_tasks', 'kind', TASK_KINDS],
  ['followup_tasks', 'priority', TASK_PRIORITIES],
  ['followup_tasks', 'status', TASK_STATUSES],
  ['followup_tasks', 'performer', PERFORMERS],
  ['followup_readings', 'source', READING_SOURCES],
  ['followup_photos', 'mime', PHOTO_MIMES],
  ['share_links', 'target_kind', SHARE_TARGET_KINDS],
  ['share_links', 'channel', SHARE_CHANNELS],
  ['share_conversions', 'kind', CONVERSION_KINDS],
  ['referral_programmes', 'status', PROGRAMME_STATUSES],
  ['referral_programmes', 'trigger', REWARD_TRIGGERS],
  ['referrals', 'status', REFERRAL_STATUSES],
  ['referrals', 'via', ATTRIBUTION_VIAS],
  ['rewards', 'role', REWARD_ROLES],
  ['rewards', 'kind', REWARD_KINDS],
  ['rewards', 'status', REWARD_STATUSES],
  ['reward_ledger', 'account', LEDGER_ACCOUNTS],
  ['advocate_invitations', 'kind', ADVOCATE_KINDS],
  ['advocate_invitations', 'status', ADVOCATE_INVITE_STATUSES],
  ['advocate_invitations', 'channel', ADVOCATE_INVITE_CHANNELS],
  ['advocate_invitations', 'locale', LOCALES],
  ['story_requests', 'locale', LOCALES],
  ['stories', 'locale', LOCALES],
  ['stories', 'photo_mime', PHOTO_MIMES],
  ['stories', 'source', STORY_SOURCES],
  ['stories', 'status', STORY_STATUSES],
  ['stories', 'material_connection', MATERIAL_CONNECTIONS],
  ['story_consents', 'use', CONSENT_USES],
  ['story_consents', 'granted_via', CONSENT_VIAS],
  ['story_consents', 'revoked_via', CONSENT_VIAS],
  ['story_consents', 'consent_locale', LOCALES],
  ['story_uses', 'kind', STORY_USE_KINDS],
  ['story_uses', 'use', CONSENT_USES],
  ['story_uses', 'flag_reason', USE_FLAG_REASONS],
  ['brand_settings', 'logo_mime', LOGO_MIMES],
  ['posters', 'locale', LOCALES],
  ['posters', 'size', POSTER_SIZES],
  ['posters', 'template', POSTER_TEMPLATES],
  ['posters', 'use', CONSENT_USES],
  ['content_posts', 'channel', PUBLICATION_CHANNELS],
  ['content_posts', 'use', CONSENT_USES],
  ['content_posts', 'market', MARKETS],
  ['content_posts', 'status', POST_STATUSES],
] as const;

test.each(COLUMNS)('%s.%s allows exactly the vocabulary', async (table, column, vocabulary) => {
  expect(await allowed(table, column)).toEqual([...vocabulary].sort());
});

test('every enum-like CHECK constraint has its vocabulary above', async () => {
  const rows = await sql<{ table: string; def: string }>`
    SELECT t.relname AS table, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND c.contype = 'c'`.execute(handle.db);
  const constrained = rows.rows.flatMap((r) => [...r.def.matchAll(/\b(\w+) = ANY \(/g)].map((m) => `${r.table}.${m[1]}`)).sort();
  expect(constrained).toEqual(COLUMNS.map(([table, column]) => `${table}.${column}`).sort());
});
