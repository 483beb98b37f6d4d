import type { z } from 'zod';
import { qrPng, qrSvg } from '../core/qr.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { getShareLink } from '../sharing/index.ts';
import { createReferralLink } from './referral-links.ts';
import { referralsMessages as m } from './referrals.messages.ts';
import type { LinkView } from './referrals.schemas.ts';

type Link = z.infer<typeof LinkView>;

/** The address of a referral code: `<public base>/r/<code>`. */
export const referralUrl = (base: string, code: string) => `${base}/r/${code}`;

/** A patient's referral links (one per programme), with clicks by people (bots left out) and referrals. */
export async function patientLinks(db: Db, base: string, orgId: string, patientId: string): Promise<Link[]> {
  const patient = await db.selectFrom('patients').select('id').where('org_id', '=', orgId).where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw notFound('patient');
  const rows = await db
    .selectFrom('share_links as l')
    .innerJoin('referral_programmes as p', 'p.id', 'l.target_id')
    .select([
      'l.id',
      'l.code',
      'p.id as programme_id',
      'p.name as programme_name',
      (eb) => eb.selectFrom('share_clicks as c').select(eb.fn.countAll<string>().as('n')).whereRef('c.link_id', '=', 'l.id').where('c.bot', '=', false).as('clicks'),
      (eb) => eb.selectFrom('referrals as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.link_id', '=', 'l.id').as('referrals'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.target_kind', '=', 'referral')
    .where('l.owner_patient_id', '=', patientId)
    .where('l.disabled_at', 'is', null)
    .orderBy('l.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    url: referralUrl(base, r.code),
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    clicks: Number(r.clicks ?? 0),
    referrals: Number(r.referrals ?? 0),
  }));
}

/** Gets or makes a patient's link for a programme (the newest active one when none is named). */
export async function linkForPatient(db: Db, base: string, input: { orgId: string; patientId: string; programmeId?: string; userId: string }): Promise<Link> {
  const patient = await db.selectFrom('patients').select('id').where('org_id', '=', input.orgId).where('id', '=', input.patientId).executeTakeFirst();
  if (!patient) throw notFound('patient');
  let programmeId = input.programmeId;
  if (!programmeId) {
    const active = await db.selectFrom('referral_programmes').select('id').where('org_id', '=', input.orgId).where('status', '=', 'active').orderBy('created_at', 'desc').executeTakeFirst();
    if (!active) throw badRequest(m.text('noActiveProgramme'));
    programmeId = active.id;
  }
  const link = await createReferralLink(db, { orgId: input.orgId, programmeId, patientId: input.patientId, userId: input.userId });
  const links = await patientLinks(db, base, input.orgId, input.patientId);
  return links.find((l) => l.id === link.id)!;
}

/** One referral link of the organisation (for its QR code); 404 for any other link. */
export async function referralLinkOf(db: Db, base: string, orgId: string, id: string): Promise<{ code: string; url: string }> {
  const link = await getShareLink(db, orgId, id);
  if (link.targetKind !== 'referral') throw notFound('share link');
  return { code: link.code, url: referralUrl(base, link.code) };
}

/** The QR code of an address as PNG or SVG. */
export async function qrCode(url: string, format: 'png' | 'svg'): Promise<Buffer | string> {
  return format === 'png' ? qrPng(url) : qrSvg(url);
}
