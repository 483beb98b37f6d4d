import { defineJob } from '../../core/jobs.ts';
import { EVENTS } from '../../core/events.ts';
import { recordArrivalConversion } from '../arrival.ts';

/** A survey answered by a visitor who came by a share link is that link's conversion (`survey_submitted`). */
export const surveyConversionJob = defineJob({
  name: 'sharing.record-survey-conversion',
  schema: EVENTS['surveys.response-submitted'],
  subscribe: 'surveys.response-submitted',
  async handle(ctx, data) {
    await recordArrivalConversion(ctx.db, { cookie: data.via, orgId: data.orgId, patientId: data.patientId, kind: 'survey_submitted', refId: data.responseId });
  },
});
