import { sql } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import { scopeToViewer, viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { getOutreachSettings } from '../outreach/index.ts';
import { checkUse, type StoryUseCheck } from './check-use.ts';
import { consentState, CONSENT_USES, USE_CHANNELS, type ConsentState, type ConsentUse, type StoryStatus } from './stories.vocab.ts';
import { renderFindings } from './render-findings.ts';

const today = () => new Date().toISOString().slice(0, 10);

export interface ListFilter {
  status?: StoryStatus;
  /** Stories with a live consent for this use. */
  use?: ConsentUse;
  /** Stories with a use flagged for takedown and not taken down yet. */
  flagged?: boolean;
  q?: string;
  patientId?: string;
}

async function consentsOf(db: Db, storyIds: string[]) {
  if (!storyIds.length) return [];
  return db
    .selectFrom('story_consents')
    .select(['id', 'story_id', 'use', 'channels', 'granted_via', 'consent_text', 'consent_locale', 'granted_at', 'revoked_at', 'revoked_via'])
    .select((eb) => [eb.cast<string>('valid_from', 'text').as('valid_from'), eb.cast<string | null>('valid_until', 'text').as('valid_until')])
    .where('story_id', 'in', storyIds)
    .orderBy('granted_at')
    .execute();
}

/** The library: the viewer's stories, newest first, each with the state of each use's consent and the count of uses awaiting takedown. */
export async function listStories(db: Db, viewer: Viewer, filter: ListFilter) {
  let q = db
    .selectFrom('stories as s')
    .select(['s.id', 's.title', 's.author_name', 's.status', 's.source', 's.locale', 's.created_at', 's.material_connection', 's.patient_id'])
    .select((eb) => [
      sql<boolean>`s.photo IS NOT NULL`.as('has_photo'),
      eb
        .selectFrom('story_uses as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.story_id', '=', 's.id')
        .where('u.flagged_at', 'is not', null)
        .where('u.taken_down_at', 'is', null)
        .as('flagged'),
      eb
        .selectFrom('story_uses as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.story_id', '=', 's.id')
        .as('uses'),
    ])
    .where('s.org_id', '=', viewer.orgId)
    .where(scopeToViewer('s.department_id', viewer))
    .orderBy('s.created_at', 'desc')
    .limit(500);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.patientId) q = q.where('s.patient_id', '=', filter.patientId);
  if (filter.q?.trim())
    q = q.where((eb) => eb.or([eb('s.title', 'ilike', `%${filter.q!.trim()}%`), eb('s.body', 'ilike', `%${filter.q!.trim()}%`), eb('s.author_name', 'ilike', `%${filter.q!.trim()}%`)]));
  if (filter.flagged)
    q = q.where((eb) => eb.exists(eb.selectFrom('story_uses as u').select('u.id').whereRef('u.story_id', '=', 's.id').where('u.flagged_at', 'is not', null).where('u.taken_down_at', 'is', null)));
  const rows = await q.execute();
  const consents = await consentsOf(
    db,
    rows.map((r) => r.id),
  );
  const day = today();
  const items = rows.map((r) => {
    const mine = consents.filter((c) => c.story_id === r.id);
    const uses = CONSENT_USES.map((use) => ({
      use,
      state: bestState(mine.filter((c) => c.use === use).map((c) => consentState({ validFrom: c.valid_from, validUntil: c.valid_until, revoked: !!c.revoked_at }, day))),
    }));
    return {
      id: r.id,
      title: r.title,
      authorName: r.author_name,
      status: r.status,
      source: r.source,
      locale: r.locale,
      createdAt: r.created_at.toISOString(),
      materialConnection: r.material_connection,
      hasPhoto: r.has_photo,
      hasPatient: r.patient_id !== null,
      consents: uses,
      uses: Number(r.uses ?? 0),
      flaggedUses: Number(r.flagged ?? 0),
    };
  });
  return { items: filter.use ? items.filter((i) => i.consents.some((c) => c.use === filter.use && (c.state === 'live' || c.state === 'expiring'))) : items };
}

const STATE_ORDER: ConsentState[] = ['live', 'expiring', 'pending', 'expired', 'revoked'];
function bestState(states: ConsentState[]): ConsentState | 'none' {
  if (!states.length) return 'none';
  return STATE_ORDER.find((s) => states.includes(s))!;
}

/** One story, with its consents, its uses and the compliance matrix for the organisation's market. */
export async function getStory(db: Db, viewer: Viewer, id: string, locale: Locale) {
  const s = await db
    .selectFrom('stories as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('staff as st', 'st.id', 's.staff_id')
    .leftJoin('users as cu', 'cu.id', 's.created_by')
    .leftJoin('users as ru', 'ru.id', 's.reviewed_by')
    .select([
      's.id',
      's.title',
      's.body',
      's.author_name',
      's.status',
      's.source',
      's.locale',
      's.video_url',
      's.department_id',
      's.staff_id',
      's.patient_id',
      's.material_connection',
      's.review_note',
      's.reviewed_at',
      's.created_at',
      'd.name as department_name',
      'st.name as staff_name',
      'cu.name as created_by_name',
      'ru.name as reviewed_by_name',
    ])
    .select(sql<boolean>`s.photo IS NOT NULL`.as('has_photo'))
    .where('s.org_id', '=', viewer.orgId)
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s || !viewerSees(viewer, s.department_id)) throw notFound('story');
  const consents = await consentsOf(db, [s.id]);
  const users = await db
    .selectFrom('story_uses as u')
    .leftJoin('users as o', 'o.id', 'u.owner_user_id')
    .leftJoin('users as t', 't.id', 'u.taken_down_by')
    .select(['u.id', 'u.kind', 'u.ref_id', 'u.use', 'u.channel', 'u.label', 'u.created_at', 'u.flagged_at', 'u.flag_reason', 'u.taken_down_at', 'o.name as owner_name', 't.name as taken_down_by_name'])
    .where('u.org_id', '=', viewer.orgId)
    .where('u.story_id', '=', s.id)
    .orderBy('u.created_at', 'desc')
    .execute();
  const market = (await getOutreachSettings(db, viewer.orgId)).market;
  const day = today();
  const facts = { status: s.status, title: s.title, body: s.body, locale: s.locale, materialConnection: s.material_connection };
  const consentFacts = consents.map((c) => ({ id: c.id, use: c.use, channels: c.channels, validFrom: c.valid_from, validUntil: c.valid_until, revokedAt: c.revoked_at }));
  const compliance = CONSENT_USES.map((use) => {
    const live = consentFacts.find((c) => c.use === use && !c.revokedAt);
    const channel = live?.channels[0] ?? USE_CHANNELS[use][0]!;
    const check: StoryUseCheck = checkUse(facts, consentFacts, { use, channel: channel as never, at: new Date(), market });
    return { use, channel, allowed: check.allowed, findings: renderFindings(check.findings, locale) };
  });
  return {
    story: {
      id: s.id,
      title: s.title,
      body: s.body,
      authorName: s.author_name,
      status: s.status,
      source: s.source,
      locale: s.locale,
      videoUrl: s.video_url,
      hasPhoto: s.has_photo,
      hasPatient: s.patient_id !== null,
      departmentId: s.department_id,
      departmentName: s.department_name,
      staffId: s.staff_id,
      staffName: s.staff_name,
      materialConnection: s.material_connection,
      reviewNote: s.review_note,
      reviewedAt: s.reviewed_at?.toISOString() ?? null,
      reviewedByName: s.reviewed_by_name,
      createdAt: s.created_at.toISOString(),
      createdByName: s.created_by_name,
    },
    market,
    consents: consents.map((c) => ({
      id: c.id,
      use: c.use,
      channels: c.channels,
      validFrom: c.valid_from,
      validUntil: c.valid_until,
      grantedVia: c.granted_via,
      grantedAt: c.granted_at.toISOString(),
      consentText: c.consent_text,
      consentLocale: c.consent_locale,
      revokedAt: c.revoked_at?.toISOString() ?? null,
      revokedVia: c.revoked_via,
      state: consentState({ validFrom: c.valid_from, validUntil: c.valid_until, revoked: !!c.revoked_at }, day),
    })),
    uses: users.map((u) => ({
      id: u.id,
      kind: u.kind,
      refId: u.ref_id,
      use: u.use,
      channel: u.channel,
      label: u.label,
      ownerName: u.owner_name,
      createdAt: u.created_at.toISOString(),
      flaggedAt: u.flagged_at?.toISOString() ?? null,
      flagReason: u.flag_reason,
      takenDownAt: u.taken_down_at?.toISOString() ?? null,
      takenDownByName: u.taken_down_by_name,
    })),
    compliance,
  };
}

/** A story's photo within its organisation (404 otherwise, or when it has none). */
export async function storyPhoto(db: Db, orgId: string, id: string): Promise<{ mime: string; bytes: Buffer }> {
  const row = await db.selectFrom('stories').select(['photo', 'photo_mime']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row?.photo || !row.photo_mime) throw notFound('story');
  return { mime: row.photo_mime, bytes: row.photo };
}
