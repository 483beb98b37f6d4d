import { z } from 'zod';
import { CHANNEL_KINDS } from '../notifications/notifications.vocab.ts';
import { ALERT_STATUSES, DEFAULT_COOLDOWN_MINUTES, DEFAULT_MIN_COUNT, QUIET_HOURS_TIME, RULE_KINDS, VOLUME_METRICS } from './alerts.vocab.ts';

/*
 * The shapes of the alerts API. Zod checks types and sizes; whether a rule can ever fire
 * (thresholds, ids of this organisation) is checked by validate-rule.ts, so the 400 names the reason.
 */

const ids = z.array(z.uuid()).max(200);

export const ChannelView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
});

export const ChannelBody = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(CHANNEL_KINDS),
  enabled: z.boolean().default(true),
  config: z.record(z.string(), z.unknown()),
});

export const ChannelPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const Scope = z.object({ locationIds: ids.default([]), departmentIds: ids.default([]), sourceIds: ids.default([]) });
export type Scope = z.infer<typeof Scope>;

export const MentionConditions = z.object({
  ratingAtMost: z.number().optional(),
  sentimentNegative: z.boolean().optional(),
  anyRisk: z.boolean().optional(),
  risks: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  staffIds: ids.optional(),
  keywords: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
});
export type MentionConditions = z.infer<typeof MentionConditions>;

export const VolumeConditions = z.object({
  metric: z.enum(VOLUME_METRICS),
  windowMinutes: z.number().int(),
  threshold: z.number(),
  minCount: z.number().int().default(DEFAULT_MIN_COUNT),
});
export type VolumeConditions = z.infer<typeof VolumeConditions>;

export const QuietHours = z.object({
  start: z.string().regex(QUIET_HOURS_TIME, 'must be HH:MM'),
  end: z.string().regex(QUIET_HOURS_TIME, 'must be HH:MM'),
  timezone: z.string().min(1).max(100),
});
export type QuietHours = z.infer<typeof QuietHours>;

export const RuleBody = z.object({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  kind: z.enum(RULE_KINDS),
  scope: Scope.default({ locationIds: [], departmentIds: [], sourceIds: [] }),
  mention: MentionConditions.nullable().default(null),
  volume: VolumeConditions.nullable().default(null),
  channelIds: ids.default([]),
  cooldownMinutes: z.number().int().default(DEFAULT_COOLDOWN_MINUTES),
  quietHours: QuietHours.nullable().default(null),
  /** Save even though another rule watches the same scope and conditions (otherwise 409 duplicateRule naming it). */
  allowDuplicate: z.boolean().optional(),
});
export type RuleBody = z.infer<typeof RuleBody>;

export const RulePatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  enabled: z.boolean().optional(),
  kind: z.enum(RULE_KINDS).optional(),
  scope: Scope.optional(),
  mention: MentionConditions.nullable().optional(),
  volume: VolumeConditions.nullable().optional(),
  channelIds: ids.optional(),
  cooldownMinutes: z.number().int().optional(),
  quietHours: QuietHours.nullable().optional(),
  allowDuplicate: z.boolean().optional(),
});

export const RuleView = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  kind: z.enum(RULE_KINDS),
  scope: z.object({ locationIds: z.array(z.string()), departmentIds: z.array(z.string()), sourceIds: z.array(z.string()) }),
  mention: MentionConditions.nullable(),
  volume: z.object({ metric: z.enum(VOLUME_METRICS), windowMinutes: z.number(), threshold: z.number(), minCount: z.number() }).nullable(),
  channelIds: z.array(z.string()),
  cooldownMinutes: z.number().int(),
  quietHours: QuietHours.nullable(),
  createdAt: z.date(),
});
export type RuleView = z.infer<typeof RuleView>;

export const AlertFilters = z.object({ status: z.enum(ALERT_STATUSES).optional(), cursor: z.string().max(500).optional() });

export const AlertView = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  /** In the reader's language (alerts from before keep their English text). */
  title: z.string(),
  summary: z.string(),
  /** The case its mentions are in (the first opened), if any: the case the alert caused. */
  caseId: z.string().nullable(),
  caseNumber: z.number().int().nullable(),
  count: z.number().int(),
  mentionIds: z.array(z.string()),
  firstAt: z.date(),
  lastAt: z.date(),
  status: z.enum(ALERT_STATUSES),
  createdAt: z.date(),
});
