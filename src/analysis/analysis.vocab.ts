/**
 * The analysis vocabulary: the fixed taxonomy of aspects (the four dimensions of PRODUCT.md) and
 * risks, the sentiment labels and the languages mentions are analysed in. Pure constants, so the
 * web app, the inbox filters and the alert rules can import them without loading the engine.
 */
export const ASPECTS = [
  'outcome.efficacy',
  'outcome.diagnosis',
  'outcome.safety',
  'process.waiting',
  'process.registration',
  'process.communication.listening',
  'process.communication.clarity',
  'process.communication.shared_decisions',
  'process.communication.privacy',
  'process.attitude',
  'process.environment',
  'process.facilities',
  'relationship.followup',
  'brand.price',
  'brand.overtreatment',
  'brand.trust',
] as const;
export type Aspect = (typeof ASPECTS)[number];

export const RISKS = ['medical_error', 'safety_incident', 'death', 'legal_threat', 'media', 'privacy_breach', 'corruption', 'violence_threat', 'discrimination', 'infection'] as const;
export type Risk = (typeof RISKS)[number];

/** A mention's overall sentiment: `mixed` when both praise and complaint are substantial (counted with the negatives wherever complaints are counted). */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive', 'mixed'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
/** The sentiments that carry a complaint: what negative counts, shares and alerts include. */
export const COMPLAINT_SENTIMENTS = ['negative', 'mixed'] as const satisfies readonly SentimentLabel[];

/** An aspect's polarity within a mention (an aspect is praised, criticised or only named). */
export const POLARITIES = ['negative', 'neutral', 'positive'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** The languages mentions are analysed in (ISO 639-1; not the UI languages). */
export const ANALYSIS_LANGUAGES = ['zh', 'ru', 'en'] as const;
export type AnalysisLanguage = (typeof ANALYSIS_LANGUAGES)[number];
