import type { RuleBody } from './api.ts';
import type { AlertRule } from './types.ts';

/** A rule being edited: both kinds' conditions and the quiet hours are kept while the user switches. */
export type RuleDraft = Omit<AlertRule, 'id' | 'createdAt' | 'mention' | 'volume' | 'quietHours'> & {
  mention: NonNullable<AlertRule['mention']>;
  volume: NonNullable<AlertRule['volume']>;
  quiet: boolean;
  quietHours: NonNullable<AlertRule['quietHours']>;
};

export function emptyDraft(timezone: string): RuleDraft {
  return {
    name: '',
    enabled: true,
    kind: 'mention',
    scope: { locationIds: [], departmentIds: [], sourceIds: [] },
    mention: { ratingAtMost: undefined, sentimentNegative: false, anyRisk: false, risks: [], staffIds: [], keywords: [] },
    volume: { metric: 'negative_count', windowMinutes: 60, threshold: 5, minCount: 3 },
    channelIds: [],
    cooldownMinutes: 60,
    quiet: false,
    quietHours: { start: '22:00', end: '08:00', timezone },
  };
}

export function toDraft(rule: AlertRule, timezone: string): RuleDraft {
  const base = emptyDraft(timezone);
  return {
    name: rule.name,
    enabled: rule.enabled,
    kind: rule.kind,
    scope: { ...base.scope, ...rule.scope },
    mention: { ...base.mention, ...(rule.mention ?? {}) },
    volume: rule.volume ?? base.volume,
    channelIds: rule.channelIds,
    cooldownMinutes: rule.cooldownMinutes,
    quiet: rule.quietHours !== null,
    quietHours: rule.quietHours ?? base.quietHours,
  };
}

/** What the server gets: only the chosen kind's conditions, and no empty ones. */
export function toBody(d: RuleDraft): RuleBody {
  const mention = {
    ratingAtMost: d.mention.ratingAtMost ?? undefined,
    sentimentNegative: d.mention.sentimentNegative || undefined,
    anyRisk: d.mention.anyRisk || undefined,
    risks: d.mention.risks?.length ? d.mention.risks : undefined,
    staffIds: d.mention.staffIds?.length ? d.mention.staffIds : undefined,
    keywords: d.mention.keywords?.length ? d.mention.keywords : undefined,
  };
  return {
    name: d.name.trim(),
    enabled: d.enabled,
    kind: d.kind,
    scope: d.scope,
    mention: d.kind === 'mention' ? mention : null,
    volume: d.kind === 'volume' ? d.volume : null,
    channelIds: d.channelIds,
    cooldownMinutes: d.cooldownMinutes,
    quietHours: d.quiet ? d.quietHours : null,
  };
}
