import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import type { Config } from '../core/config.ts';
import { badRequest } from '../core/errors.ts';
import { missing } from './errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { followupsMessages as m } from './followups.messages.ts';
import { DEFAULT_PLANS, ON_TIME_GRACE_DAYS, type FollowupCondition, type PlanDefinition, type PlanStatus, type RiskLevel } from './followups.vocab.ts';
import type { PlanViewType } from './followups.schemas.ts';
import { enrolUrl } from './portal-token.ts';

export interface PlanInput {
  name: string;
  condition: FollowupCondition;
  risk: RiskLevel;
  departmentId?: string | null;
  teamId?: string | null;
  definition: PlanDefinition;
}

function newToken(): string {
  return randomBytes(16).toString('base64url');
}

async function checkRefs(db: Db, orgId: string, input: { departmentId?: string | null; teamId?: string | null }): Promise<void> {
  if (input.departmentId) {
    const d = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', '=', input.departmentId).executeTakeFirst();
    if (!d) throw badRequest(m.text('noSuchDepartment'));
  }
  if (input.teamId) {
    const t = await db.selectFrom('teams').select('id').where('org_id', '=', orgId).where('id', '=', input.teamId).executeTakeFirst();
    if (!t) throw badRequest(m.text('noSuchTeam'));
  }
}

function checkDefinition(definition: PlanDefinition): void {
  if (definition.schedule.kind === 'days_after' && definition.schedule.days.length === 0) throw badRequest(m.text('scheduleEmpty'));
}

/** Creates a plan at version 1 with its enrolment token. Returns its id. */
export async function createPlan(db: Db, by: AuditBy, input: PlanInput, copiedFrom: string | null = null): Promise<string> {
  checkDefinition(input.definition);
  await checkRefs(db, by.orgId, input);
  return db.transaction().execute(async (trx) => {
    const plan = await trx
      .insertInto('followup_plans')
      .values({
        org_id: by.orgId,
        name: input.name,
        condition: input.condition,
        risk: input.risk,
        department_id: input.departmentId ?? null,
        team_id: input.teamId ?? null,
        enrol_token: newToken(),
        copied_from: copiedFrom,
        created_by: by.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('followup_plan_versions')
      .values({ plan_id: plan.id, version: 1, definition: JSON.stringify(input.definition), created_by: by.userId })
      .execute();
    await recordAudit(trx, { ...by, action: copiedFrom ? 'followup_plan.copied' : 'followup_plan.created', targetType: 'followup_plan', targetId: plan.id, details: { name: input.name, copiedFrom } });
    return plan.id;
  });
}

/**
 * Changes a plan. A new definition is a new version: enrolments keep the version (and the
 * check-ins) they were scheduled with, so no patient's schedule changes silently.
 */
export async function updatePlan(db: Db, by: AuditBy, planId: string, input: Partial<PlanInput> & { status?: PlanStatus }): Promise<void> {
  if (input.definition) checkDefinition(input.definition);
  await checkRefs(db, by.orgId, input);
  await db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('followup_plans').select(['id', 'current_version']).where('org_id', '=', by.orgId).where('id', '=', planId).forUpdate().executeTakeFirst();
    if (!plan) throw missing('noSuchPlan');
    let version = plan.current_version;
    if (input.definition) {
      version += 1;
      await trx
        .insertInto('followup_plan_versions')
        .values({ plan_id: planId, version, definition: JSON.stringify(input.definition), created_by: by.userId })
        .execute();
    }
    await trx
      .updateTable('followup_plans')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.condition ? { condition: input.condition } : {}),
        ...(input.risk ? { risk: input.risk } : {}),
        ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
        ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
        ...(input.status ? { status: input.status } : {}),
        current_version: version,
        updated_at: new Date(),
      })
      .where('id', '=', planId)
      .execute();
    await recordAudit(trx, { ...by, action: 'followup_plan.versioned', targetType: 'followup_plan', targetId: planId, details: { version, fields: Object.keys(input) } });
  });
}

/** Copies a plan (its current version) into a new plan, for a clinic to change. */
export async function copyPlan(db: Db, by: AuditBy, planId: string, name?: string): Promise<string> {
  const plan = await loadPlan(db, by.orgId, planId);
  return createPlan(
    db,
    by,
    { name: name ?? `${plan.name} (2)`, condition: plan.condition, risk: plan.risk, departmentId: plan.department_id, teamId: plan.team_id, definition: plan.definition },
    planId,
  );
}

/** One plan with its current definition; throws 404 for another organisation's. */
export async function loadPlan(db: Db, orgId: string, planId: string, version?: number) {
  const row = await db
    .selectFrom('followup_plans as p')
    .innerJoin('followup_plan_versions as v', (j) => j.onRef('v.plan_id', '=', 'p.id').on((eb) => eb('v.version', '=', version ?? eb.ref('p.current_version'))))
    .selectAll('p')
    .select(['v.definition', 'v.version'])
    .where('p.org_id', '=', orgId)
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (!row) throw missing('noSuchPlan');
  return row;
}

/** The plans of an organisation with their adherence (check-ins done on time / due so far). */
export async function findPlans(db: Db, config: Pick<Config, 'publicUrl' | 'port'>, orgId: string, filter: { planId?: string; departmentIds?: string[] | null } = {}): Promise<PlanViewType[]> {
  let query = db
    .selectFrom('followup_plans as p')
    .innerJoin('followup_plan_versions as v', (j) => j.onRef('v.plan_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
    .select([
      'p.id',
      'p.name',
      'p.condition',
      'p.risk',
      'p.status',
      'p.current_version',
      'p.department_id',
      'p.team_id',
      'p.enrol_token',
      'p.copied_from',
      'p.updated_at',
      'v.definition',
      sql<number>`(SELECT count(*) FROM followup_enrolments e WHERE e.plan_id = p.id AND e.status = 'active')::int`.as('active'),
      sql<number>`(SELECT count(*) FROM followup_checkins c JOIN followup_enrolments e ON e.id = c.enrolment_id WHERE e.plan_id = p.id AND c.status <> 'cancelled' AND c.due_at <= now())::int`.as(
        'due',
      ),
      sql<number>`(SELECT count(*) FROM followup_checkins c JOIN followup_enrolments e ON e.id = c.enrolment_id WHERE e.plan_id = p.id AND c.status = 'done' AND c.due_at <= now() AND c.done_at <= c.due_at + make_interval(days => ${ON_TIME_GRACE_DAYS}))::int`.as(
        'on_time',
      ),
    ])
    .where('p.org_id', '=', orgId)
    .orderBy('p.created_at');
  if (filter.planId) query = query.where('p.id', '=', filter.planId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    condition: r.condition,
    risk: r.risk,
    status: r.status,
    version: r.current_version,
    departmentId: r.department_id,
    teamId: r.team_id,
    definition: r.definition,
    enrolUrl: enrolUrl(config, r.enrol_token),
    copiedFrom: r.copied_from,
    activeEnrolments: r.active,
    due: r.due,
    onTime: r.on_time,
    adherence: r.due ? r.on_time / r.due : null,
    updatedAt: r.updated_at,
  }));
}

/** Gives an organisation the default plans of the seeds once (a plan per condition and risk), named in its language. */
export async function ensureDefaultPlans(db: Db, by: AuditBy, locale: Locale): Promise<void> {
  const existing = await db
    .selectFrom('followup_plans')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', by.orgId)
    .executeTakeFirstOrThrow();
  if (existing.n > 0) return;
  for (const plan of DEFAULT_PLANS) {
    const name = m.render(locale, 'planName', { condition: m.text(`condition.${plan.condition}`), risk: m.text(`risk.${plan.risk}`) });
    await createPlan(db, by, { name, condition: plan.condition, risk: plan.risk, definition: plan.definition });
  }
}
