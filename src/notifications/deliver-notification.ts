import { notificationsMessages } from './notifications.messages.ts';
import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Locale } from '../core/i18n.ts';
import { DeliveryError, driverOf, PermanentDeliveryError, type Message, type NotificationChannelDriver } from './channels/index.ts';
import { emailDriver, type Email } from './channels/email.ts';
import type { Db } from '../db/database.ts';
import { keepInOutbox } from './outbox.ts';
import { openChannelConfig } from './channel-config.ts';
import { localizeNotification } from './notification-text.ts';
import type { ChannelKind } from './notifications.vocab.ts';

export { PermanentDeliveryError };
export { SEND_TIMEOUT_MS } from './channels/index.ts';

/** Where an e-mail goes when no SMTP server is configured: the organisation's local outbox. */
export interface OutboxTarget {
  db: Db;
  deliveryId: string | null;
}

/**
 * Sends a message through a driver: the stored configuration is checked against the driver's
 * schema again (a configuration saved under older rules fails here, for good, with the reason),
 * rendered in `locale` and sent. E-mail with no SMTP server configured goes to the organisation's
 * outbox when `outbox` is given. Throws when the target does not take it.
 */
export async function sendThrough(ctx: Pick<AppContext, 'config'>, driver: NotificationChannelDriver, config: unknown, message: Message, locale: Locale, outbox?: OutboxTarget): Promise<void> {
  const parsed = driver.configSchema.safeParse(config);
  if (!parsed.success) throw new PermanentDeliveryError(notificationsMessages.text('error.configInvalid', { kind: driver.kind, detail: parsed.error.issues[0]?.message ?? 'invalid' }));
  const payload = driver.render(message, parsed.data, locale);
  if (driver.kind === 'email' && !ctx.config.smtpUrl && outbox) {
    await keepInOutbox(outbox.db, message.orgId, outbox.deliveryId, payload as Email);
    return;
  }
  await driver.send(payload, ctx.config);
}

/** Sends a message to one channel of the given kind; throws when the target does not take it. */
export async function sendToChannel(ctx: Pick<AppContext, 'config'>, kind: ChannelKind, config: Record<string, unknown>, message: Message, locale: Locale, outbox?: OutboxTarget): Promise<void> {
  const driver = driverOf(kind);
  if (!driver.deliveredByJob) throw new PermanentDeliveryError(notificationsMessages.text('error.notByJob', { kind }));
  await sendThrough(ctx, driver, config, message, locale, outbox);
}

export type DeliveryOutcome = 'sent' | 'retry' | 'dead' | 'skipped';

/**
 * Makes one attempt at a delivery, in the recipient's language: a user's own (else the
 * organisation's default) for an e-mail to a user, the organisation's default for a channel (a
 * group of people). A failure before the last attempt throws, so that pg-boss retries the job
 * with backoff; the last failed attempt (or a permanent failure) marks the delivery dead and
 * returns. With no SMTP server configured an e-mail is kept in the organisation's outbox and
 * counts as sent. Throws also on a database error.
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
    const n = await loadNotification(ctx, delivery.notification_id);
    if (delivery.user_id) {
      const user = await ctx.db.selectFrom('users').select(['email', 'locale']).where('id', '=', delivery.user_id).executeTakeFirst();
      if (!user) throw new PermanentDeliveryError(notificationsMessages.text('error.userGone'));
      const locale = user.locale ?? n.orgLocale;
      await sendThrough(ctx, emailDriver, { to: [user.email] }, n.in(locale), locale, { db: ctx.db, deliveryId: delivery.id });
    } else {
      const channel = delivery.channel_id ? await ctx.db.selectFrom('alert_channels').select(['kind', 'config', 'enabled']).where('id', '=', delivery.channel_id).executeTakeFirst() : undefined;
      if (!channel) throw new PermanentDeliveryError(notificationsMessages.text('error.channelDeleted'));
      if (!channel.enabled) throw new PermanentDeliveryError(notificationsMessages.text('error.channelDisabled'));
      await sendToChannel(ctx, channel.kind, openChannelConfig(channel.kind, channel.config), n.in(n.orgLocale), n.orgLocale, { db: ctx.db, deliveryId: delivery.id });
    }
    await ctx.db
      .updateTable('notification_deliveries')
      .set({ status: 'sent', sent_at: sql<Date>`now()`, last_error: null, last_error_message: null, updated_at: sql<Date>`now()` })
      .where('id', '=', delivery.id)
      .execute();
    return 'sent';
  } catch (error) {
    const reason = (error as Error).message.slice(0, 1000) || 'unknown error';
    const isDead = error instanceof PermanentDeliveryError || delivery.attempts >= delivery.attempt_limit;
    await ctx.db
      .updateTable('notification_deliveries')
      .set({ status: isDead ? 'dead' : 'pending', last_error: reason, last_error_message: error instanceof DeliveryError ? JSON.stringify(error.text) : null, updated_at: sql<Date>`now()` })
      .where('id', '=', delivery.id)
      .execute();
    if (isDead) return 'dead';
    throw new Error(`delivery ${delivery.id} attempt ${delivery.attempts} failed: ${reason}`, { cause: error });
  }
}

/** A notification with its organisation's default language, ready to be rendered in any language. */
async function loadNotification(ctx: AppContext, notificationId: string): Promise<{ orgLocale: Locale; in(locale: Locale): Message }> {
  const n = await ctx.db
    .selectFrom('notifications as n')
    .innerJoin('organisations as o', 'o.id', 'n.org_id')
    .select(['n.id', 'n.org_id', 'n.title', 'n.text', 'n.message', 'n.url', 'n.is_urgent', 'n.created_at', 'o.default_locale'])
    .where('n.id', '=', notificationId)
    .executeTakeFirstOrThrow();
  const base = { id: n.id, orgId: n.org_id, url: n.url, urgent: n.is_urgent, createdAt: new Date(n.created_at) };
  return { orgLocale: n.default_locale, in: (locale) => ({ ...base, ...localizeNotification(locale, { title: n.title, text: n.text, message: n.message }) }) };
}
