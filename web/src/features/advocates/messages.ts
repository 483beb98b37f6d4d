import { defineMessages } from '../../i18n/catalogue.ts';

/** Advocates. */
export const advocatesMessages = defineMessages({
  en: {
    'nav.advocates': 'Key patients',
  },
  ru: {
    'nav.advocates': 'Лидеры мнений',
  },
  'zh-CN': {
    'nav.advocates': '关键意见患者',
  },
});
