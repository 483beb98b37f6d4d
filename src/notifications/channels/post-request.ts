import { safeFetch, OutboundError } from '../../core/outbound.ts';
import { DeliveryError, PermanentDeliveryError } from './driver.ts';
import { notificationsMessages } from '../notifications.messages.ts';
/** An HTTP request to a chat or webhook target. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A target that has not answered within this long counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 10_000;

/** A chat or webhook answer is a status and a short JSON; more is not read. */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** How much of a public target's error answer the delivery list shows (a chat API's reason such as "invalid_token"). */
export const SNIPPET_CHARS = 100;

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Where a request may go: the operator's allow-list of otherwise refused (loopback, private, link-local) targets. */
export interface PostOptions {
  outboundAllow: readonly string[];
  timeoutMs?: number;
}

/**
 * POSTs a rendered request through safeFetch (no loopback, private or metadata target unless
 * allow-listed; no redirects); throws on a refusal, a timeout, a non-2xx answer or a chat API's
 * error code. Never puts the URL's path (it holds keys) in the message, and quotes nothing of the
 * answer of a non-public (allow-listed) target, so a delivery cannot read internal services back.
 */
export async function postRequest(request: OutgoingRequest, options: PostOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const host = new URL(request.url).host;
  let response;
  try {
    response = await safeFetch(request.url, { method: 'POST', headers: request.headers, body: request.body, allow: options.outboundAllow, timeoutMs, maxBytes: MAX_ANSWER_BYTES, maxRedirects: 0 });
  } catch (error) {
    if (error instanceof OutboundError) {
      if (error.reason === 'timeout') throw new DeliveryError(notificationsMessages.text('error.noAnswer', { host, seconds: timeoutMs / 1000 }), { cause: error });
      // A refused target stays refused until its configuration (or the allow-list) changes: no retries.
      if (error.reason === 'refused' || error.reason === 'badUrl' || error.reason === 'credentials') throw new PermanentDeliveryError(error.text, { cause: error });
      throw new DeliveryError(error.text, { cause: error });
    }
    throw error;
  }
  const text = response.internal ? '' : response.text();
  if (response.status < 200 || response.status >= 300) {
    const snippet = safeSnippet(text);
    throw new DeliveryError(notificationsMessages.text('error.httpStatus', { host, status: String(response.status), body: snippet ? `: ${snippet}` : '' }));
  }
  // WeCom and DingTalk answer 200 with an errcode; Telegram with ok: false.
  let json: { errcode?: unknown; errmsg?: unknown; ok?: unknown; description?: unknown } | null;
  try {
    json = JSON.parse(response.text());
  } catch {
    json = null;
  }
  if (json && typeof json === 'object') {
    const detail = (value: unknown) => (response.internal ? '' : safeSnippet(String(value ?? '')));
    if (typeof json.errcode === 'number' && json.errcode !== 0) throw new DeliveryError(notificationsMessages.text('error.refused', { host, detail: `${json.errcode} ${detail(json.errmsg)}`.trim() }));
    if (json.ok === false) throw new DeliveryError(notificationsMessages.text('error.refused', { host, detail: detail(json.description) || 'ok: false' }));
  }
}

/** At most SNIPPET_CHARS of an answer, on one line, without control characters. */
function safeSnippet(text: string): string {
  const line = text
    // Control characters, zero-width and bidirectional marks (Cc and Cf): a snippet reads as it is.
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS)}…` : line;
}
