import { defineMessages } from '../../i18n/catalogue.ts';

/** Stories. */
export const storiesMessages = defineMessages({
  en: {
    'nav.stories': 'Stories',
  },
  ru: {
    'nav.stories': 'Истории',
  },
  'zh-CN': {
    'nav.stories': '患者故事',
  },
});
