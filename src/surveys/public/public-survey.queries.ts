import { sql } from 'kysely';
import type { Locale } from '../../core/i18n.ts';
import type { Db } from '../../db/database.ts';
import { SurveyDefinition, type Answers, type SurveyDefinitionType } from '../survey-definition.ts';
import type { LinkScope, SurveyStatus } from '../surveys.vocab.ts';
import type { Contact } from './answers.ts';

/** A survey link as the public page needs it: the link, its survey's state and current version, the organisation, and a visit's people. */
export interface PublicLink {
  id: string;
  orgId: string;
  orgName: string;
  orgLocale: Locale;
  surveyId: string;
  surveyStatus: SurveyStatus;
  version: number;
  scope: LinkScope;
  locale: Locale | null;
  disabled: boolean;
  /** What a response inherits: the link's location, department and doctor, or for a visit link the visit's (and its patient). */
  patientId: string | null;
  visitId: string | null;
  locationId: string | null;
  departmentId: string | null;
  staffId: string | null;
  /** The organisation's public review pages, read with the link: what every respondent's thank-you page shows. */
  reviewLinks: { label: string; url: string }[];
}

/** Versions never change once written, so their parsed definitions are kept (a busy link reads its definition once). */
const definitions = new Map<string, SurveyDefinitionType>();
const DEFINITION_CACHE = 500;

/**
 * The link with this token, or null; nothing about another organisation's survey is told apart
 * from an unknown token. With a response token, the response it names on this link comes in the
 * same statement (null when it is none of this link's).
 */
export async function findPublicLink(db: Db, token: string, responseToken: string | null = null): Promise<{ link: PublicLink; response: StoredResponse | null } | null> {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(token)) return null;
  const row = await db
    .selectFrom('survey_links as l')
    .innerJoin('surveys as s', (j) => j.onRef('s.id', '=', 'l.survey_id').onRef('s.org_id', '=', 'l.org_id'))
    .innerJoin('organisations as o', 'o.id', 'l.org_id')
    .leftJoin('visits as v', (j) => j.onRef('v.id', '=', 'l.visit_id').onRef('v.org_id', '=', 'l.org_id'))
    .leftJoin('survey_settings as ss', 'ss.org_id', 'l.org_id')
    .leftJoin('survey_responses as r', (j) =>
      j
        .onRef('r.link_id', '=', 'l.id')
        .onRef('r.org_id', '=', 'l.org_id')
        .on('r.token', '=', responseToken ?? ''),
    )
    .select([
      'r.id as response_id',
      'r.status as response_status',
      'r.version as response_version',
      'r.answers as response_answers',
      'r.contact_ok',
      'r.contact_name',
      'r.contact_phone',
      'r.contact_email',
      'ss.review_links',
      'l.id',
      'l.org_id',
      'o.name as org_name',
      'o.default_locale',
      'l.survey_id',
      's.status',
      's.current_version',
      'l.scope',
      'l.locale',
      'l.disabled_at',
      'l.visit_id',
      'l.location_id',
      'l.department_id',
      'l.staff_id',
      'v.patient_id',
      'v.location_id as visit_location_id',
      'v.department_id as visit_department_id',
      'v.staff_id as visit_staff_id',
    ])
    .where('l.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const visit = row.scope === 'visit' && row.visit_id !== null;
  const response: StoredResponse | null =
    row.response_id && row.response_status && row.response_version !== null
      ? {
          id: row.response_id,
          status: row.response_status,
          version: row.response_version,
          answers: row.response_answers as Answers,
          contact: { ok: row.contact_ok ?? false, name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
        }
      : null;
  const link: PublicLink = {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    orgLocale: row.default_locale as Locale,
    surveyId: row.survey_id,
    surveyStatus: row.status,
    version: row.current_version,
    scope: row.scope,
    locale: row.locale,
    disabled: row.disabled_at !== null,
    patientId: visit ? row.patient_id : null,
    visitId: visit ? row.visit_id : null,
    locationId: visit ? (row.visit_location_id ?? row.location_id) : row.location_id,
    departmentId: visit ? (row.visit_department_id ?? row.department_id) : row.department_id,
    staffId: visit ? (row.visit_staff_id ?? row.staff_id) : row.staff_id,
    reviewLinks: usableLinks(row.review_links),
  };
  return { link, response };
}

/** The definition of a survey's version (parsed once), or null when the version is missing or unreadable. */
export async function surveyDefinition(db: Db, orgId: string, surveyId: string, version: number): Promise<SurveyDefinitionType | null> {
  const key = `${surveyId}:${version}`;
  const cached = definitions.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('survey_versions as sv')
    .innerJoin('surveys as s', 's.id', 'sv.survey_id')
    .select('sv.definition')
    .where('sv.survey_id', '=', surveyId)
    .where('sv.version', '=', version)
    .where('s.org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = SurveyDefinition.safeParse(row.definition);
  if (!parsed.success) return null;
  if (definitions.size >= DEFINITION_CACHE) definitions.delete(definitions.keys().next().value!);
  definitions.set(key, parsed.data);
  return parsed.data;
}

export interface StoredResponse {
  id: string;
  status: 'draft' | 'submitted';
  version: number;
  answers: Answers;
  contact: Contact;
}

/** The response with this token on this link (another link's token is no response here). */
export async function findResponse(db: Db, link: Pick<PublicLink, 'orgId' | 'id'>, token: string, lock = false): Promise<StoredResponse | null> {
  let query = db
    .selectFrom('survey_responses')
    .select(['id', 'status', 'version', 'answers', 'contact_ok', 'contact_name', 'contact_phone', 'contact_email'])
    .where('token', '=', token)
    .where('org_id', '=', link.orgId)
    .where('link_id', '=', link.id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    answers: row.answers as Answers,
    contact: { ok: row.contact_ok, name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
  };
}

/** Whether a visit's link already has its one submitted response (from another device or tab). */
export async function visitLinkAnswered(db: Db, link: Pick<PublicLink, 'orgId' | 'id'>): Promise<boolean> {
  const row = await db.selectFrom('survey_responses').select('id').where('org_id', '=', link.orgId).where('link_id', '=', link.id).where('status', '=', 'submitted').executeTakeFirst();
  return row !== undefined;
}

/** The organisation's public review pages (http and https only), the same list for every respondent. */
function usableLinks(raw: unknown): { label: string; url: string }[] {
  const links = (Array.isArray(raw) ? raw : []) as { label?: unknown; url?: unknown }[];
  return links.filter((l): l is { label: string; url: string } => typeof l?.label === 'string' && typeof l?.url === 'string' && /^https?:\/\//i.test(l.url));
}

export interface DraftWrite {
  link: PublicLink;
  token: string;
  locale: Locale;
  answers: Answers;
  cleared: string[];
  contact: Contact | null;
}

/**
 * Saves the answers of a page into the draft with this token (created on its first page), merged
 * over what it holds; a submitted response is never touched. Returns `submitted` when the token
 * is a submitted response of this link, `foreign` when it is another link's (nothing is written).
 */
export async function saveDraft(db: Db, draft: DraftWrite): Promise<'saved' | 'submitted' | 'foreign'> {
  const { link, contact } = draft;
  const contactSet = contact ? { contact_ok: contact.ok, contact_name: contact.name, contact_phone: contact.phone, contact_email: contact.email } : {};
  const row = await db
    .insertInto('survey_responses')
    .values({
      org_id: link.orgId,
      survey_id: link.surveyId,
      version: link.version,
      link_id: link.id,
      patient_id: link.patientId,
      visit_id: link.visitId,
      location_id: link.locationId,
      department_id: link.departmentId,
      staff_id: link.staffId,
      token: draft.token,
      status: 'draft',
      locale: draft.locale,
      answers: JSON.stringify(draft.answers),
      ...contactSet,
    })
    .onConflict((oc) =>
      oc
        .column('token')
        .doUpdateSet({
          answers: sql`(survey_responses.answers - ${draft.cleared}::text[]) || excluded.answers`,
          locale: sql`excluded.locale`,
          ...(contact
            ? { contact_ok: sql`excluded.contact_ok`, contact_name: sql`excluded.contact_name`, contact_phone: sql`excluded.contact_phone`, contact_email: sql`excluded.contact_email` }
            : {}),
        })
        .where('survey_responses.status', '=', 'draft')
        .where('survey_responses.link_id', '=', link.id),
    )
    .returning('id')
    .executeTakeFirst();
  if (row) return 'saved';
  return (await findResponse(db, link, draft.token)) ? 'submitted' : 'foreign';
}
