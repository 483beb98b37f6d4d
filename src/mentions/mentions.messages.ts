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
