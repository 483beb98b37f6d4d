import { recordAudit, type AuditAction, type AuditBy } from '../audit/index.ts';
import { getCase, WordedError, type Actor, type CaseViewType } from '../cases/index.ts';
import type { Locale } from '../core/i18n.ts';
import type { Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { blockingFindings, loadCheckRules, checkReplyWith, type CheckedFinding, type ReplyChecks } from './check-reply.ts';
import { localizeFinding } from './findings.ts';
import { repliesMessages } from './replies.messages.ts';
import type { ReplyKind, ReplyStatus } from './replies.vocab.ts';
import { suggestRewrites, type Suggestion, type SuggestionContext } from './suggest-rewrite.ts';

/** Who works on a reply: the viewer whose cases they may see, the actor on the case's timeline, the author of audit entries, the clinic's name for {{clinic}}. */
export interface ReplyActor {
  viewer: Viewer;
  actor: Actor & { id: string };
  audit: AuditBy;
  orgName: string;
}

const QUOTES: Record<Locale, { open: string; close: string; reason: (r: string) => string; join: string }> = {
  en: { open: '“', close: '”', reason: (r) => ` (${r})`, join: '; ' },
  ru: { open: '«', close: '»', reason: (r) => ` (${r})`, join: '; ' },
  'zh-CN': { open: '“', close: '”', reason: (r) => `（${r}）`, join: '；' },
};

/** The findings that keep a reply back, each word and why, in `locale`. */
export function findingList(locale: Locale, findings: CheckedFinding[]): string {
  const q = QUOTES[locale];
  return findings.map((f) => `${q.open}${f.term}${q.close}${q.reason(localizeFinding(locale, f).reason)}`).join(q.join);
}

/** A case as a reply's templates and audit entries need it: its number, tier, the patient's handle and the mentions' aspects. */
export async function replyCase(db: Db, viewer: Viewer, caseId: string): Promise<{ c: CaseViewType; author: string | null; aspects: string[] }> {
  const c = await getCase(db, viewer, caseId);
  const rows = c.mentionIds.length ? await db.selectFrom('mentions').select(['id', 'author_handle', 'aspects']).where('id', 'in', c.mentionIds).where('org_id', '=', viewer.orgId).execute() : [];
  const first = rows.find((r) => r.id === c.mentionIds[0]);
  return { c, author: first?.author_handle ?? null, aspects: [...new Set(rows.flatMap((r) => r.aspects ?? []))] };
}

/** What the suggestions of a case are made with. */
export function suggestionContext(by: ReplyActor, rc: Awaited<ReturnType<typeof replyCase>>): SuggestionContext {
  return { clinic: by.orgName, author: rc.author, caseNumber: rc.c.number, tier: rc.c.tier, aspects: rc.aspects };
}

/** The case's number as audit entries and people name it. */
export const caseLabel = (number: number) => `#${number}`;

/** What an audit entry of a reply says: the case, the reply's kind, its author, and the status before and after. */
export interface ReplyAuditFacts {
  caseNumber: number;
  kind: ReplyKind;
  authorName: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** Records a reply's audit entry in `trx`; the target is the reply, or the case when nothing was saved. */
export async function auditReply(trx: Db, by: ReplyActor, action: AuditAction, target: { type: 'reply' | 'case'; id: string }, facts: ReplyAuditFacts): Promise<void> {
  await recordAudit(trx, {
    ...by.audit,
    action,
    targetType: target.type,
    targetId: target.id,
    details: {
      case: caseLabel(facts.caseNumber),
      kind: facts.kind,
      ...(facts.authorName ? { author: facts.authorName } : {}),
      ...(facts.before ? { before: facts.before } : {}),
      ...(facts.after ? { after: facts.after } : {}),
      ...facts.extra,
    },
  });
}

/** The refusals that name the findings: saving as ready, approving, marking posted. */
export type RefusalKey = 'cannotSubmit' | 'cannotApprove' | 'cannotPost';

/** The checks of a draft with the rewrites to offer when they find something. */
export async function checkWithSuggestions(db: Db, orgId: string, text: string, lang: string, context: SuggestionContext): Promise<ReplyChecks & { suggestions: Suggestion[] }> {
  const rules = await loadCheckRules(db, orgId);
  const checks = checkReplyWith(rules, text, lang);
  const findings = [...checks.privacy.findings, ...checks.brandVoice.findings];
  return { ...checks, suggestions: await suggestRewrites(db, orgId, text, lang, findings, context, rules) };
}

/**
 * Refuses an outward reply whose checks found something: bad_request naming every word and why in
 * the reader's language, with the findings and the suggested rewrites in `details`. The refusal is
 * recorded in the audit log in its own transaction (the change itself is not made).
 */
export async function refuse(
  db: Db,
  by: ReplyActor,
  key: RefusalKey,
  checks: ReplyChecks & { suggestions: Suggestion[] },
  target: { type: 'reply' | 'case'; id: string },
  facts: ReplyAuditFacts,
): Promise<never> {
  const findings = blockingFindings(checks);
  await db.transaction().execute((trx) => auditReply(trx, by, 'reply.refused', target, { ...facts, extra: { refused: 'findings', terms: findings.map((f) => f.term) } }));
  throw new WordedError('bad_request', repliesMessages.text(key), (locale) => ({ findings: findingList(locale, findings) }), { findings, suggestions: checks.suggestions });
}

/** A reply's status, named in `locale`. */
export const replyStatusName = (locale: Locale, status: ReplyStatus) => repliesMessages.render(locale, `status.${status}`);

/** An error naming the reply's status in the reader's language. */
export function wrongStatus(key: 'onlyDraftApproved' | 'onlyApprovedPosted' | 'onlyUnpostedEdited', status: ReplyStatus): WordedError {
  return new WordedError('bad_request', repliesMessages.text(key, { status }), (locale) => ({ status: replyStatusName(locale, status) }));
}
