import { analysisMessages } from '../analysis/analysis.messages.ts';
import { RISKS, SENTIMENT_LABELS, type Risk, type SentimentLabel } from '../analysis/analysis.vocab.ts';
import type { Text, Words } from '../core/i18n.ts';
import { alertsMessages } from './alerts.messages.ts';
import type { AnalysedMention } from './match-mention.ts';
import type { VolumeConditions } from './alerts.schemas.ts';

/*
 * The texts of alerts as message codes whose parameters may be codes too (a risk's name, the
 * window, the list of facts), so that each reader gets them in their language; words people wrote
 * (a rule's name, a mention's text) stay as they are. The alerts table keeps them in English.
 */

const EXCERPT_CHARS = 280;
const URGENT_PREFIX = alertsMessages.render('en', 'title.urgent', { rule: '' });

const isRisk = (id: string): id is Risk => (RISKS as readonly string[]).includes(id);
const isSentiment = (id: string): id is SentimentLabel => (SENTIMENT_LABELS as readonly string[]).includes(id);

/** Joins texts with `code` ("{first}; {rest}"), as codes nested in one another; null for none. */
function joined(code: 'join' | 'list', parts: Words[]): Words | null {
  if (!parts.length) return null;
  const [first, ...rest] = parts;
  const tail = joined(code, rest);
  return tail === null ? first! : { ...alertsMessages.text(code), params: { first: first!, rest: tail } };
}

/** An alert's title: the rule's name, marked urgent when a match carries a risk flag. */
export function alertTitle(rule: string, isUrgent: boolean): Words {
  return isUrgent ? alertsMessages.text('title.urgent', { rule }) : rule;
}

/** "(rating 1; Negative; risks: Legal threat)", or '' when the mention has none of these. */
function mentionFacts(m: Pick<AnalysedMention, 'rating' | 'sentiment' | 'risks'>): Words {
  const risks = joined(
    'list',
    m.risks.map((r) => (isRisk(r) ? analysisMessages.text(`risk.${r}`) : r)),
  );
  const parts: Words[] = [];
  if (m.rating !== null) parts.push(alertsMessages.text('fact.rating', { rating: String(m.rating) }));
  if (m.sentiment) parts.push(isSentiment(m.sentiment) ? analysisMessages.text(`sentiment.${m.sentiment}`) : m.sentiment);
  if (risks !== null) parts.push({ ...alertsMessages.text('fact.risks'), params: { risks } });
  const facts = joined('join', parts);
  return facts === null ? '' : { ...alertsMessages.text('facts'), params: { facts } };
}

/** The summary of a mention alert: the first mention's excerpt and facts, and how many more matched. */
export function mentionSummary(m: AnalysedMention, moreCount: number): Words {
  const excerpt = m.text.length > EXCERPT_CHARS ? `${m.text.slice(0, EXCERPT_CHARS)}…` : m.text;
  const more = moreCount > 0 ? alertsMessages.text(moreCount === 1 ? 'more.one' : 'more.other', { count: String(moreCount) }) : '';
  return { ...alertsMessages.text('summary.mention'), params: { excerpt, facts: mentionFacts(m), more } };
}

/** A volume rule's window: "2 h" for whole hours, else "90 min". */
function windowOf(minutes: number): Text {
  return minutes % 60 === 0 ? alertsMessages.text('window.hours', { hours: String(minutes / 60) }) : alertsMessages.text('window.minutes', { minutes: String(minutes) });
}

/** What a volume rule measured over its window, as its alert's summary. */
export function volumeSummary(v: VolumeConditions, measured: { negatives: number; total: number; expected?: number; pValue?: number; weeks?: number }): Words {
  const window = windowOf(v.windowMinutes);
  if (v.metric === 'negative_count') return { ...alertsMessages.text('summary.negativeCount'), params: { count: String(measured.negatives), window, threshold: String(v.threshold) } };
  if (v.metric === 'negative_share') {
    const share = measured.total ? measured.negatives / measured.total : 0;
    return {
      ...alertsMessages.text('summary.negativeShare'),
      params: { share: String(Math.round(share * 100)), total: String(measured.total), window, threshold: String(Math.round(v.threshold * 100)) },
    };
  }
  return {
    ...alertsMessages.text('summary.spike'),
    params: { count: String(measured.negatives), window, expected: (measured.expected ?? 0).toFixed(1), weeks: String(measured.weeks ?? 0), p: (measured.pValue ?? 1).toPrecision(2) },
  };
}

/**
 * The title and body of the summary an open alert sends once its cooldown has passed. The alert
 * keeps its title in English; whether it was urgent, and for which rule, is read back from it.
 */
export function updateTexts(alertTitleEn: string, ruleName: string, count: number): { title: Words; text: Words } {
  const title = alertTitleEn.startsWith(URGENT_PREFIX) ? alertTitle(alertTitleEn.slice(URGENT_PREFIX.length), true) : alertTitleEn;
  return {
    title: { ...alertsMessages.text('update.title'), params: { title } },
    text: alertsMessages.text('update.text', { rule: ruleName, count: String(count) }),
  };
}
