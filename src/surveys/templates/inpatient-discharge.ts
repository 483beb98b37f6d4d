import type { SurveyDefinitionType } from '../survey-definition.ts';
import { communicationQuestion, contactQuestion, improveQuestion, thanks } from './shared-questions.ts';
import { option, t } from './text.ts';

const yesNo = () => [
  option('yes_fully', 'Yes, completely', 'Да, полностью', '是的，完全'),
  option('yes_partly', 'Yes, to some extent', 'Да, отчасти', '在一定程度上'),
  option('no', 'No', 'Нет', '没有'),
];

/**
 * After discharge from a stay: overall satisfaction (CSAT), how nurses and doctors communicated
 * (the four dimensions), whether the discharge information was clear and pain was managed, what went
 * well (several choices), free text and the contact consent.
 */
export const inpatientDischargeTemplate: SurveyDefinitionType = {
  intro: t(
    'We hope you are recovering well. Please tell us about your stay with us: it takes about three minutes.',
    'Надеемся, вы хорошо восстанавливаетесь. Расскажите, пожалуйста, о вашем пребывании у нас — это займёт около трёх минут.',
    '祝您早日康复。请告诉我们您住院期间的感受，大约需要三分钟。',
  ),
  pages: [
    {
      title: t('Your stay', 'Ваше пребывание', '您的住院经历'),
      questions: [
        {
          id: 'csat',
          type: 'csat',
          required: true,
          text: t('Overall, how satisfied are you with your stay in our hospital?', 'В целом, насколько вы довольны пребыванием в нашей больнице?', '总体而言，您对在我院的住院经历满意吗？'),
        },
        communicationQuestion('nurses', 'nurses'),
        communicationQuestion('doctors', 'doctors'),
      ],
    },
    {
      title: t('Going home', 'Выписка', '出院'),
      questions: [
        {
          id: 'discharge_info',
          type: 'single_choice',
          required: false,
          text: t(
            'Did you get clear information about what to do after you left hospital (medicines, warning signs, follow-up)?',
            'Получили ли вы понятную информацию о том, что делать после выписки (лекарства, тревожные признаки, повторный приём)?',
            '出院时，您是否得到了清楚的指导（用药、需要警惕的症状、复诊安排）？',
          ),
          options: yesNo(),
        },
        {
          id: 'pain',
          type: 'single_choice',
          required: false,
          text: t('Did the staff do everything they could to help manage your pain?', 'Сделал ли персонал всё возможное, чтобы облегчить вашу боль?', '医护人员是否尽其所能帮助您控制疼痛？'),
          options: [...yesNo(), option('no_pain', 'I had no pain', 'У меня не было боли', '我没有疼痛')],
        },
        {
          id: 'went_well',
          type: 'multiple_choice',
          required: false,
          text: t('What went well during your stay? Choose all that apply.', 'Что было хорошо во время пребывания? Выберите всё подходящее.', '住院期间哪些方面让您满意？可多选。'),
          options: [
            option('nursing_care', 'Nursing care', 'Уход медсестёр', '护理服务'),
            option('doctors_care', "Doctors' care", 'Работа врачей', '医生的诊疗'),
            option('cleanliness', 'Cleanliness', 'Чистота', '清洁卫生'),
            option('food', 'Food', 'Питание', '饮食'),
            option('quiet', 'Quiet at night', 'Тишина ночью', '夜间安静'),
            option('information', 'Information about my treatment', 'Информация о лечении', '治疗信息的告知'),
            option('discharge', 'The discharge process', 'Процесс выписки', '出院流程'),
          ],
        },
        improveQuestion(),
        contactQuestion(),
      ],
    },
  ],
  thanks,
};
