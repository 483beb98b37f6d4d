import { defineMessages } from '../../i18n/catalogue.ts';

/** The audit log. */
export const auditMessages = defineMessages({
  en: {
    'audit.title': 'Audit log',
    'audit.when': 'When',
    'audit.who': 'Who',
    'audit.action': 'Action',
    'audit.target': 'Target',
    'audit.ip': 'From',
    'audit.details': 'Details',
    'audit.empty': 'No audit entries yet.',
  },
  ru: {
    'audit.title': 'Журнал аудита',
    'audit.when': 'Когда',
    'audit.who': 'Кто',
    'audit.action': 'Действие',
    'audit.target': 'Объект',
    'audit.ip': 'Откуда',
    'audit.details': 'Подробности',
    'audit.empty': 'Записей пока нет.',
  },
  'zh-CN': {
    'audit.title': '审计日志',
    'audit.when': '时间',
    'audit.who': '操作人',
    'audit.action': '操作',
    'audit.target': '对象',
    'audit.ip': '来源地址',
    'audit.details': '详情',
    'audit.empty': '暂无审计记录。',
  },
});
