import type { QuestionDef } from '../survey-definition.ts';
import { option, t } from './text.ts';

/**
 * Questions several templates share, worded once. The communication rating's options are the four
 * dimensions (ids from COMMUNICATION_DIMENSIONS), each worded after the CG-CAHPS item it is
 * reported against (COMMUNICATION_CAHPS_ITEMS); the answer scale is CG-CAHPS's Never / Sometimes /
 * Usually / Always (1–4).
 */

export const npsQuestion = (id = 'nps'): QuestionDef => ({
  id,
  type: 'nps',
  required: true,
  text: t(
    'How likely are you to recommend our clinic to a friend or family member?',
    'Насколько вероятно, что вы порекомендуете нашу клинику другу или родственнику?',
    '您有多大可能向朋友或家人推荐我们的医院？',
  ),
  help: t('0 = not at all likely, 10 = extremely likely', '0 — совсем маловероятно, 10 — очень вероятно', '0 = 完全不可能，10 = 非常可能'),
});

export const communicationQuestion = (who: 'doctor' | 'doctors' | 'nurses', id = 'communication'): QuestionDef => {
  const texts = {
    doctor: t('During your visit, how often did the doctor…', 'Как часто во время приёма врач…', '就诊过程中，医生有多经常……'),
    doctors: t('During your stay, how often did the doctors…', 'Как часто во время пребывания в стационаре врачи…', '住院期间，医生们有多经常……'),
    nurses: t('During your stay, how often did the nurses…', 'Как часто во время пребывания в стационаре медсёстры…', '住院期间，护士们有多经常……'),
  };
  return {
    id,
    type: 'communication',
    required: false,
    text: texts[who],
    help: t('Never, sometimes, usually or always', 'Никогда, иногда, обычно или всегда', '从不、有时、通常或总是'),
    options: [
      option('listening', 'listen carefully to you and show understanding', 'внимательно выслушивал(а) вас и проявлял(а) понимание', '认真倾听您的讲述并表示理解'),
      option('clarity', 'explain things in a way that was easy to understand', 'объяснял(а) всё так, чтобы было легко понять', '用通俗易懂的方式向您解释病情和治疗'),
      option(
        'shared_decisions',
        'spend enough time with you and involve you in decisions about your care',
        'уделял(а) вам достаточно времени и обсуждал(а) с вами решения о лечении',
        '花足够的时间与您交流，并让您参与治疗决定',
      ),
      option('privacy', 'show respect for what you had to say and for your privacy', 'с уважением относился(-ась) к вашим словам и к вашей частной жизни', '尊重您的意见并保护您的隐私'),
    ],
  };
};

export const whyQuestion = (id = 'why'): QuestionDef => ({
  id,
  type: 'free_text',
  required: false,
  text: t('Please can you tell us why you gave your answer?', 'Пожалуйста, расскажите, почему вы дали такой ответ?', '请告诉我们您给出这个评价的原因。'),
});

export const improveQuestion = (id = 'comments'): QuestionDef => ({
  id,
  type: 'free_text',
  required: false,
  text: t(
    'Is there anything we could have done better? Anything you would like to tell us?',
    'Что мы могли бы сделать лучше? Что ещё вы хотели бы нам сказать?',
    '我们还有哪些地方可以做得更好？您还有什么想告诉我们的吗？',
  ),
});

export const contactQuestion = (id = 'contact'): QuestionDef => ({
  id,
  type: 'contact_consent',
  required: false,
  text: t(
    'May we contact you about your answers? If so, please leave your name and a phone number or e-mail.',
    'Можно ли связаться с вами по поводу ваших ответов? Если да, оставьте, пожалуйста, имя и телефон или e-mail.',
    '我们可以就您的反馈与您联系吗？如果可以，请留下您的姓名和电话或电子邮箱。',
  ),
  help: t(
    'Optional. We use your details only to answer you, never for advertising.',
    'Необязательно. Мы используем ваши данные только для ответа вам и никогда — для рекламы.',
    '选填。您的联系方式仅用于回复您，绝不用于广告。',
  ),
});

export const thanks = t(
  'Thank you for your feedback. Every answer is read by our patient service team.',
  'Спасибо за ваш отзыв. Каждый ответ читает наша служба заботы о пациентах.',
  '感谢您的反馈。我们的患者服务团队会阅读每一条意见。',
);
