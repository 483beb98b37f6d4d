import { defineMessages } from '../../i18n/catalogue.ts';

/**
 * The dashboards (overview, heat map, pain points, competitors) and the shared chart card's words
 * (`chart.*`, web/src/ui/ChartCard.tsx, which the scorecards and reports use too).
 */
export const dashboardsMessages = defineMessages({
  en: {
    'nav.dashboards': 'Dashboards',
    'chart.table': 'Table',
    'chart.exportCsv': 'Export CSV',
    'chart.noData': 'No data yet',
  },
  ru: {
    'nav.dashboards': 'Дашборды',
    'chart.table': 'Таблица',
    'chart.exportCsv': 'Экспорт CSV',
    'chart.noData': 'Данных пока нет',
  },
  'zh-CN': {
    'nav.dashboards': '数据看板',
    'chart.table': '表格',
    'chart.exportCsv': '导出 CSV',
    'chart.noData': '暂无数据',
  },
});
