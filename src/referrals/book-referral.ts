import { sql } from 'kysely';
import { AppError } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { upsertPatient } from '../outreach/index.ts';
import type { ShareLinkRow } from '../sharing/index.ts';
import type { ProgrammeRow } from './programmes.ts';
import { recordReferral } from './record-referral.ts';

export interface BookingInput {
  name: string;
  phone: string | null;
  email: string | null;
  preferredDate: string | null;
  locale: Locale;
}

/**
 * A new patient's booking request from the landing page: the patient is found by phone (its
 * digits) or e-mail in the organisation, else created (name, contact, language; a found patient's
 * record is not changed by a public form); then the referral (via booking_form, the visitor's hash
 * as device), the link's `booked` conversion, the fraud checks and, for a programme triggered by
 * booking, the rewards. A second request of the same patient in the programme changes nothing
 * (the page thanks them the same). One transaction.
 */
export async function bookReferral(
  db: Db,
  input: { programme: ProgrammeRow; link: ShareLinkRow; booking: BookingInput; deviceHash: string },
): Promise<{ referralId: string | null; patientId: string }> {
  const orgId = input.programme.org_id;
  const { booking } = input;
  return db.transaction().execute(async (trx) => {
    const digits = (booking.phone ?? '').replace(/\D/g, '');
    let found: { id: string } | undefined;
    if (digits.length >= 6) {
      found = await trx
        .selectFrom('patients')
        .select('id')
        .where('org_id', '=', orgId)
        .where(sql<boolean>`regexp_replace(coalesce(phone, ''), '\\D', '', 'g') = ${digits}`)
        .orderBy('created_at')
        .executeTakeFirst();
    }
    if (!found && booking.email) {
      found = await trx
        .selectFrom('patients')
        .select('id')
        .where('org_id', '=', orgId)
        .where(sql<boolean>`lower(email) = ${booking.email.toLowerCase()}`)
        .orderBy('created_at')
        .executeTakeFirst();
    }
    const patientId = found?.id ?? (await upsertPatient(trx, orgId, { name: booking.name, phone: booking.phone, email: booking.email, locale: booking.locale })).id;
    try {
      const referral = await recordReferral(trx, {
        programme: input.programme,
        link: input.link,
        refereeId: patientId,
        via: 'booking_form',
        deviceHash: input.deviceHash,
        requestedFor: booking.preferredDate ? new Date(`${booking.preferredDate}T09:00:00Z`) : null,
      });
      return { referralId: referral.id, patientId };
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return { referralId: null, patientId };
      throw error;
    }
  });
}
