import { defineMessages } from '../../i18n/catalogue.ts';

/** Content. */
export const contentMessages = defineMessages({
  en: {
    'nav.content': 'Content',
  },
  ru: {
    'nav.content': 'Контент',
  },
  'zh-CN': {
    'nav.content': '内容日历',
  },
});
