import { sql } from 'kysely';
import type { AuditBy } from '../audit/index.ts';
import { addAction, closeCase, transitionCase } from '../cases/case-workflow.ts';
import type { Actor } from '../cases/cases.queries.ts';
import { createCase } from '../cases/create-case.ts';
import { openCasesForMentions } from '../cases/open-cases-for-mentions.ts';
import { ensureRootCauses } from '../cases/root-causes.ts';
import type { AppContext } from '../core/context.ts';
import { wholeOrganisation } from '../core/viewer.ts';
import { analysePending } from '../mentions/analyse-pending.ts';
import { refreshRollups } from '../views/dashboards/index.ts';
import { approveReply } from '../replies/approve-reply.ts';
import { createReply } from '../replies/create-reply.ts';
import { markReplyPosted } from '../replies/mark-reply-posted.ts';
import type { ReplyActor } from '../replies/reply-gate.ts';
import { isComplaint } from '../mentions/index.ts';

/*
 * The demo as a clinic that has been working for a while: its mentions analysed, cases open for the
 * risks the analysis found (the same opening the workers run) and for recent complaints patient
 * service took up, and a share of them already moved on: acknowledged, being investigated, answered
 * with a public reply a second person approved and that was posted, or closed with a root cause and
 * a corrective action. Everything goes through the product's own use cases, so timelines, the audit
 * log, notifications (mail into the local outbox) and SLA clocks are what real work leaves behind.
 */

/** Complaints patient service took up as general cases: the most recent negative mentions. */
const GENERAL_CASES = 80;

const REPLY_TEXT: Record<string, string> = {
  zh: '感谢您的反馈。我们已与相关科室一起复盘了这次就诊，并调整了相应流程，欢迎您再次来院。',
  ru: 'Спасибо за отзыв. Мы разобрали этот визит вместе с отделением и изменили порядок работы. Будем рады видеть вас снова.',
  en: 'Thank you for your feedback. We have reviewed this visit with the department and changed how we work. We hope to see you again.',
};

/** How far the work on a case has got. */
type Step = 'new' | 'acknowledged' | 'investigating' | 'awaitingApproval' | 'handling' | 'responded' | 'closed';
/**
 * How far a working clinic has got with its cases, by age: the newest are still new or being
 * looked into, older ones have been answered, most of the old ones are closed. Each entry is the
 * share of cases (newest first) that have got no further than that step.
 */
const PLAN_BY_AGE: [number, Step][] = [
  [0.08, 'new'],
  [0.14, 'acknowledged'],
  [0.2, 'investigating'],
  [0.25, 'awaitingApproval'],
  [0.3, 'handling'],
  [0.45, 'responded'],
  [1, 'closed'],
];
const stepAt = (rank: number): Step => PLAN_BY_AGE.find(([share]) => rank < share)?.[1] ?? 'closed';
/** Answered cases were answered within a couple of hours of opening (a working clinic keeps its first-response clock). */
const FIRST_RESPONSE_MINUTES = [35, 50, 80, 110, 150];

const ROOT_CAUSE_BY_ASPECT: [RegExp, string][] = [
  [/waiting|queue|appointment/, 'Waiting-time process'],
  [/billing|price|cost/, 'Billing transparency'],
  [/attitude|staff|rude/, 'Staff attitude'],
  [/clean|environment|facilit|parking/, 'Facilities'],
  [/medical|clinical|treatment|diagnos/, 'Clinical quality'],
];

interface DemoPeople {
  service: { id: string; name: string; email: string };
  pr: { id: string; name: string; email: string };
  orgName: string;
}

async function people(ctx: Pick<AppContext, 'db'>, orgId: string): Promise<DemoPeople | null> {
  const users = await ctx.db.selectFrom('users').select(['id', 'name', 'email', 'role']).where('org_id', '=', orgId).where('disabled', '=', false).orderBy('created_at').execute();
  const service = users.find((u) => u.role === 'service');
  const pr = users.find((u) => u.role === 'pr') ?? users.find((u) => u.role === 'admin');
  const org = await ctx.db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  return service && pr ? { service, pr, orgName: org.name } : null;
}

const actorOf = (u: { id: string; name: string; email: string }): Actor & { id: string } => ({ id: u.id, name: u.name, email: u.email, ip: null });
const replyActor = (orgId: string, u: { id: string; name: string; email: string }, orgName: string): ReplyActor => {
  const audit: AuditBy = { orgId, userId: u.id, actor: u.email, ip: null };
  return { viewer: wholeOrganisation(orgId), actor: actorOf(u), audit, orgName };
};

/** Analyses every mention of the organisation now, as the workers would. Returns how many. */
async function analyseAll(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string): Promise<number> {
  let total = 0;
  for (let n = await analysePending(ctx, orgId); n > 0; n = await analysePending(ctx, orgId)) total += n;
  return total;
}

/** Runs the demo clinic's past work once on a freshly loaded organisation. Returns the number of cases it holds. */
export async function settleDemo(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string): Promise<number> {
  const { db } = ctx;
  const who = await people(ctx, orgId);
  await analyseAll(ctx, orgId);
  // Risk flags (and low survey scores) open their cases as the workers would (the mentions.analysed events stay queued; opening twice changes nothing).
  const risky = await db
    .selectFrom('mentions')
    .select('id')
    .where('org_id', '=', orgId)
    // …and survey answers whose low score asks for a general case.
    .where(sql<boolean>`coalesce(cardinality(risks), 0) > 0 OR case_request IS NOT NULL`)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  if (risky.length) await openCasesForMentions(ctx, { orgId, mentionIds: risky.map((m) => m.id) });
  if (!who) return countCases(ctx, orgId);

  const viewer = wholeOrganisation(orgId);
  const complaints = await db
    .selectFrom('mentions as m')
    .select(['m.id', 'm.published_at'])
    .where('m.org_id', '=', orgId)
    .where(isComplaint())
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_mentions as cm').select('cm.mention_id').whereRef('cm.mention_id', '=', 'm.id'))))
    .orderBy('m.published_at', 'desc')
    .orderBy('m.id')
    .limit(GENERAL_CASES)
    .execute();
  for (const m of complaints.reverse()) {
    await db
      .transaction()
      .execute((trx) => createCase(trx, ctx.boss, { viewer, actor: actorOf(who.service), mentionIds: [m.id], tier: 'general', openedAt: m.published_at ?? undefined }))
      .catch(() => null);
  }

  await ensureRootCauses(db, orgId);
  const rootCauses = await db.selectFrom('root_causes').select(['id', 'label']).where('org_id', '=', orgId).execute();
  const cases = await db
    .selectFrom('cases as c')
    .leftJoin('mentions as m', 'm.id', 'c.origin_mention_id')
    .select(['c.id', 'c.number', 'c.tier', 'c.status', 'm.lang', 'm.aspects'])
    // Whether its author wrote more that the workers have yet to look at: such a case would reopen when they do.
    .select(({ exists, selectFrom }) =>
      exists(
        selectFrom('mentions as pm')
          .select('pm.id')
          .where('pm.org_id', '=', orgId)
          .whereRef('pm.source_id', '=', 'm.source_id')
          .whereRef('pm.author_handle', '=', 'm.author_handle')
          .whereRef('pm.id', '<>', 'm.id'),
      ).as('authorWroteMore'),
    )
    .where('c.org_id', '=', orgId)
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.number', 'desc')
    .execute();
  for (const [i, c] of cases.entries()) {
    const planned = stepAt(i / cases.length);
    const step = planned === 'closed' && c.authorWroteMore ? 'responded' : planned;
    if (step === 'new' || c.status !== 'new') continue;
    await advance(ctx, orgId, who, c, step, rootCauses).catch(() => null);
  }
  // The work above happened just now; in the clinic it happened when the case was fresh. A case
  // that has been answered was answered soon after it opened, so its clock reads as kept.
  for (const [i, c] of cases.entries()) {
    const minutes = FIRST_RESPONSE_MINUTES[i % FIRST_RESPONSE_MINUTES.length]!;
    await db
      .updateTable('cases')
      .set({ responded_at: sql<Date>`least(responded_at, opened_at + make_interval(mins => ${minutes}))` })
      .where('id', '=', c.id)
      .where('responded_at', 'is not', null)
      .execute();
  }
  await refreshRollups(db, orgId);
  return cases.length;
}

async function countCases(ctx: Pick<AppContext, 'db'>, orgId: string): Promise<number> {
  const { n } = await ctx.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Takes one new case to `step` the way people would, each move through the product's use cases. */
async function advance(
  ctx: Pick<AppContext, 'db' | 'boss'>,
  orgId: string,
  who: DemoPeople,
  c: { id: string; tier: string; lang: string | null; aspects: string[] | null },
  step: Exclude<Step, 'new'>,
  rootCauses: { id: string; label: string }[],
): Promise<void> {
  const { db } = ctx;
  const viewer = wholeOrganisation(orgId);
  const service = actorOf(who.service);
  await transitionCase(db, viewer, service, c.id, 'acknowledged');
  if (step === 'acknowledged') return;
  await transitionCase(db, viewer, service, c.id, 'investigating');
  if (step === 'investigating') return;
  // A public reply written by patient service and approved by PR (four eyes) moves the case to handling; posting it, to responded.
  const lang = c.lang && REPLY_TEXT[c.lang.slice(0, 2)] ? c.lang.slice(0, 2) : 'zh';
  const author = replyActor(orgId, who.service, who.orgName);
  const approver = replyActor(orgId, who.pr, who.orgName);
  const replyId = await createReply(db, author, c.id, { text: REPLY_TEXT[lang]!, lang, kind: 'public', status: 'ready' });
  if (step === 'awaitingApproval') return;
  await approveReply(db, approver, replyId);
  if (step === 'handling') return;
  await markReplyPosted(db, approver, replyId, null);
  if (step === 'responded') return;
  const aspect = c.aspects?.find((a) => !a.includes(':')) ?? 'process.waiting';
  const label = ROOT_CAUSE_BY_ASPECT.find(([re]) => re.test(aspect))?.[1] ?? 'Communication';
  const rootCause = rootCauses.find((r) => r.label === label) ?? rootCauses[0]!;
  await addAction(db, viewer, service, c.id, {
    kind: 'corrective',
    description: label === 'Waiting-time process' ? '增开一个挂号窗口 / A second registration desk at peak hours' : '科室复盘并更新接诊流程 / Department review and updated patient-handling steps',
    aspect,
    ownerId: who.service.id,
    dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
  });
  await closeCase(db, viewer, service, c.id, rootCause.id);
}
