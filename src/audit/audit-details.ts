import { analysisMessages } from '../analysis/analysis.messages.ts';
import { casesMessages } from '../cases/cases.messages.ts';
import { defaultRootCauseOf } from '../cases/cases.vocab.ts';
import { hasMessage, renderText, type Locale } from '../core/i18n.ts';
import { ingestMessages } from '../ingest/ingest.messages.ts';
import { mentionsMessages } from '../mentions/mentions.messages.ts';
import { notificationsMessages } from '../notifications/notifications.messages.ts';
import { repliesMessages } from '../replies/replies.messages.ts';
import { storiesMessages } from '../stories/stories.messages.ts';
import { auditDetailMessages } from './audit-details.messages.ts';

/*
 * An audit entry's details as people read them. Features write
 * `{ before?: {field: value}, after?: {field: value}, reason?, case?: '#12', … }` with readable
 * values (names, case numbers) or closed-list codes; this renders each field by its name in the
 * reader's language, codes by their names (a case status, a tier, a reply's kind…), booleans as
 * yes/no and numbers in the reader's locale, and a change as before → after. Never JSON.
 */

/** One line of an entry's details: a field and its value, or its value before and after the change. */
export interface AuditDetailLine {
  field: string;
  value?: string;
  before?: string;
  after?: string;
}

// The catalogues whose codes a value may name; imported so that their codes are registered.
const NAMESPACES = [casesMessages, repliesMessages, mentionsMessages, analysisMessages, ingestMessages, notificationsMessages].map((m) => m.namespace);
const ns = auditDetailMessages.namespace;
const stories = storiesMessages.namespace;

/** The message code naming `value` of `field` in an entry of `action`, or null when it is not a code. */
function valueCode(action: string, field: string, value: string): string | null {
  const area = action.split('.')[0];
  const [cases, replies, mentions, analysis, ingest, notifications] = NAMESPACES;
  switch (field) {
    case 'status':
      if (area === 'content_post') return `${ns}.value.postStatus.${value}`;
      if (area === 'reply') return `${replies}.status.${value}`;
      if (area === 'mention') return `${mentions}.status.${value}`;
      if (area === 'delivery') return `${notifications}.status.${value}`;
      return `${cases}.status.${value}`;
    case 'caseStatus':
      return `${cases}.status.${value}`;
    case 'from':
    case 'to':
      if (area === 'reward') return `${ns}.value.rewardStatus.${value}`;
      if (area === 'story') return `${ns}.value.storyStatus.${value}`;
      return area === 'mention' ? `${mentions}.status.${value}` : null;
    case 'previous':
      return area === 'advocate' ? `${ns}.value.inviteStatus.${value}` : null;
    case 'by':
      return area === 'advocate' ? `${ns}.value.by.${value}` : null;
    case 'channel':
      if (area === 'advocate') return `${ns}.value.inviteChannel.${value}`;
      if (area === 'content_post' || area === 'poster') return `${stories}.channel.${value}`;
      return area === 'share_link' ? `${ns}.value.shareChannel.${value}` : null;
    case 'use':
    case 'uses':
      return `${stories}.use.${value}`;
    case 'notices':
      return `${stories}.rule.${value}`;
    case 'market':
      return `${ns}.value.market.${value}`;
    case 'targetKind':
      return `${ns}.value.shareTarget.${value}`;
    case 'logo':
      return area === 'brand' ? `${ns}.value.logo.${value}` : null;
    case 'holdReasons':
      return `${ns}.value.holdReason.${value}`;
    case 'tier':
    case 'tiers':
      return `${cases}.tier.${value}`;
    case 'outcome':
      return `${cases}.outcome.${value}`;
    case 'rootCause': {
      // A default root cause is stored by its English label; one the organisation added is its own words.
      const id = defaultRootCauseOf(value);
      return id ? `${cases}.rootCause.${id}` : null;
    }
    case 'kind':
      if (area === 'reply') return `${replies}.kind.${value}`;
      if (area === 'mention') return `${mentions}.kind.${value}`;
      if (area === 'source') return `${ingest}.sourceKind.${value}`;
      if (area === 'alert_channel') return `${ns}.value.channelKind.${value}`;
      if (area === 'alert_rule') return `${ns}.value.ruleKind.${value}`;
      if (area === 'advocate') return `${ns}.value.advocateKind.${value}`;
      if (area === 'story_use') return `${ns}.value.useKind.${value}`;
      return null;
    case 'risk':
      return `${analysis}.risk.${value}`;
    case 'reason':
      // Verity's own reasons for linking a mention are codes; a person's reason is their words.
      return `${cases}.linkReason.${value}`;
    case 'role':
      return `${ns}.value.role.${value}`;
    case 'refused':
      return `${ns}.value.refused.${value}`;
    case 'locale':
    case 'defaultLocale':
      return `${ns}.value.locale.${value}`;
    case 'fields':
      return `${ns}.field.${value}`;
    case 'config':
      return `${ns}.value.${value}`;
    case 'via':
      return `${ns}.value.via.${value}`;
    case 'source':
      if (area === 'story') return `${ns}.value.storySource.${value}`;
      return area === 'followup' ? `${ns}.value.source.${value}` : null;
    case 'scope':
      return area === 'survey_link' ? `${ns}.value.linkScope.${value}` : null;
    case 'template':
      return `${ns}.value.template.${value}`;
    case 'format':
      return `${ns}.value.format.${value}`;
    default:
      return null;
  }
}

/** A field's name in `locale`; a field without one reads as the words of its key ("first_seen" → "first seen"). */
export function fieldName(locale: Locale, field: string): string {
  const code = `${ns}.field.${field}`;
  if (hasMessage(code)) return renderText(locale, { code });
  return field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase();
}

/** A value in `locale`: a code by its name, a boolean as yes/no, a number in the locale's digits, a list joined; never JSON. */
export function valueText(locale: Locale, action: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return auditDetailMessages.render(locale, 'value.none');
  if (typeof value === 'boolean') return auditDetailMessages.render(locale, value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'string') {
    const code = valueCode(action, field, value);
    return code && hasMessage(code) ? renderText(locale, { code }) : value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(locale, action, field, v)).join(', ') : auditDetailMessages.render(locale, 'value.none');
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${fieldName(locale, k)}: ${valueText(locale, action, k, v)}`);
    return parts.length ? parts.join('; ') : auditDetailMessages.render(locale, 'value.none');
  }
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An entry's details as lines in `locale`: the case first, then each changed field (before → after),
 * then the other facts, the reason last. Fields left undefined are skipped; an empty object gives no lines.
 */
export function renderAuditDetails(locale: Locale, action: string, details: unknown): AuditDetailLine[] {
  if (!isRecord(details)) return details === null || details === undefined ? [] : [{ field: fieldName(locale, 'details'), value: valueText(locale, action, 'details', details) }];
  const before = isRecord(details.before) ? details.before : {};
  const after = isRecord(details.after) ? details.after : {};
  const lines: AuditDetailLine[] = [];
  const fact = (key: string) => {
    const value = details[key];
    if (value !== undefined) lines.push({ field: fieldName(locale, key), value: valueText(locale, action, key, value) });
  };
  if ('case' in details) fact('case');
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== undefined || after[k] !== undefined);
  for (const key of changed) {
    const line: AuditDetailLine = { field: fieldName(locale, key) };
    if (key in before && before[key] !== undefined) line.before = valueText(locale, action, key, before[key]);
    if (key in after && after[key] !== undefined) line.after = valueText(locale, action, key, after[key]);
    lines.push(line);
  }
  for (const key of Object.keys(details)) if (!['case', 'before', 'after', 'reason'].includes(key)) fact(key);
  if ('reason' in details) fact('reason');
  return lines;
}
