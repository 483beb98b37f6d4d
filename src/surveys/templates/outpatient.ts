import type { SurveyDefinitionType } from '../survey-definition.ts';
import { communicationQuestion, contactQuestion, improveQuestion, npsQuestion, thanks } from './shared-questions.ts';
import { option, t } from './text.ts';

/**
 * After an outpatient visit: recommendation (NPS) and satisfaction (CSAT), how long the wait was, the
 * four-dimension communication rating of the doctor (CG-CAHPS items), the environment, free text and
 * the contact consent. Two pages, so a patient on a phone sees a short first screen.
 */
export const outpatientTemplate: SurveyDefinitionType = {
  intro: t(
    'Thank you for visiting us. Please tell us about your visit: it takes about two minutes.',
    'Спасибо, что обратились к нам. Расскажите, пожалуйста, о вашем визите — это займёт около двух минут.',
    '感谢您的光临。请告诉我们您本次就诊的感受，大约需要两分钟。',
  ),
  pages: [
    {
      title: t('Your visit', 'Ваш визит', '您的就诊'),
      questions: [
        npsQuestion(),
        {
          id: 'csat',
          type: 'csat',
          required: false,
          text: t('Overall, how satisfied are you with your visit today?', 'В целом, насколько вы довольны сегодняшним визитом?', '总体而言，您对今天的就诊满意吗？'),
        },
        {
          id: 'waiting',
          type: 'waiting_time',
          required: false,
          text: t('How long did you wait past your appointment time before you were seen?', 'Сколько вам пришлось ждать приёма после назначенного времени?', '超过预约时间后，您等了多久才就诊？'),
          options: [
            option('under_15', 'Less than 15 minutes', 'Меньше 15 минут', '不到15分钟'),
            option('15_30', '15 to 30 minutes', 'От 15 до 30 минут', '15至30分钟'),
            option('30_60', '30 minutes to 1 hour', 'От 30 минут до часа', '30分钟至1小时'),
            option('over_60', 'More than 1 hour', 'Больше часа', '超过1小时'),
          ],
        },
      ],
    },
    {
      title: t('Your doctor and our clinic', 'Ваш врач и наша клиника', '您的医生和我们的医院'),
      questions: [
        communicationQuestion('doctor'),
        {
          id: 'environment',
          type: 'single_choice',
          required: false,
          text: t('How would you rate the cleanliness and comfort of the clinic?', 'Как вы оцениваете чистоту и комфорт в клинике?', '您如何评价医院的清洁和舒适程度？'),
          options: [
            option('excellent', 'Excellent', 'Отлично', '非常好'),
            option('good', 'Good', 'Хорошо', '好'),
            option('fair', 'Fair', 'Удовлетворительно', '一般'),
            option('poor', 'Poor', 'Плохо', '差'),
          ],
        },
        improveQuestion(),
        contactQuestion(),
      ],
    },
  ],
  thanks,
};
