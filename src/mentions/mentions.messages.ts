import { defineMessages, type Locale } from '../core/i18n.ts';
import type { MentionKind, MentionStatus } from './mentions.vocab.ts';

/**
 * The inbox's texts in three languages (`mentions.<key>`): its errors and the names of mention
 * kinds and statuses, the same words the web app shows. Pure: the web may import it too.
 */
export const mentionsMessages = defineMessages('mentions', {
  en: {
    badCursor: 'cursor is not one this API returned',
    noRiskToDismiss: 'this mention has no risk signal to dismiss',
    notAnalysedYet: 'this mention has not been analysed yet: correct it once its analysis is in',
    badSentiment: 'value must be a sentiment ({known}), not {value}',
    badRisk: 'value must be a risk the analysis knows ({known}), not {value}',
    riskPresent: 'the analysis already flags the risk {value} for this mention',
    unknownStaff: 'value names no staff member of this organisation: {value}',
    staffOutside: 'value names a staff member outside your departments: {value}',
    staffLinked: 'the staff member {value} is already linked to this mention',
    staffNotLinked: 'the staff member {value} is not linked to this mention',
    staffAddedByCorrection: 'the staff member {value} was linked by a correction: undo that correction instead',
    'status.new': 'New',
    'status.triaged': 'Triaged',
    'status.in_case': 'In a case',
    'status.resolved': 'Resolved',
    'status.dismissed': 'Dismissed',
    'kind.review': 'Review',
    'kind.comment': 'Comment',
    'kind.post': 'Post',
    'kind.news': 'News',
    'kind.offline_complaint': 'Offline complaint',
    'kind.hotline_note': 'Hotline note',
    'kind.survey_text': 'Survey answer',
  },
  ru: {
    badCursor: 'этот курсор не был выдан API',
    noRiskToDismiss: 'у этого упоминания нет сигнала риска, который можно отклонить',
    notAnalysedYet: 'это упоминание ещё не проанализировано: исправьте его, когда анализ будет готов',
    badSentiment: 'value должно быть тональностью ({known}), а не {value}',
    badRisk: 'value должно быть известным анализу риском ({known}), а не {value}',
    riskPresent: 'анализ уже отмечает риск {value} у этого упоминания',
    unknownStaff: 'value не называет сотрудника этой организации: {value}',
    staffOutside: 'value называет сотрудника вне ваших отделений: {value}',
    staffLinked: 'сотрудник {value} уже связан с этим упоминанием',
    staffNotLinked: 'сотрудник {value} не связан с этим упоминанием',
    staffAddedByCorrection: 'сотрудник {value} связан исправлением: отмените это исправление',
    'status.new': 'Новое',
    'status.triaged': 'Разобрано',
    'status.in_case': 'В работе',
    'status.resolved': 'Решено',
    'status.dismissed': 'Отклонено',
    'kind.review': 'Отзыв',
    'kind.comment': 'Комментарий',
    'kind.post': 'Публикация',
    'kind.news': 'Новость',
    'kind.offline_complaint': 'Офлайн-жалоба',
    'kind.hotline_note': 'Звонок на горячую линию',
    'kind.survey_text': 'Ответ в опросе',
  },
  'zh-CN': {
    badCursor: '该游标不是本 API 返回的',
    noRiskToDismiss: '该提及没有可排除的风险信号',
    notAnalysedYet: '该提及尚未分析：请在分析完成后再更正',
    badSentiment: 'value 必须是情感标签（{known}），而不是 {value}',
    badRisk: 'value 必须是分析可识别的风险（{known}），而不是 {value}',
    riskPresent: '分析已为该提及标记风险 {value}',
    unknownStaff: 'value 不是本机构的员工：{value}',
    staffOutside: 'value 是您所属科室以外的员工：{value}',
    staffLinked: '员工 {value} 已关联到该提及',
    staffNotLinked: '员工 {value} 未关联到该提及',
    staffAddedByCorrection: '员工 {value} 是通过更正关联的：请撤销该更正',
    'status.new': '新建',
    'status.triaged': '已分拣',
    'status.in_case': '处理中',
    'status.resolved': '已解决',
    'status.dismissed': '已忽略',
    'kind.review': '评价',
    'kind.comment': '评论',
    'kind.post': '帖子',
    'kind.news': '新闻',
    'kind.offline_complaint': '线下投诉',
    'kind.hotline_note': '热线记录',
    'kind.survey_text': '问卷回答',
  },
});

/** The name of a mention kind in `locale`. */
export function mentionKindName(locale: Locale, kind: MentionKind): string {
  return mentionsMessages.render(locale, `kind.${kind}`);
}

/** The name of a mention status in `locale`. */
export function mentionStatusName(locale: Locale, status: MentionStatus): string {
  return mentionsMessages.render(locale, `status.${status}`);
}
