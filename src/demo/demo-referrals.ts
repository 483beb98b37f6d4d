import type { AppContext } from '../core/context.ts';
import { transitionReward } from '../referrals/ledger.ts';
import { createProgramme, getProgramme } from '../referrals/programmes.ts';
import { recordReferral } from '../referrals/record-referral.ts';
import { createReferralLink } from '../referrals/index.ts';
import { recordClick, type ShareLinkRow } from '../sharing/index.ts';

/**
 * The demo clinic's "old brings new" (老带新): one active programme (the referrer 200 points, the
 * new patient a free check-up, paid when the new patient visits) and an ended spring one; three
 * demo patients with visits as referrers with their links and a few clicks; eight referrals in
 * different states: visited with rewards issued and redeemed, visited and earned, booked and
 * waiting, one cancelled, one attributed by an imported visit, and one self-referral (the referrer
 * booked on their own link) held for review. Names are invented; phones are in the unassigned
 * +86 100 range. Idempotent: an organisation with a programme is left as it is.
 */
const REFEREES: { name: string; daysAgo: number; state: 'redeemed' | 'issued' | 'earned' | 'booked' | 'cancelled' | 'imported'; referrer: 0 | 1 | 2 }[] = [
  { name: '演示新患者 周婷', daysAgo: 40, state: 'redeemed', referrer: 0 },
  { name: '演示新患者 吴昊', daysAgo: 26, state: 'issued', referrer: 0 },
  { name: '演示新患者 郑琳', daysAgo: 12, state: 'earned', referrer: 1 },
  { name: '演示新患者 孙浩', daysAgo: 9, state: 'imported', referrer: 1 },
  { name: 'Демо-пациент Мария Кузнецова', daysAgo: 5, state: 'booked', referrer: 2 },
  { name: '演示新患者 马丽', daysAgo: 3, state: 'booked', referrer: 0 },
  { name: '演示新患者 黄强', daysAgo: 15, state: 'cancelled', referrer: 2 },
];

export async function seedDemoReferrals(ctx: Pick<AppContext, 'db'>, orgId: string): Promise<{ referrals: number }> {
  const { db } = ctx;
  if (await db.selectFrom('referral_programmes').select('id').where('org_id', '=', orgId).executeTakeFirst()) return { referrals: 0 };
  const by = { orgId, userId: null, actor: 'demo', ip: null };
  const now = Date.now();
  const day = 86_400_000;
  await createProgramme(db, by, {
    name: '2026 春季老带新',
    description: '春季推荐活动（已结束）。',
    status: 'ended',
    referrerReward: { kind: 'points', amount: 100, unit: '积分' },
    refereeReward: { kind: 'discount_percent', amount: 10, label: '首次就诊九折' },
    trigger: 'booked',
    startsOn: '2026-03-01',
    endsOn: '2026-05-31',
  });
  const programmeId = await createProgramme(db, by, {
    name: '老带新',
    description: '老患者推荐亲友来院就诊：推荐人获得 200 积分，新患者首次就诊可享免费健康检查一次。奖励与是否评价无关。',
    status: 'active',
    referrerReward: { kind: 'points', amount: 200, unit: '积分', label: '200 积分' },
    refereeReward: { kind: 'free_checkup', amount: 1, label: '免费健康检查一次' },
    trigger: 'visited',
    eligibility: { referrerMustHaveVisited: true, refereeMustBeNew: true },
    capPerReferrerYear: 10,
    rewardValidDays: 90,
    marketRules: { excludePublicScheme: false },
  });
  const programme = await getProgramme(db, orgId, programmeId);
  // Referrers: three demo patients who have visited.
  const referrers = await db
    .selectFrom('patients as p')
    .select(['p.id', 'p.phone'])
    .where('p.org_id', '=', orgId)
    .where('p.phone', 'is not', null)
    .where((eb) => eb.exists(eb.selectFrom('visits as v').select('v.id').whereRef('v.patient_id', '=', 'p.id')))
    .orderBy('p.external_id')
    .limit(3)
    .execute();
  if (referrers.length < 3) return { referrals: 0 };
  const links: ShareLinkRow[] = [];
  for (const [i, r] of referrers.entries()) {
    const link = await createReferralLink(db, { orgId, programmeId, patientId: r.id, channel: i === 1 ? 'wechat' : null });
    links.push(link);
    for (let c = 0; c < 6 + i * 3; c++) {
      await recordClick(db, {
        orgId,
        linkId: link.id,
        ip: `198.51.100.${10 + i * 20 + c}`,
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0',
        at: new Date(now - (40 - c * 3) * day),
      });
    }
  }
  let n = 0;
  for (const [i, r] of REFEREES.entries()) {
    const at = new Date(now - r.daysAgo * day);
    const patient = await db
      .insertInto('patients')
      .values({ org_id: orgId, name: r.name, phone: `+86 100 0000 ${String(7100 + i)}`, locale: r.name.startsWith('Демо') ? 'ru' : 'zh-CN', created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const visited = r.state !== 'booked' && r.state !== 'cancelled';
    const visitAt = new Date(at.getTime() + 2 * day);
    const visit = visited
      ? await db
          .insertInto('visits')
          .values({
            org_id: orgId,
            patient_id: patient.id,
            external_id: `DEMO-REF-V-${i}`,
            source: r.state === 'imported' ? 'fhir' : 'csv',
            started_at: visitAt,
            ended_at: new Date(visitAt.getTime() + 1_800_000),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      : null;
    const referral = await db.transaction().execute((trx) =>
      recordReferral(trx, {
        programme,
        link: links[r.referrer]!,
        refereeId: patient.id,
        via: r.state === 'imported' ? 'fhir' : r.state === 'booked' || r.state === 'cancelled' ? 'booking_form' : 'staff',
        requestedFor: new Date(at.getTime() + 3 * day),
        visit: visit ? { id: visit.id, at: visitAt } : null,
        at,
      }),
    );
    n++;
    if (r.state === 'cancelled') {
      await db.updateTable('referrals').set({ status: 'cancelled', note: '患者改期后未再预约' }).where('id', '=', referral.id).execute();
    }
    const rewards = await db.selectFrom('rewards').select(['id', 'role']).where('referral_id', '=', referral.id).execute();
    for (const w of rewards) {
      if (r.state === 'issued' || r.state === 'redeemed') await transitionReward(db, by, orgId, w.id, 'issue', { now: new Date(visitAt.getTime() + day) });
      if (r.state === 'redeemed' && w.role === 'referee') await transitionReward(db, by, orgId, w.id, 'redeem', { now: new Date(visitAt.getTime() + 5 * day) });
    }
  }
  // The self-referral: the first referrer books on their own link with their own phone and is held for review.
  const self = referrers[0]!;
  await db
    .transaction()
    .execute((trx) => recordReferral(trx, { programme, link: links[0]!, refereeId: self.id, via: 'booking_form', visit: { id: null, at: new Date(now - day) }, at: new Date(now - 2 * day) }));
  n++;
  return { referrals: n };
}
