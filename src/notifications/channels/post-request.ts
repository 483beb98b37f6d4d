import { DeliveryError } from './driver.ts';
import { notificationsMessages } from '../notifications.messages.ts';
/** An HTTP request to a chat or webhook target. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A target that has not answered within this long counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 10_000;

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** POSTs a rendered request; throws on a timeout, a non-2xx answer or a chat API's error code. Never puts the URL's path (it holds keys) in the message. */
export async function postRequest(request: OutgoingRequest, timeoutMs = SEND_TIMEOUT_MS): Promise<void> {
  const host = new URL(request.url).host;
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    const e = error as Error;
    if (e.name === 'TimeoutError') throw new DeliveryError(notificationsMessages.text('error.noAnswer', { host, seconds: timeoutMs / 1000 }), { cause: error });
    throw new Error(`${host}: ${(e.cause as Error | undefined)?.message ?? e.message}`, { cause: error });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new DeliveryError(notificationsMessages.text('error.httpStatus', { host, status: String(response.status), body: text ? `: ${text.slice(0, 200)}` : '' }));
  // WeCom and DingTalk answer 200 with an errcode; Telegram with ok: false.
  let json: { errcode?: unknown; errmsg?: unknown; ok?: unknown; description?: unknown } | null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (json && typeof json === 'object') {
    if (typeof json.errcode === 'number' && json.errcode !== 0)
      throw new DeliveryError(notificationsMessages.text('error.refused', { host, detail: `${json.errcode} ${String(json.errmsg ?? '')}`.trim() }));
    if (json.ok === false) throw new DeliveryError(notificationsMessages.text('error.refused', { host, detail: String(json.description ?? 'ok: false') }));
  }
}
