import { SurveyDefinition, type SurveyDefinitionType } from '../survey-definition.ts';
import type { SurveyTemplate } from '../surveys.vocab.ts';
import { fftTemplate } from './fft.ts';
import { inpatientDischargeTemplate } from './inpatient-discharge.ts';
import { npsWhyTemplate } from './nps-why.ts';
import { outpatientTemplate } from './outpatient.ts';

const TEMPLATES: Record<SurveyTemplate, SurveyDefinitionType> = {
  nps_why: npsWhyTemplate,
  fft: fftTemplate,
  outpatient: outpatientTemplate,
  inpatient_discharge: inpatientDischargeTemplate,
};

/** A built-in template's definition, parsed (defaults applied) and deep-copied so a caller may change it. */
export function templateDefinition(template: SurveyTemplate): SurveyDefinitionType {
  return SurveyDefinition.parse(structuredClone(TEMPLATES[template]));
}

export { FFT_ANSWER_VALUES, FFT_QUESTION_EN, FFT_SCALE_EN } from './fft.ts';
