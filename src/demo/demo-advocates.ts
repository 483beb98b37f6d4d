import { answerInvitation, inviteAdvocate } from '../advocates/index.ts';
import { withdrawInvitation } from '../advocates/invitations.ts';
import { kocList } from '../advocates/koc-list.ts';
import type { Config } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';

/**
 * The demo clinic's key patients: from the ranked list the referrals, sharing, surveys and review
 * demos make (referrers, promoters, happy authors on its own review sites), seven invitations in
 * every state, all through the real workflow: a patient who joined on the page (her referral link
 * made then), one invited by e-mail and waiting (the message in the mail outbox), one who declined,
 * one whose invitation expired, one who joined and left, a public author met at the desk and
 * recorded as contacted, and one author invitation the team withdrew. Idempotent: an organisation
 * with invitations is left as it is.
 */
export async function seedDemoAdvocates(ctx: Pick<AppContext, 'db'> & { config?: Pick<Config, 'publicUrl' | 'port'> }, orgId: string): Promise<{ invitations: number }> {
  const { db } = ctx;
  if (await db.selectFrom('advocate_invitations').select('id').where('org_id', '=', orgId).executeTakeFirst()) return { invitations: 0 };
  const config = { publicUrl: ctx.config?.publicUrl ?? null, port: ctx.config?.port ?? 3000, smtpUrl: null, mailFrom: 'Verity demo <demo@verity.local>' };
  const user = await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).where('role', '=', 'marketing').orderBy('created_at').executeTakeFirst();
  const by = { orgId, userId: user?.id ?? null, actor: user?.email ?? 'demo', ip: null };
  const org = await db.selectFrom('organisations').select(['name', 'default_locale']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const patients = (await kocList(db, orgId, { from, to, kind: 'patient', page: 1 })).items;
  const authors = (await kocList(db, orgId, { from, to, kind: 'author', page: 1 })).items;

  let made = 0;
  /** Invites by the channel asked for; where the contact rules refuse it (opted out, quiet hours), in person. */
  const invite = async (input: Parameters<typeof inviteAdvocate>[3]) => {
    made++;
    try {
      return await inviteAdvocate(db, config, by, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'bad_request' || input.channel === 'in_person') throw error;
      return inviteAdvocate(db, config, by, { ...input, channel: 'in_person' });
    }
  };
  const tokenOf = async (id: string) => (await db.selectFrom('advocate_invitations').select('token').where('id', '=', id).executeTakeFirstOrThrow()).token;
  const answer = async (id: string, a: 'accept' | 'decline' | 'leave') => answerInvitation(db, { token: await tokenOf(id), answer: a, locale: org.default_locale, orgName: org.name });
  const target = (r: { kind: 'patient' | 'author'; id: string }) => (r.kind === 'patient' ? { kind: 'patient' as const, patientId: r.id } : { kind: 'author' as const, authorKey: r.id });

  // Patients take the states in this order; whatever is left goes to public authors (who are met in person).
  const states = ['joined', 'waiting', 'declined', 'expired', 'left', 'contacted', 'withdrawn'] as const;
  const people = [...patients.slice(0, 5), ...authors].slice(0, states.length);
  for (const [i, person] of people.entries()) {
    const state = states[i]!;
    const channel = person.kind === 'author' ? 'in_person' : state === 'waiting' ? 'email' : state === 'declined' ? 'sms' : 'in_person';
    const note = state === 'joined' ? '前台当面介绍了推荐官计划。' : state === 'contacted' ? '来院复诊时当面邀请，已介绍计划内容。' : '';
    const { id } = await invite({ ...target(person), channel, ...(note ? { note } : {}) });
    if (state === 'joined') await answer(id, 'accept');
    if (state === 'declined') await answer(id, 'decline');
    if (state === 'left') {
      await answer(id, 'accept');
      await answer(id, 'leave');
    }
    if (state === 'withdrawn') await withdrawInvitation(db, by, id);
    if (state === 'expired') {
      // Invited five weeks ago and never answered: the link closed after INVITE_LINK_DAYS.
      await db
        .updateTable('advocate_invitations')
        .set({ invited_at: new Date(Date.now() - 35 * 86_400_000), expires_at: new Date(Date.now() - 5 * 86_400_000) })
        .where('id', '=', id)
        .execute();
    }
  }
  return { invitations: made };
}
