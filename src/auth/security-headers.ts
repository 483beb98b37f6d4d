import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/*
 * The headers every answer carries (helmet): a Content-Security-Policy for the web app with no
 * inline script and no inline style element (Vite emits module scripts and stylesheet files; React
 * and ECharts set styles through the CSSOM, which CSP does not govern), no framing by anyone
 * (frame-ancestors 'none': Verity's pages are not embedded, the patient pages neither: a clinic
 * links to them or prints their QR code), nosniff, a referrer that leaves no path on other sites,
 * and HSTS only on answers that travelled over HTTPS (directly or through a trusted proxy), so a
 * plain-HTTP install on a LAN is never told to refuse itself. Pages that need another policy (the
 * patient pages, the report preview) set their own header, which replaces this one.
 */

export const APP_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Registers helmet with Verity's policy and the HTTPS-only HSTS header. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
