import { defineMessages } from '../../i18n/catalogue.ts';

/** Referrals. */
export const referralsMessages = defineMessages({
  en: {
    'nav.referrals': 'Referrals',
  },
  ru: {
    'nav.referrals': 'Рекомендации',
  },
  'zh-CN': {
    'nav.referrals': '老带新',
  },
});
