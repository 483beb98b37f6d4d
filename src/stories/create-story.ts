import { randomBytes } from 'node:crypto';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Locale, Text } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { storiesMessages as m } from './stories.messages.ts';
import {
  CONSENT_DURATIONS,
  CONSENT_USES,
  consentValidUntil,
  MATERIAL_CONNECTIONS,
  PUBLICATION_CHANNELS,
  STORY_BODY_MAX,
  STORY_BODY_MIN,
  STORY_TITLE_MAX,
  type ConsentDuration,
  type ConsentUse,
  type ConsentVia,
  type MaterialConnection,
  type PublicationChannel,
} from './stories.vocab.ts';
import type { StoryPhotoMime } from './story-photo.ts';

export interface ConsentInput {
  use: ConsentUse;
  channels: PublicationChannel[];
  duration: ConsentDuration;
}

export interface StoryInput {
  title: string;
  body: string;
  authorName: string;
  videoUrl: string;
  departmentId: string | null;
  staffId: string | null;
  materialConnection: string;
  consents: ConsentInput[];
}

export type StoryField = 'title' | 'body' | 'authorName' | 'videoUrl' | 'materialConnection' | 'consents' | 'photo' | 'departmentId' | 'staffId';

/** What is wrong with a story, field by field (empty when nothing is). Pure: the form shows each next to its field. */
export function storyProblems(input: StoryInput): Partial<Record<StoryField, Text>> {
  const out: Partial<Record<StoryField, Text>> = {};
  const title = input.title.trim();
  if (!title) out.title = m.text('invalid.titleMissing');
  else if (title.length > STORY_TITLE_MAX) out.title = m.text('invalid.titleTooLong', { max: STORY_TITLE_MAX });
  const body = input.body.trim();
  if (body.length < STORY_BODY_MIN) out.body = m.text('invalid.bodyTooShort', { min: STORY_BODY_MIN });
  else if (body.length > STORY_BODY_MAX) out.body = m.text('invalid.bodyTooLong', { max: STORY_BODY_MAX });
  if (input.authorName.length > 200) out.authorName = m.text('invalid.authorTooLong');
  if (input.videoUrl.trim() && !isHttpUrl(input.videoUrl.trim())) out.videoUrl = m.text('invalid.videoUrl');
  if (!(MATERIAL_CONNECTIONS as readonly string[]).includes(input.materialConnection)) out.materialConnection = m.text('invalid.materialConnection');
  if (!input.consents.length) out.consents = m.text('invalid.noConsent');
  else {
    const seen = new Set<string>();
    for (const c of input.consents) {
      if (!(CONSENT_USES as readonly string[]).includes(c.use) || seen.has(c.use)) out.consents = m.text('invalid.consentUse');
      else if (!c.channels.length || c.channels.some((ch) => !(PUBLICATION_CHANNELS as readonly string[]).includes(ch)))
        out.consents = m.text('invalid.consentChannels', { use: m.text(`use.${c.use}`) });
      else if (!(CONSENT_DURATIONS as readonly string[]).includes(c.duration)) out.consents = m.text('invalid.consentDuration', { use: m.text(`use.${c.use}`) });
      seen.add(c.use);
    }
  }
  return out;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && value.length <= 1000;
  } catch {
    return false;
  }
}

/** The words a patient is shown for one consent; stored with it as given. */
export function consentWords(locale: Locale, orgName: string, c: ConsentInput): string {
  const channels = c.channels.map((ch) => m.render(locale, `channel.${ch}`)).join(', ');
  return m.render(locale, 'consent.words', { org: orgName, use: m.render(locale, `use.${c.use}`), channels, duration: m.render(locale, `duration.${c.duration}`) });
}

export interface NewStory extends StoryInput {
  orgId: string;
  patientId: string | null;
  requestId: string | null;
  locale: Locale;
  source: 'portal' | 'staff';
  via: ConsentVia;
  photo: { mime: StoryPhotoMime; bytes: Buffer } | null;
  /** The words shown for each consent (the form's), by use; made from the catalogue when absent. */
  consentTexts?: Partial<Record<ConsentUse, string>>;
  /** The day the consents start (YYYY-MM-DD); today when absent. */
  from?: string;
}

/** Records a story and one consent per use in one transaction (with its audit entry); throws a 400 naming the first bad field. Returns the id and the patient's own token. */
export async function createStory(db: Db, by: AuditBy | null, input: NewStory): Promise<{ id: string; manageToken: string }> {
  const problems = storyProblems(input);
  const first = Object.entries(problems)[0];
  if (first) throw badRequest(first[1], { field: first[0] });
  const org = await db.selectFrom('organisations').select('name').where('id', '=', input.orgId).executeTakeFirstOrThrow();
  if (input.patientId && !(await db.selectFrom('patients').select('id').where('org_id', '=', input.orgId).where('id', '=', input.patientId).executeTakeFirst()))
    throw badRequest(m.text('invalid.patient'), { field: 'patientId' });
  if (input.departmentId && !(await db.selectFrom('departments').select('id').where('org_id', '=', input.orgId).where('id', '=', input.departmentId).executeTakeFirst()))
    throw badRequest(m.text('invalid.department'), { field: 'departmentId' });
  if (input.staffId && !(await db.selectFrom('staff').select('id').where('org_id', '=', input.orgId).where('id', '=', input.staffId).executeTakeFirst()))
    throw badRequest(m.text('invalid.staff'), { field: 'staffId' });
  const from = input.from ?? new Date().toISOString().slice(0, 10);
  const manageToken = randomBytes(24).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const story = await trx
      .insertInto('stories')
      .values({
        org_id: input.orgId,
        patient_id: input.patientId,
        request_id: input.requestId,
        author_name: input.authorName.trim(),
        title: input.title.trim(),
        body: input.body.trim(),
        locale: input.locale,
        photo_mime: input.photo?.mime ?? null,
        photo: input.photo?.bytes ?? null,
        video_url: input.videoUrl.trim() || null,
        department_id: input.departmentId,
        staff_id: input.staffId,
        source: input.source,
        status: 'submitted',
        material_connection: input.materialConnection as MaterialConnection,
        manage_token: manageToken,
        created_by: by?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('story_consents')
      .values(
        input.consents.map((c) => ({
          org_id: input.orgId,
          story_id: story.id,
          use: c.use,
          channels: c.channels,
          valid_from: from,
          valid_until: consentValidUntil(from, c.duration),
          granted_via: input.via,
          consent_text: input.consentTexts?.[c.use] ?? consentWords(input.locale, org.name, c),
          consent_locale: input.locale,
          recorded_by: by?.userId ?? null,
        })),
      )
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      userId: by?.userId ?? null,
      actor: by?.actor ?? 'patient',
      ip: by?.ip ?? null,
      action: 'story.create',
      targetType: 'story',
      targetId: story.id,
      details: { source: input.source, via: input.via, uses: input.consents.map((c) => c.use) },
    });
    return { id: story.id, manageToken };
  });
}
