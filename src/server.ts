import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { FEATURES } from './features.ts';
import { registerAuth } from './server-auth.ts';
import { registerSecurityHeaders } from './auth/index.ts';
import type { AppContext } from './core/context.ts';
import { AppError, ERROR_STATUS, errorMessages, fromDatabaseError } from './core/errors.ts';
import { DEFAULT_LOCALE, type Locale } from './core/i18n.ts';
import './core/request.ts';

/** The built web app; VERITY_WEB_DIST points elsewhere (a second checkout's or a parallel build's). */
const WEB_DIST = process.env.VERITY_WEB_DIST ? path.resolve(process.env.VERITY_WEB_DIST) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** Builds the HTTP server with every route; does not listen. */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 10 * 1024 * 1024,
    // X-Forwarded-For/-Proto are believed only from the proxies VERITY_TRUST_PROXY names (addresses or CIDRs).
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy : false,
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const rendered = renderError(error, request.locale);
    if (rendered.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    reply.status(rendered.status).send({ error: rendered.body });
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      reply.status(404).send({ error: { code: 'not_found', message: errorMessages.render(request.locale, 'noRoute', { method: request.method, path: request.url.split('?')[0] }) } });
      return;
    }
    reply.type('text/html').sendFile('index.html');
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Verity API', version: '1', description: 'Word-of-mouth and patient-loyalty management for clinics' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'verity_session' },
          sourceToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await registerSecurityHeaders(app);
  await app.register(cookie);
  // The patient pages are plain HTML forms (no JavaScript), posted as application/x-www-form-urlencoded.
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  // An answer sent before the request body was read whole (a refused upload) closes the connection: the client is told so, instead of the
  // unread rest of its body being taken for its next request and the connection reset under it.
  app.addHook('onSend', async (request, reply) => {
    if (request.raw.complete === false) reply.header('connection', 'close');
  });
  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  }
  registerAuth(app);

  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const feature of FEATURES) for (const routes of feature.routes) await app.register(routes);
  return app;
}

/** Maps any thrown value onto the one error format, its message in `locale`; unknown errors become a generic 500. */
export function renderError(error: unknown, locale: Locale = DEFAULT_LOCALE): { status: number; body: { code: string; message: string; details?: unknown } } {
  if (error instanceof AppError) return { status: error.status, body: { code: error.code, message: error.localizedMessage(locale), details: error.details } };
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = fe.validation.map((v) => ({ path: `${fe.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`, message: v.message }));
    const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return { status: 400, body: { code: 'bad_request', message: errorMessages.render(locale, 'invalidRequest', { issues: message }), details: issues } };
  }
  if (isResponseSerializationError(fe)) return { status: 500, body: { code: 'internal', message: errorMessages.render(locale, 'internal') } };
  const dbError = fromDatabaseError(error);
  if (dbError) return renderError(dbError, locale);
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === status)?.[0] ?? 'bad_request') as string;
    return { status, body: { code, message: fe.message } };
  }
  return { status: 500, body: { code: 'internal', message: errorMessages.render(locale, 'internal') } };
}
