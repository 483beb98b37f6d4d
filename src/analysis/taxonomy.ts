/**
 * The fixed taxonomy of aspects (the four dimensions of PRODUCT.md) and risks. Pure constants, so the
 * web app and the alert rules can import them without loading the engine.
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

export const RISKS = [
  'medical_error',
  'safety_incident',
  'death',
  'legal_threat',
  'media',
  'privacy_breach',
  'corruption',
  'violence_threat',
  'discrimination',
  'infection',
] as const;
