import { defineMessages } from '../../core/i18n.ts';

/** The words the survey reports make for people (errors; the web has its own labels). */
export const surveyReportsMessages = defineMessages('surveyReports', {
  en: {
    fromAfterTo: 'The period starts ({from}) after it ends ({to})',
    periodTooLong: 'A report covers at most {days} days',
  },
  ru: {
    fromAfterTo: 'Начало периода ({from}) позже его конца ({to})',
    periodTooLong: 'Отчёт охватывает не больше {days} дней',
  },
  'zh-CN': {
    fromAfterTo: '时段的开始日期（{from}）晚于结束日期（{to}）',
    periodTooLong: '报表最多覆盖 {days} 天',
  },
});
