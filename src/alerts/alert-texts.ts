import type { Text } from '../core/i18n.ts';
import { alertsMessages, mentionFacts, moreMentions, windowName } from './alerts.messages.ts';
import type { AnalysedMention } from './match-mention.ts';
import type { VolumeConditions } from './alerts.schemas.ts';

/*
 * The texts of alerts, as message codes with their facts as parameters, so that each reader gets
 * them in their language (renderAlertText). The composed parts are also given in English, which
 * is what the alerts table stores.
 */

const EXCERPT_CHARS = 280;
const URGENT_PREFIX = alertsMessages.render('en', 'title.urgent', { rule: '' });

/** An alert's title: the rule's name, marked urgent when a match carries a risk flag. */
export function alertTitle(rule: string, isUrgent: boolean): Text {
  return alertsMessages.text(isUrgent ? 'title.urgent' : 'title.plain', { rule });
}

/** The summary of a mention alert: the first mention's excerpt and facts, and how many more matched. */
export function mentionSummary(m: AnalysedMention, moreCount: number): Text {
  const excerpt = m.text.length > EXCERPT_CHARS ? `${m.text.slice(0, EXCERPT_CHARS)}…` : m.text;
  const fact = { rating: m.rating !== null ? String(m.rating) : undefined, sentiment: m.sentiment ?? undefined, risks: m.risks.length ? m.risks.join(',') : undefined };
  return alertsMessages.text('summary.mention', { excerpt, ...fact, moreCount, facts: mentionFacts('en', fact), more: moreMentions('en', moreCount) });
}

/** What a volume rule measured over its window, as its alert's summary. */
export function volumeSummary(v: VolumeConditions, measured: { negatives: number; total: number; expected?: number; pValue?: number; weeks?: number }): Text {
  const window = { windowMinutes: v.windowMinutes, window: windowName('en', v.windowMinutes) };
  if (v.metric === 'negative_count') return alertsMessages.text('summary.negativeCount', { count: String(measured.negatives), ...window, threshold: String(v.threshold) });
  if (v.metric === 'negative_share') {
    const share = measured.total ? measured.negatives / measured.total : 0;
    return alertsMessages.text('summary.negativeShare', { share: String(Math.round(share * 100)), total: String(measured.total), ...window, threshold: String(Math.round(v.threshold * 100)) });
  }
  return alertsMessages.text('summary.spike', {
    count: String(measured.negatives),
    ...window,
    expected: (measured.expected ?? 0).toFixed(1),
    weeks: String(measured.weeks ?? 0),
    p: (measured.pValue ?? 1).toPrecision(2),
  });
}

/**
 * The title and body of the summary an open alert sends once its cooldown has passed. The alert
 * keeps its title in English; whether it was urgent and for which rule is read back from it.
 */
export function updateTexts(alertTitleEn: string, ruleName: string, count: number): { title: Text; text: Text } {
  const isUrgent = alertTitleEn.startsWith(URGENT_PREFIX);
  const rule = isUrgent ? alertTitleEn.slice(URGENT_PREFIX.length) : alertTitleEn;
  return {
    title: alertsMessages.text('update.title', { title: alertTitleEn, rule, urgent: isUrgent ? 1 : 0 }),
    text: alertsMessages.text('update.text', { rule: ruleName, count: String(count) }),
  };
}
