import type { AuditBy } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import type { ExclusionWindow } from '../db/schema-outreach.ts';
import { outreachMessages } from './outreach.messages.ts';
import { cahpsRuleDefault, DEFAULT_CONTACT_WINDOW_DAYS, type Market, type SmsProviderKind, type VisitKind } from './outreach.vocab.ts';
import type { InvitationChannel } from './outreach.vocab.ts';
import { maskSmsConfig, mergeSmsConfig, SMS_SECRET_FIELDS } from './sms/sms-config.ts';
import { openFields, sealFields } from '../core/secrets.ts';

/** An organisation's outreach settings with every default filled in. */
export interface OutreachSettings {
  enabled: boolean;
  market: Market;
  /** Whether the CAHPS rule applies (the stored choice, else the market's default). */
  cahpsRule: boolean;
  /** The stored choice: null follows the market. */
  cahpsRuleSetting: boolean | null;
  contactWindowDays: number;
  delayHours: Partial<Record<VisitKind, number>>;
  surveyIds: Partial<Record<VisitKind, string>>;
  defaultSurveyId: string | null;
  channelPreference: InvitationChannel;
  reviewRequestHours: number | null;
  exclusionWindows: ExclusionWindow[];
  smsProvider: SmsProviderKind;
  smsConfig: Record<string, string>;
  /** The organisation's time zone: daily exclusion windows and times without an offset are read in it. */
  timezone: string;
  orgName: string;
  defaultLocale: 'zh-CN' | 'ru' | 'en';
}

/** The settings of an organisation (defaults when none are stored); secrets unmasked, for sending. */
export async function getOutreachSettings(db: Db, orgId: string): Promise<OutreachSettings> {
  const org = await db.selectFrom('organisations').select(['name', 'timezone', 'default_locale']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const row = await db.selectFrom('outreach_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  const market = row?.market ?? 'cn';
  return {
    enabled: row?.enabled ?? true,
    market,
    cahpsRule: row?.cahps_rule ?? cahpsRuleDefault(market),
    cahpsRuleSetting: row?.cahps_rule ?? null,
    contactWindowDays: row?.contact_window_days ?? DEFAULT_CONTACT_WINDOW_DAYS,
    delayHours: row?.delay_hours ?? {},
    surveyIds: row?.survey_ids ?? {},
    defaultSurveyId: row?.default_survey_id ?? null,
    channelPreference: row?.channel_preference ?? 'sms',
    reviewRequestHours: row?.review_request_hours ?? null,
    exclusionWindows: row?.exclusion_windows ?? [],
    smsProvider: row?.sms_provider ?? 'log',
    // The provider's secrets are encrypted at rest (core/secrets.ts) and opened here, for sending.
    smsConfig: row ? openFields(row.sms_config, SMS_SECRET_FIELDS[row.sms_provider] ?? []) : {},
    timezone: org.timezone,
    orgName: org.name,
    defaultLocale: org.default_locale,
  };
}

/** The settings as the API shows them: the SMS provider's secrets masked. */
export function settingsView(settings: OutreachSettings) {
  const { smsConfig, orgName: _orgName, defaultLocale: _defaultLocale, ...rest } = settings;
  return { ...rest, smsConfig: maskSmsConfig(settings.smsProvider, smsConfig) };
}

export interface SettingsInput {
  enabled?: boolean;
  market?: Market;
  cahpsRule?: boolean | null;
  contactWindowDays?: number;
  delayHours?: Partial<Record<VisitKind, number>>;
  surveyIds?: Partial<Record<VisitKind, string>>;
  defaultSurveyId?: string | null;
  channelPreference?: InvitationChannel;
  reviewRequestHours?: number | null;
  exclusionWindows?: ExclusionWindow[];
  smsProvider?: SmsProviderKind;
  /** Secrets sent back masked keep their stored value. */
  smsConfig?: Record<string, string>;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkWindows(windows: ExclusionWindow[]): void {
  windows.forEach((w, i) => {
    const n = i + 1;
    if (w.kind === 'daily' && (!TIME.test(w.from) || !TIME.test(w.to))) throw badRequest(outreachMessages.text('settings.badWindow', { n, error: outreachMessages.text('settings.badTime') }));
    if (w.kind === 'dates') {
      const from = Date.parse(w.from);
      const to = Date.parse(w.to);
      if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw badRequest(outreachMessages.text('settings.badWindow', { n, error: outreachMessages.text('settings.badDates') }));
    }
  });
}

/** Changes an organisation's settings (what is given), checking surveys belong to it; audited. */
export async function updateOutreachSettings(db: Db, by: AuditBy, input: SettingsInput): Promise<void> {
  if (input.exclusionWindows) checkWindows(input.exclusionWindows);
  await db.transaction().execute(async (trx) => {
    const current = await getOutreachSettings(trx, by.orgId);
    const surveyIds = [...Object.values(input.surveyIds ?? {}), ...(input.defaultSurveyId ? [input.defaultSurveyId] : [])];
    if (surveyIds.length) {
      const found = new Set((await trx.selectFrom('surveys').select('id').where('org_id', '=', by.orgId).where('id', 'in', surveyIds).execute()).map((r) => r.id));
      const missing = surveyIds.find((id) => !found.has(id));
      if (missing) throw badRequest(outreachMessages.text('noSuchSurvey', { id: missing }));
    }
    const provider = input.smsProvider ?? current.smsProvider;
    const smsConfig = input.smsConfig
      ? mergeSmsConfig(provider, input.smsConfig, provider === current.smsProvider ? current.smsConfig : {})
      : provider === current.smsProvider
        ? current.smsConfig
        : {};
    const values = {
      enabled: input.enabled ?? current.enabled,
      market: input.market ?? current.market,
      cahps_rule: input.cahpsRule === undefined ? current.cahpsRuleSetting : input.cahpsRule,
      contact_window_days: input.contactWindowDays ?? current.contactWindowDays,
      delay_hours: JSON.stringify(input.delayHours ?? current.delayHours),
      survey_ids: JSON.stringify(input.surveyIds ?? current.surveyIds),
      default_survey_id: input.defaultSurveyId === undefined ? current.defaultSurveyId : input.defaultSurveyId,
      channel_preference: input.channelPreference ?? current.channelPreference,
      review_request_hours: input.reviewRequestHours === undefined ? current.reviewRequestHours : input.reviewRequestHours,
      exclusion_windows: JSON.stringify(input.exclusionWindows ?? current.exclusionWindows),
      sms_provider: provider,
      sms_config: JSON.stringify(sealFields(smsConfig, SMS_SECRET_FIELDS[provider] ?? [])),
      updated_at: new Date(),
    };
    await trx
      .insertInto('outreach_settings')
      .values({ org_id: by.orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    const changed = Object.keys(input).filter((k) => k !== 'smsConfig');
    await recordAudit(trx, { ...by, action: 'outreach.settings', targetType: 'organisation', targetId: by.orgId, details: { changed, smsConfigChanged: input.smsConfig !== undefined } });
  });
}
