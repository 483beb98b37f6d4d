import type { AppContext } from '../core/context.ts';
import { sealSecret } from '../core/secrets.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newSourceCredentials, recordRun, type MentionInput } from '../ingest/index.ts';
import { demoPassword, generateDemo } from './demo-data.ts';
import { seedDemoAlerts } from './demo-alerts.ts';
import { seedDemoCompetitors } from './demo-competitors.ts';
import { seedDemoTeams } from './demo-teams.ts';
import { settleDemo } from './demo-work.ts';
import { seedDemoFollowups } from './demo-followups.ts';
import { seedDemoReferrals } from './demo-referrals.ts';
import { seedDemoStories } from './demo-stories.ts';
import { seedDemoContent } from './demo-content.ts';
import { seedDemoAdvocates } from './demo-advocates.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoOutreach } from './demo-outreach.ts';
import { seedDemoResponses } from './demo-responses.ts';
import { seedDemoScorecards } from './demo-scorecards.ts';
import { seedDemoSurveys } from './demo-surveys.ts';
import { seedDemoSharing } from './demo-sharing.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.verity.local';

/**
 * Seeds the demo organisation. Idempotent: organisation, units, roster, users and sources are
 * matched by their natural keys, and mentions are loaded only into an organisation that has none,
 * so running it again changes nothing. The full demo (no `count`) also gets alert rules and channels,
 * and a fresh load is analysed and worked at once (settleDemo); `settle` overrides that. Returns what it created.
 */
export async function seedDemo(ctx: Pick<AppContext, 'db' | 'boss'>, options: { count?: number; anchor?: Date; settle?: boolean } = {}): Promise<{ orgId: string; mentions: number }> {
  const { db } = ctx;
  const anchor = options.anchor ?? new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const demo = generateDemo({ count: options.count, anchor });
  await db
    .insertInto('organisations')
    .values({ slug: DEMO_SLUG, name: demo.org.name, timezone: demo.org.timezone })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const org = await db.selectFrom('organisations').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  const orgId = org.id;

  for (const l of demo.locations) {
    await db
      .insertInto('locations')
      .values({ org_id: orgId, ...l })
      .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
      .execute();
  }
  const locations = await db.selectFrom('locations').select(['id', 'code']).where('org_id', '=', orgId).execute();
  const locationId = (code: string | null) => locations.find((l) => l.code === code)?.id ?? null;
  for (const d of demo.departments) {
    await db
      .insertInto('departments')
      .values({ org_id: orgId, code: d.code, name: d.name, location_id: locationId(d.locationCode) })
      .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
      .execute();
  }
  const departments = await db.selectFrom('departments').select(['id', 'code']).where('org_id', '=', orgId).execute();
  const departmentId = (code: string) => departments.find((d) => d.code === code)?.id ?? null;
  const existingStaff = new Set((await db.selectFrom('staff').select('name').where('org_id', '=', orgId).execute()).map((s) => s.name));
  const newStaff = demo.staff.filter((s) => !existingStaff.has(s.name));
  if (newStaff.length) {
    await db
      .insertInto('staff')
      .values(newStaff.map((s) => ({ org_id: orgId, name: s.name, title: s.title, department_id: departmentId(s.departmentCode), aliases: s.aliases })))
      .execute();
  }
  const passwordHash = await hashPassword(demoPassword());
  for (const u of demo.users) {
    const inserted = await db
      .insertInto('users')
      .values({ org_id: orgId, email: u.email, name: u.name, role: u.role, password_hash: passwordHash })
      // E-mails are unique per organisation (org_id, lower(email)): a user the organisation already has is kept.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted && u.departmentCodes?.length) {
      const ids = u.departmentCodes.map(departmentId).filter((id): id is string => Boolean(id));
      if (ids.length)
        await db
          .insertInto('user_departments')
          .values(ids.map((d) => ({ user_id: inserted.id, department_id: d })))
          .execute();
    }
  }
  await seedDemoTeams(db, orgId);
  for (const s of demo.sources) {
    const credentials = newSourceCredentials(s.kind);
    await db
      .insertInto('sources')
      .values({
        org_id: orgId,
        name: s.name,
        kind: s.kind,
        platform: s.platform,
        token_hash: credentials.tokenHash ?? null,
        webhook_secret: credentials.webhookSecret ? sealSecret(credentials.webhookSecret) : null,
      })
      .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
      .execute();
  }
  const sources = await db.selectFrom('sources').select(['id', 'name']).where('org_id', '=', orgId).execute();
  // The full demo is a clinic at work; a small one (a test's `count`) is bare data unless asked.
  const atWork = options.settle ?? options.count === undefined;
  if (atWork) await seedDemoAlerts(db, orgId);

  const { n } = await db
    .selectFrom('mentions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) return { orgId, mentions: 0 };

  let total = 0;
  for (const source of demo.sources) {
    const sourceId = sources.find((s) => s.name === source.name)!.id;
    const items = demo.mentions.filter((m) => m.sourceKey === source.key);
    if (!items.length) continue;
    // Edits arrive after the original, as a platform would send them: originals first, then each later version.
    const rounds: MentionInput[][] = [items.map((m) => m.mention)];
    const maxEdits = Math.max(0, ...items.map((m) => m.edits?.length ?? 0));
    for (let e = 0; e < maxEdits; e++) {
      rounds.push(items.filter((m) => m.edits?.[e]).map((m) => ({ ...m.mention, text: m.edits![e]!.text, ratingRaw: m.edits![e]!.ratingRaw ?? m.mention.ratingRaw })));
    }
    await recordRun(ctx, { orgId, sourceId, channel: 'demo' }, async (run) => {
      for (const round of rounds) {
        for (let i = 0; i < round.length; i += 1000) total += (await run.ingest(round.slice(i, i + 1000))).accepted;
      }
    });
  }
  if (atWork) {
    // A clinic group based in Shanghai writes to staff who chose no language of their own in Chinese.
    await db.updateTable('organisations').set({ default_locale: 'zh-CN' }).where('id', '=', orgId).execute();
    // It asks its patients: surveys with QR links, visits from the hospital system with their
    // invitations, and eight weeks of answers (each one a mention, a low score asking for a case).
    await seedDemoSurveys(ctx, orgId);
    await seedDemoOutreach(ctx, orgId, new Date());
    await seedDemoResponses(ctx, orgId);
    await seedDemoScorecards(ctx, orgId);
    // The clinic's past work: analysed, cases opened for risks and complaints, some of them answered or closed.
    await settleDemo(ctx, orgId);
    await seedDemoCompetitors(ctx, orgId);
    // And follows its patients up after discharge.
    await seedDemoFollowups(ctx, orgId);
    await seedDemoReferrals(ctx, orgId);
    await seedDemoStories(ctx, orgId);
    await seedDemoContent(ctx, orgId);
    await seedDemoSharing(ctx, orgId);
    await seedDemoAdvocates(ctx, orgId);
    // Last: its weekly and monthly reports, and last week's in the archive (read from the refreshed rollups).
    await seedDemoReports(ctx, orgId);
  }
  return { orgId, mentions: total };
}
