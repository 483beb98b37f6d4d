import { riskName, sentimentName } from '../analysis/analysis.messages.ts';
import { RISKS, SENTIMENT_LABELS, type Risk, type SentimentLabel } from '../analysis/analysis.vocab.ts';
import { defineMessages, renderText, type Locale, type Params, type Text } from '../core/i18n.ts';

/**
 * The alerts feature's words (`alerts.<key>`): why a rule or channel is refused, and the titles and
 * summaries of alerts that go out in notifications. Pure: no database, no zod (notifications and
 * the web may import it).
 */
export const alertsMessages = defineMessages('alerts', {
  en: {
    mentionTakesNoVolume: 'a mention rule takes no volume conditions (volume must be null)',
    mentionNeedsCondition: 'a mention rule needs at least one condition (ratingAtMost, sentimentNegative, anyRisk, risks, staffIds or keywords), or it can never fire',
    volumeTakesNoMention: 'a volume rule takes no mention conditions (mention must be null)',
    volumeNeedsConditions: 'a volume rule needs its volume conditions (metric, windowMinutes, threshold, minCount)',
    cooldownRange: 'cooldownMinutes must be between 0 and {max} (a week)',
    ratingTooLow: 'mention.ratingAtMost must be at least 1: ratings run from 1 to 5, so nothing is rated at most {value}',
    ratingTooHigh: 'mention.ratingAtMost must be at most 5: ratings run from 1 to 5',
    unknownRisks: 'mention.risks names risks the analysis never flags: {unknown} (known: {known})',
    windowTooShort: 'volume.windowMinutes must be at least 1: an empty window never holds a mention',
    windowTooLong: 'volume.windowMinutes must be at most {max} (a week)',
    minCountTooLow: 'volume.minCount must be at least 1',
    countThresholdTooLow: 'volume.threshold of negative_count must be at least 1',
    shareThresholdRange: 'volume.threshold of negative_share is a share: it must be above 0 and at most 1, got {value}',
    spikeThresholdTooLow: 'volume.threshold of spike is a multiple of the seasonal baseline and must be above 1',
    quietSameTime: 'quietHours.start and quietHours.end are the same time',
    quietBadZone: 'quietHours.timezone is not a time zone: {timezone}',
    idsNotInOrg: '{field} names ids that do not exist in this organisation: {ids}',
    invalidChannel: 'invalid {kind} channel: {reason}',
    unknownUsers: 'config.userIds names users that do not exist in this organisation',
    alreadyAcknowledged: 'the alert is already acknowledged',
    badCursor: 'cursor is not one this API returned',
    'title.plain': '{rule}',
    'title.urgent': 'Urgent: {rule}',
    'summary.mention': '“{excerpt}”{facts}{more}',
    facts: ' ({facts})',
    'fact.rating': 'rating {rating}',
    'fact.risks': 'risks: {risks}',
    factSeparator: '; ',
    listSeparator: ', ',
    'more.one': '\n\nand {count} more matching mention',
    'more.few': '\n\nand {count} more matching mentions',
    'more.many': '\n\nand {count} more matching mentions',
    'more.other': '\n\nand {count} more matching mentions',
    'window.hours': '{hours} h',
    'window.minutes': '{minutes} min',
    'summary.negativeCount': '{count} negative mentions in the last {window} (threshold {threshold}).',
    'summary.negativeShare': '{share}% of {total} mentions in the last {window} were negative (threshold {threshold}%).',
    'summary.spike': '{count} negative mentions in the last {window} against {expected} expected from the same hours of the previous {weeks} weeks (Poisson p = {p}).',
    'update.title': 'Update: {title}',
    'update.text': '{rule}: {count} matches in total so far; the alert is still open.',
  },
  ru: {
    mentionTakesNoVolume: 'правило по упоминаниям не принимает условий по объёму (volume должно быть null)',
    mentionNeedsCondition: 'правилу по упоминаниям нужно хотя бы одно условие (ratingAtMost, sentimentNegative, anyRisk, risks, staffIds или keywords), иначе оно никогда не сработает',
    volumeTakesNoMention: 'правило по объёму не принимает условий по упоминаниям (mention должно быть null)',
    volumeNeedsConditions: 'правилу по объёму нужны условия по объёму (metric, windowMinutes, threshold, minCount)',
    cooldownRange: 'cooldownMinutes должно быть от 0 до {max} (неделя)',
    ratingTooLow: 'mention.ratingAtMost должно быть не меньше 1: оценки бывают от 1 до 5, оценки не выше {value} не бывает',
    ratingTooHigh: 'mention.ratingAtMost должно быть не больше 5: оценки бывают от 1 до 5',
    unknownRisks: 'в mention.risks указаны риски, которые анализ не отмечает: {unknown} (известные: {known})',
    windowTooShort: 'volume.windowMinutes должно быть не меньше 1: в пустом окне не бывает упоминаний',
    windowTooLong: 'volume.windowMinutes должно быть не больше {max} (неделя)',
    minCountTooLow: 'volume.minCount должно быть не меньше 1',
    countThresholdTooLow: 'volume.threshold для negative_count должно быть не меньше 1',
    shareThresholdRange: 'volume.threshold для negative_share — это доля: больше 0 и не больше 1, получено {value}',
    spikeThresholdTooLow: 'volume.threshold для spike — это кратность сезонного базового уровня, оно должно быть больше 1',
    quietSameTime: 'quietHours.start и quietHours.end совпадают',
    quietBadZone: 'quietHours.timezone не является часовым поясом: {timezone}',
    idsNotInOrg: 'в {field} указаны идентификаторы, которых нет в этой организации: {ids}',
    invalidChannel: 'неверные настройки канала {kind}: {reason}',
    unknownUsers: 'в config.userIds указаны пользователи, которых нет в этой организации',
    alreadyAcknowledged: 'оповещение уже принято',
    badCursor: 'этот курсор не был выдан данным API',
    'title.plain': '{rule}',
    'title.urgent': 'Срочно: {rule}',
    'summary.mention': '«{excerpt}»{facts}{more}',
    facts: ' ({facts})',
    'fact.rating': 'оценка {rating}',
    'fact.risks': 'риски: {risks}',
    factSeparator: '; ',
    listSeparator: ', ',
    'more.one': '\n\nи ещё {count} подходящее упоминание',
    'more.few': '\n\nи ещё {count} подходящих упоминания',
    'more.many': '\n\nи ещё {count} подходящих упоминаний',
    'more.other': '\n\nи ещё {count} подходящего упоминания',
    'window.hours': '{hours} ч',
    'window.minutes': '{minutes} мин',
    'summary.negativeCount': 'Негативных упоминаний за {window}: {count} (порог {threshold}).',
    'summary.negativeShare': 'Доля негативных упоминаний за {window}: {share}% из {total} (порог {threshold}%).',
    'summary.spike': 'Негативных упоминаний за {window}: {count}; по тем же часам предыдущих недель (недель: {weeks}) ожидалось {expected} (критерий Пуассона, p = {p}).',
    'update.title': 'Обновление: {title}',
    'update.text': '{rule}: всего совпадений на данный момент — {count}; оповещение ещё открыто.',
  },
  'zh-CN': {
    mentionTakesNoVolume: '单条提及规则不接受数量条件（volume 必须为 null）',
    mentionNeedsCondition: '单条提及规则至少需要一个条件（ratingAtMost、sentimentNegative、anyRisk、risks、staffIds 或 keywords），否则永远不会触发',
    volumeTakesNoMention: '数量规则不接受单条提及条件（mention 必须为 null）',
    volumeNeedsConditions: '数量规则需要数量条件（metric、windowMinutes、threshold、minCount）',
    cooldownRange: 'cooldownMinutes 必须在 0 到 {max} 之间（一周）',
    ratingTooLow: 'mention.ratingAtMost 至少为 1：评分范围为 1 到 5，不存在不高于 {value} 的评分',
    ratingTooHigh: 'mention.ratingAtMost 最多为 5：评分范围为 1 到 5',
    unknownRisks: 'mention.risks 中包含分析从不标记的风险：{unknown}（已知风险：{known}）',
    windowTooShort: 'volume.windowMinutes 至少为 1：空的时间窗口内不会有任何提及',
    windowTooLong: 'volume.windowMinutes 最多为 {max}（一周）',
    minCountTooLow: 'volume.minCount 至少为 1',
    countThresholdTooLow: 'negative_count 的 volume.threshold 至少为 1',
    shareThresholdRange: 'negative_share 的 volume.threshold 是比例：必须大于 0 且不超过 1，实际为 {value}',
    spikeThresholdTooLow: 'spike 的 volume.threshold 是季节性基线的倍数，必须大于 1',
    quietSameTime: 'quietHours.start 与 quietHours.end 是同一时间',
    quietBadZone: 'quietHours.timezone 不是有效的时区：{timezone}',
    idsNotInOrg: '{field} 中包含本机构不存在的 ID：{ids}',
    invalidChannel: '{kind} 渠道配置无效：{reason}',
    unknownUsers: 'config.userIds 中包含本机构不存在的用户',
    alreadyAcknowledged: '该预警已确认',
    badCursor: '该游标并非由本 API 返回',
    'title.plain': '{rule}',
    'title.urgent': '紧急：{rule}',
    'summary.mention': '“{excerpt}”{facts}{more}',
    facts: '（{facts}）',
    'fact.rating': '评分 {rating}',
    'fact.risks': '风险：{risks}',
    factSeparator: '；',
    listSeparator: '、',
    'more.one': '\n\n另有 {count} 条匹配的提及',
    'more.few': '\n\n另有 {count} 条匹配的提及',
    'more.many': '\n\n另有 {count} 条匹配的提及',
    'more.other': '\n\n另有 {count} 条匹配的提及',
    'window.hours': '{hours} 小时',
    'window.minutes': '{minutes} 分钟',
    'summary.negativeCount': '最近 {window}内有 {count} 条负面提及（阈值 {threshold}）。',
    'summary.negativeShare': '最近 {window}内的 {total} 条提及中有 {share}% 为负面（阈值 {threshold}%）。',
    'summary.spike': '最近 {window}内有 {count} 条负面提及，而根据前 {weeks} 周同一时段的数据预计为 {expected} 条（泊松检验 p = {p}）。',
    'update.title': '更新：{title}',
    'update.text': '{rule}：目前累计匹配 {count} 次；预警仍未关闭。',
  },
});

type AlertKey = Parameters<typeof alertsMessages.text>[0];
const code = (key: AlertKey) => `${alertsMessages.namespace}.${key}`;
const str = (value: Params[string]) => (value === null || value === undefined ? undefined : String(value));

const isRisk = (id: string): id is Risk => (RISKS as readonly string[]).includes(id);
const isSentiment = (id: string): id is SentimentLabel => (SENTIMENT_LABELS as readonly string[]).includes(id);

/** "(rating 1; Negative; risks: Legal threat)" in `locale`, or '' when the mention has none of these. */
export function mentionFacts(locale: Locale, fact: { rating?: string; sentiment?: string; risks?: string }): string {
  const risks = fact.risks ? fact.risks.split(',').filter(Boolean) : [];
  const parts = [
    fact.rating !== undefined ? alertsMessages.render(locale, 'fact.rating', { rating: fact.rating }) : null,
    fact.sentiment ? (isSentiment(fact.sentiment) ? sentimentName(locale, fact.sentiment) : fact.sentiment) : null,
    risks.length ? alertsMessages.render(locale, 'fact.risks', { risks: risks.map((r) => (isRisk(r) ? riskName(locale, r) : r)).join(alertsMessages.render(locale, 'listSeparator')) }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? alertsMessages.render(locale, 'facts', { facts: parts.join(alertsMessages.render(locale, 'factSeparator')) }) : '';
}

/** "and 3 more matching mentions" in `locale`, with the plural form the language needs; '' for none. */
export function moreMentions(locale: Locale, count: number): string {
  if (count <= 0) return '';
  const form = new Intl.PluralRules(locale).select(count);
  const key = form === 'one' || form === 'few' || form === 'many' ? (`more.${form}` as const) : 'more.other';
  return alertsMessages.render(locale, key, { count: String(count) });
}

/** A volume rule's window: "2 h" for whole hours, else "90 min". */
export function windowName(locale: Locale, minutes: number): string {
  return minutes % 60 === 0 ? alertsMessages.render(locale, 'window.hours', { hours: String(minutes / 60) }) : alertsMessages.render(locale, 'window.minutes', { minutes: String(minutes) });
}

/** An alert's title: the rule's name, marked urgent when a match carries a risk flag. */
export function alertTitleIn(locale: Locale, rule: string, isUrgent: boolean): string {
  return alertsMessages.render(locale, isUrgent ? 'title.urgent' : 'title.plain', { rule });
}

/**
 * Renders an alert's title or summary in `locale`. Their texts carry the alert's facts as raw
 * values (rating, sentiment and risk ids, counts, the window in minutes) and these are put into
 * words of that language here; each composed part is also kept in English in the text's own
 * parameters, so a plain `renderText` still gives a whole sentence. Any other text renders as
 * `renderText` does.
 */
export function renderAlertText(locale: Locale, text: Text): string {
  const p = text.params ?? {};
  switch (text.code) {
    case code('summary.mention'):
      return renderText(locale, {
        code: text.code,
        params: { ...p, facts: mentionFacts(locale, { rating: str(p.rating), sentiment: str(p.sentiment), risks: str(p.risks) }), more: moreMentions(locale, Number(p.moreCount ?? 0)) },
      });
    case code('summary.negativeCount'):
    case code('summary.negativeShare'):
    case code('summary.spike'):
      return renderText(locale, { code: text.code, params: { ...p, window: windowName(locale, Number(p.windowMinutes)) } });
    case code('update.title'):
      return renderText(locale, { code: text.code, params: { ...p, title: alertTitleIn(locale, String(p.rule ?? ''), p.urgent === 1) } });
    default:
      return renderText(locale, text);
  }
}
