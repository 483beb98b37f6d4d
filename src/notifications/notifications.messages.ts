import { defineMessages } from '../core/i18n.ts';

/** The notifications feature's own words: the link back to Verity, delivery labels and its errors. */
export const notificationsMessages = defineMessages('notifications', {
  en: {
    openInVerity: 'Open in Verity',
    emailTo: 'E-mail to {email}',
    'status.pending': 'pending',
    'status.sent': 'sent',
    'status.dead': 'dead',
    'onlyDeadRetried.pending': 'only a dead delivery can be retried; this one is pending',
    'onlyDeadRetried.sent': 'only a dead delivery can be retried; this one is sent',
  },
  ru: {
    openInVerity: 'Открыть в Verity',
    emailTo: 'Письмо на {email}',
    'status.pending': 'ожидает отправки',
    'status.sent': 'доставлено',
    'status.dead': 'не доставлено',
    'onlyDeadRetried.pending': 'повторить можно только недоставленное сообщение; это сообщение ещё ожидает отправки',
    'onlyDeadRetried.sent': 'повторить можно только недоставленное сообщение; это сообщение уже доставлено',
  },
  'zh-CN': {
    openInVerity: '在 Verity 中打开',
    emailTo: '发送邮件至 {email}',
    'status.pending': '待发送',
    'status.sent': '已送达',
    'status.dead': '投递失败',
    'onlyDeadRetried.pending': '只有投递失败的记录才能重试；此记录仍在等待发送',
    'onlyDeadRetried.sent': '只有投递失败的记录才能重试；此记录已送达',
  },
});
