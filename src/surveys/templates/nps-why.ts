import type { SurveyDefinitionType } from '../survey-definition.ts';
import { contactQuestion, npsQuestion, thanks } from './shared-questions.ts';
import { t } from './text.ts';

/** NPS + why: the recommendation question (0–10), the reason in the patient's words, and the contact consent. */
export const npsWhyTemplate: SurveyDefinitionType = {
  intro: t('Two short questions about your visit. It takes less than a minute.', 'Два коротких вопроса о вашем визите. Это займёт меньше минуты.', '关于您本次就诊的两个简短问题，用时不到一分钟。'),
  pages: [
    {
      questions: [
        npsQuestion(),
        {
          id: 'why',
          type: 'free_text',
          required: false,
          text: t('What is the main reason for your score?', 'Какова главная причина вашей оценки?', '您给出这个分数的主要原因是什么？'),
        },
        contactQuestion(),
      ],
    },
  ],
  thanks,
};
