import { defineMessages } from '../../i18n/catalogue.ts';

/** Sharing. */
export const sharingMessages = defineMessages({
  en: {
    'nav.sharing': 'Sharing',
  },
  ru: {
    'nav.sharing': 'Распространение',
  },
  'zh-CN': {
    'nav.sharing': '传播追踪',
  },
});
