import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { ChannelConfig, ChannelKind } from './channel-config.ts';
import { renderDingtalk, renderEmail, renderSlack, renderTelegram, renderWebhook, renderWecom, type Message, type OutgoingRequest } from './render-message.ts';

/** A target that has not answered within this long counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 10_000;

/** A failure retrying cannot fix (no SMTP server configured, channel gone): dead-lettered at once. */
export class PermanentDeliveryError extends Error {}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** POSTs a rendered request; throws on a timeout, a non-2xx answer or a chat API's error code. Never puts the URL's path (it holds keys) in the message. */
export async function postRequest(request: OutgoingRequest, timeoutMs = SEND_TIMEOUT_MS): Promise<void> {
  const host = new URL(request.url).host;
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    const e = error as Error;
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : ((e.cause as Error | undefined)?.message ?? e.message);
    throw new Error(`${host}: ${reason}`, { cause: error });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new Error(`${host} answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  // WeCom and DingTalk answer 200 with an errcode; Telegram with ok: false.
  let json: { errcode?: unknown; errmsg?: unknown; ok?: unknown; description?: unknown } | null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (json && typeof json === 'object') {
    if (typeof json.errcode === 'number' && json.errcode !== 0) throw new Error(`${host} refused the message: ${json.errcode} ${String(json.errmsg ?? '')}`.trim());
    if (json.ok === false) throw new Error(`${host} refused the message: ${String(json.description ?? 'ok: false')}`);
  }
}

async function sendEmail(ctx: AppContext, to: string[], message: Message): Promise<void> {
  if (!ctx.config.smtpUrl) throw new PermanentDeliveryError('SMTP not configured (set VERITY_SMTP_URL)');
  const email = renderEmail(message);
  await transportFor(ctx.config.smtpUrl).sendMail({ from: ctx.config.mailFrom, to, subject: email.subject, text: email.text, html: email.html });
}

/** Sends a message to one channel of the given kind; throws when the target does not take it. */
export async function sendToChannel(ctx: AppContext, kind: ChannelKind, config: Record<string, unknown>, message: Message): Promise<void> {
  switch (kind) {
    case 'email':
      return sendEmail(ctx, (config as ChannelConfig['email']).to, message);
    case 'wecom':
      return postRequest(renderWecom(config as ChannelConfig['wecom'], message));
    case 'dingtalk':
      return postRequest(renderDingtalk(config as ChannelConfig['dingtalk'], message));
    case 'telegram':
      return postRequest(renderTelegram(config as ChannelConfig['telegram'], message));
    case 'slack':
      return postRequest(renderSlack(config as ChannelConfig['slack'], message));
    case 'webhook':
      return postRequest(renderWebhook(config as ChannelConfig['webhook'], message));
    case 'in_app':
      throw new PermanentDeliveryError('in-app notifications are not delivered by a job');
  }
}

export type DeliveryOutcome = 'sent' | 'retry' | 'dead' | 'skipped';

/**
 * Makes one attempt at a delivery. A failure before the last attempt throws, so that pg-boss
 * retries the job with backoff; the last failed attempt (or a permanent failure) marks the
 * delivery dead and returns. Throws also on a database error.
 */
export async function deliverNotification(ctx: AppContext, deliveryId: string): Promise<DeliveryOutcome> {
  // Claim: only a pending delivery is attempted, so a job run twice never sends a sent one again.
  const delivery = await ctx.db
    .updateTable('notification_deliveries')
    .set({ attempts: sql<number>`attempts + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', deliveryId)
    .where('status', '=', 'pending')
    .returning(['id', 'notification_id', 'channel_id', 'user_id', 'kind', 'attempts', 'attempt_limit'])
    .executeTakeFirst();
  if (!delivery) return 'skipped';
  try {
    const message = await loadMessage(ctx, delivery.notification_id);
    if (delivery.user_id) {
      const user = await ctx.db.selectFrom('users').select('email').where('id', '=', delivery.user_id).executeTakeFirst();
      if (!user) throw new PermanentDeliveryError('the user no longer exists');
      await sendEmail(ctx, [user.email], message);
    } else {
      const channel = delivery.channel_id
        ? await ctx.db.selectFrom('alert_channels').select(['kind', 'config', 'enabled']).where('id', '=', delivery.channel_id).executeTakeFirst()
        : undefined;
      if (!channel) throw new PermanentDeliveryError('the channel was deleted');
      if (!channel.enabled) throw new PermanentDeliveryError('the channel was disabled');
      await sendToChannel(ctx, channel.kind as ChannelKind, channel.config, message);
    }
    await ctx.db.updateTable('notification_deliveries').set({ status: 'sent', sent_at: sql<Date>`now()`, last_error: null, updated_at: sql<Date>`now()` }).where('id', '=', delivery.id).execute();
    return 'sent';
  } catch (error) {
    const reason = (error as Error).message.slice(0, 1000) || 'unknown error';
    const isDead = error instanceof PermanentDeliveryError || delivery.attempts >= delivery.attempt_limit;
    await ctx.db
      .updateTable('notification_deliveries')
      .set({ status: isDead ? 'dead' : 'pending', last_error: reason, updated_at: sql<Date>`now()` })
      .where('id', '=', delivery.id)
      .execute();
    if (isDead) return 'dead';
    throw new Error(`delivery ${delivery.id} attempt ${delivery.attempts} failed: ${reason}`, { cause: error });
  }
}

async function loadMessage(ctx: AppContext, notificationId: string): Promise<Message> {
  const n = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'org_id', 'title', 'text', 'url', 'is_urgent', 'created_at'])
    .where('id', '=', notificationId)
    .executeTakeFirstOrThrow();
  return { id: n.id, orgId: n.org_id, title: n.title, text: n.text, url: n.url, urgent: n.is_urgent, createdAt: new Date(n.created_at) };
}
