import type { SurveyDefinitionType } from '../survey-definition.ts';
import { contactQuestion, thanks, whyQuestion } from './shared-questions.ts';
import { option, t } from './text.ts';

/**
 * The NHS Friends and Family Test, in the wording NHS England has required since April 2020:
 * "Overall, how was your experience of our service?" on the five-point scale Very good … Very poor,
 * plus "Don't know". The fft answer is 1–5 (very poor … very good) or null for "Don't know"; the
 * option ids below say which is which (FFT_ANSWER_VALUES), so a page renders the exact wording.
 */
export const FFT_QUESTION_EN = 'Overall, how was your experience of our service?';

export const FFT_SCALE_EN = ['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', "Don't know"] as const;

/** The fft answer each option of the FFT question stands for. */
export const FFT_ANSWER_VALUES: Record<string, number | null> = { very_good: 5, good: 4, neither: 3, poor: 2, very_poor: 1, dont_know: null };

export const fftTemplate: SurveyDefinitionType = {
  pages: [
    {
      questions: [
        {
          id: 'fft',
          type: 'fft',
          required: true,
          text: t(FFT_QUESTION_EN, 'В целом, как вы оцениваете свой опыт получения нашей помощи?', '总体而言，您对我们服务的体验如何？'),
          options: [
            option('very_good', FFT_SCALE_EN[0], 'Очень хорошо', '非常好'),
            option('good', FFT_SCALE_EN[1], 'Хорошо', '好'),
            option('neither', FFT_SCALE_EN[2], 'Ни хорошо, ни плохо', '既不好也不差'),
            option('poor', FFT_SCALE_EN[3], 'Плохо', '差'),
            option('very_poor', FFT_SCALE_EN[4], 'Очень плохо', '非常差'),
            option('dont_know', FFT_SCALE_EN[5], 'Затрудняюсь ответить', '不知道'),
          ],
        },
        whyQuestion(),
        contactQuestion(),
      ],
    },
  ],
  thanks,
};
