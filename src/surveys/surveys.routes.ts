import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { copySurvey, createSurveyFromTemplate } from './create-survey.ts';
import { saveSurveyVersion, updateSurvey } from './change-survey.ts';
import { getSurveySettings, saveSurveySettings } from './survey-settings.ts';
import { CopySurveyBody, CreateSurveyBody, SaveVersionBody, SurveyResponse, SurveySettingsBody, SurveySettingsView, SurveySummaryView, TemplateView, UpdateSurveyBody } from './surveys.schemas.ts';
import { surveysMessages } from './surveys.messages.ts';
import { findSurveys, getSurvey } from './surveys.queries.ts';
import { SURVEY_TEMPLATES } from './surveys.vocab.ts';
import { templateDefinition } from './templates/index.ts';

/** The survey builder: templates, surveys, their versions and status, and the review-link settings. */
export async function surveyRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['surveys'];
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);
  const orgOf = (request: FastifyRequest) => requireAuth(request).orgId;

  app.get('/api/survey-templates', { config: { access: 'surveys.read' }, schema: { tags, response: { 200: z.object({ items: z.array(TemplateView) }) } } }, async (request) => ({
    items: SURVEY_TEMPLATES.map((template) => ({ template, name: surveysMessages.render(request.locale, `template.${template}`), definition: templateDefinition(template) })),
  }));

  app.get('/api/surveys', { config: { access: 'surveys.read' }, schema: { tags, response: { 200: z.object({ items: z.array(SurveySummaryView) }) } } }, async (request) => ({
    items: await findSurveys(db, orgOf(request)),
  }));

  app.post('/api/surveys', { config: { access: 'surveys.manage' }, schema: { tags, body: CreateSurveyBody, response: { 201: SurveyResponse } } }, async (request, reply) => {
    const { template, name, activate } = request.body;
    const id = await createSurveyFromTemplate(db, { orgId: orgOf(request), template, name, status: activate ? 'active' : 'draft', by: by(request) });
    return reply.status(201).send({ survey: await getSurvey(db, orgOf(request), id) });
  });

  app.get('/api/surveys/:id', { config: { access: 'surveys.read' }, schema: { tags, params: IdParams, response: { 200: SurveyResponse } } }, async (request) => ({
    survey: await getSurvey(db, orgOf(request), request.params.id),
  }));

  app.patch('/api/surveys/:id', { config: { access: 'surveys.manage' }, schema: { tags, params: IdParams, body: UpdateSurveyBody, response: { 200: SurveyResponse } } }, async (request) => {
    await updateSurvey(db, by(request), request.params.id, request.body);
    return { survey: await getSurvey(db, orgOf(request), request.params.id) };
  });

  app.post('/api/surveys/:id/copy', { config: { access: 'surveys.manage' }, schema: { tags, params: IdParams, body: CopySurveyBody, response: { 201: SurveyResponse } } }, async (request, reply) => {
    const id = await copySurvey(db, by(request), request.params.id, request.body.name);
    return reply.status(201).send({ survey: await getSurvey(db, orgOf(request), id) });
  });

  app.post(
    '/api/surveys/:id/versions',
    { config: { access: 'surveys.manage' }, schema: { tags, params: IdParams, body: SaveVersionBody, response: { 201: SurveyResponse } } },
    async (request, reply) => {
      await saveSurveyVersion(db, by(request), request.params.id, request.body.definition);
      return reply.status(201).send({ survey: await getSurvey(db, orgOf(request), request.params.id) });
    },
  );

  app.get('/api/survey-settings', { config: { access: 'surveys.read' }, schema: { tags, response: { 200: SurveySettingsView } } }, async (request) => getSurveySettings(db, orgOf(request)));

  app.put('/api/survey-settings', { config: { access: 'surveys.manage' }, schema: { tags, body: SurveySettingsBody, response: { 200: SurveySettingsView } } }, async (request) => {
    await saveSurveySettings(db, by(request), request.body);
    return getSurveySettings(db, orgOf(request));
  });
}
