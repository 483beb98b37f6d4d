import { defineMessages, type Locale } from '../core/i18n.ts';
import type { Aspect, Risk, SentimentLabel } from './analysis.vocab.ts';

/**
 * The names of the analysis vocabulary in each language (`analysis.aspect.<id>`, `analysis.risk.<id>`,
 * `analysis.sentiment.<label>`), the same words the web app shows, for the texts the server makes
 * (notifications, alert and case titles). Pure: the web may import it too.
 */
export const analysisMessages = defineMessages('analysis', {
  en: {
    'sentiment.negative': 'Negative',
    'sentiment.neutral': 'Neutral',
    'sentiment.positive': 'Positive',
    'sentiment.mixed': 'Mixed',
    'aspect.outcome.efficacy': 'Treatment efficacy',
    'aspect.outcome.diagnosis': 'Diagnosis',
    'aspect.outcome.safety': 'Safety and complications',
    'aspect.process.waiting': 'Waiting time',
    'aspect.process.registration': 'Registration and appointments',
    'aspect.process.communication.listening': 'Listening and empathy',
    'aspect.process.communication.clarity': 'Clear explanations',
    'aspect.process.communication.shared_decisions': 'Shared decisions',
    'aspect.process.communication.privacy': 'Privacy in communication',
    'aspect.process.attitude': 'Staff attitude',
    'aspect.process.environment': 'Environment and cleanliness',
    'aspect.process.facilities': 'Facilities and parking',
    'aspect.relationship.followup': 'Follow-up and continuity',
    'aspect.brand.price': 'Price and billing',
    'aspect.brand.overtreatment': 'Over-treatment and upselling',
    'aspect.brand.trust': 'Trust',
    'risk.medical_error': 'Medical error',
    'risk.safety_incident': 'Safety incident',
    'risk.death': 'Death',
    'risk.legal_threat': 'Legal threat',
    'risk.media': 'Media attention',
    'risk.privacy_breach': 'Privacy breach',
    'risk.corruption': 'Corruption',
    'risk.violence_threat': 'Threat of violence',
    'risk.discrimination': 'Discrimination',
    'risk.infection': 'Infection',
  },
  ru: {
    'sentiment.negative': 'Негатив',
    'sentiment.neutral': 'Нейтрально',
    'sentiment.positive': 'Позитив',
    'sentiment.mixed': 'Смешанно',
    'aspect.outcome.efficacy': 'Эффективность лечения',
    'aspect.outcome.diagnosis': 'Диагностика',
    'aspect.outcome.safety': 'Безопасность и осложнения',
    'aspect.process.waiting': 'Время ожидания',
    'aspect.process.registration': 'Запись и регистратура',
    'aspect.process.communication.listening': 'Внимание и сочувствие',
    'aspect.process.communication.clarity': 'Понятные объяснения',
    'aspect.process.communication.shared_decisions': 'Совместные решения',
    'aspect.process.communication.privacy': 'Конфиденциальность общения',
    'aspect.process.attitude': 'Отношение персонала',
    'aspect.process.environment': 'Обстановка и чистота',
    'aspect.process.facilities': 'Оснащение и парковка',
    'aspect.relationship.followup': 'Наблюдение после лечения',
    'aspect.brand.price': 'Цены и счета',
    'aspect.brand.overtreatment': 'Навязывание услуг',
    'aspect.brand.trust': 'Доверие',
    'risk.medical_error': 'Врачебная ошибка',
    'risk.safety_incident': 'Инцидент безопасности',
    'risk.death': 'Смерть',
    'risk.legal_threat': 'Угроза суда',
    'risk.media': 'Внимание СМИ',
    'risk.privacy_breach': 'Нарушение конфиденциальности',
    'risk.corruption': 'Коррупция',
    'risk.violence_threat': 'Угроза насилия',
    'risk.discrimination': 'Дискриминация',
    'risk.infection': 'Инфекция',
  },
  'zh-CN': {
    'sentiment.negative': '负面',
    'sentiment.neutral': '中性',
    'sentiment.positive': '正面',
    'sentiment.mixed': '褒贬不一',
    'aspect.outcome.efficacy': '治疗效果',
    'aspect.outcome.diagnosis': '诊断',
    'aspect.outcome.safety': '安全与并发症',
    'aspect.process.waiting': '等候时间',
    'aspect.process.registration': '挂号与预约',
    'aspect.process.communication.listening': '倾听与共情',
    'aspect.process.communication.clarity': '解释清楚',
    'aspect.process.communication.shared_decisions': '共同决策',
    'aspect.process.communication.privacy': '沟通隐私',
    'aspect.process.attitude': '服务态度',
    'aspect.process.environment': '环境与卫生',
    'aspect.process.facilities': '设施与停车',
    'aspect.relationship.followup': '随访与连续性',
    'aspect.brand.price': '价格与收费',
    'aspect.brand.overtreatment': '过度医疗与推销',
    'aspect.brand.trust': '信任',
    'risk.medical_error': '医疗差错',
    'risk.safety_incident': '安全事件',
    'risk.death': '死亡',
    'risk.legal_threat': '法律威胁',
    'risk.media': '媒体关注',
    'risk.privacy_breach': '隐私泄露',
    'risk.corruption': '红包回扣',
    'risk.violence_threat': '暴力威胁',
    'risk.discrimination': '歧视',
    'risk.infection': '感染',
  },
});

/** The name of an aspect in `locale`. */
export function aspectName(locale: Locale, aspect: Aspect): string {
  return analysisMessages.render(locale, `aspect.${aspect}`);
}

/** The name of a risk in `locale`. */
export function riskName(locale: Locale, risk: Risk): string {
  return analysisMessages.render(locale, `risk.${risk}`);
}

/** The name of a sentiment label in `locale`. */
export function sentimentName(locale: Locale, label: SentimentLabel): string {
  return analysisMessages.render(locale, `sentiment.${label}`);
}
