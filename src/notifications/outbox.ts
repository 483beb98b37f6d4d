import { notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import type { Email } from './channels/email.ts';

/*
 * The local outbox: with no SMTP server configured (the demo, a fresh install) an e-mail is kept
 * here, in its organisation, instead of failing; an admin reads it in the web app. With SMTP
 * configured nothing is written here.
 */

/** Mails per page of GET /api/mail-outbox. */
export const OUTBOX_PAGE_SIZE = 50;

/** Keeps a rendered e-mail of a delivery in its organisation's outbox. Throws on a database error. */
export async function keepInOutbox(db: Db, orgId: string, deliveryId: string | null, email: Email): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ org_id: orgId, delivery_id: deliveryId, recipients: email.to, subject: email.subject.slice(0, 1000), text_body: email.text, html_body: email.html })
    .execute();
}

/** One page (1-based) of the organisation's outbox, newest first, with the total. */
export async function findOutbox(db: Db, orgId: string, page: number) {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'recipients', 'subject', 'created_at as createdAt'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .execute();
  const { n } = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { items: rows, total: Number(n), pageSize: OUTBOX_PAGE_SIZE };
}

/** One mail of the organisation's outbox with its body; throws not_found for another organisation's. */
export async function getOutboxMail(db: Db, orgId: string, id: string) {
  const row = await db
    .selectFrom('mail_outbox')
    .select(['id', 'recipients', 'subject', 'text_body as text', 'html_body as html', 'created_at as createdAt'])
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('notification');
  return row;
}
