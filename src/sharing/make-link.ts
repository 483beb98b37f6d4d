import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import type { Market } from '../outreach/outreach.vocab.ts';
import { checkStoryUse, recordStoryUse, type UseFinding } from '../stories/index.ts';
import type { ConsentUse, PublicationChannel } from '../stories/stories.vocab.ts';
import { createShareLink, getShareLink, type ShareLinkRow } from './share-links.ts';
import { sharingMessages as m } from './sharing.messages.ts';
import type { ShareChannel, ShareTargetKind } from './sharing.vocab.ts';

export interface MakeLinkInput {
  targetKind: ShareTargetKind;
  targetId?: string | null;
  targetUrl?: string | null;
  channel?: ShareChannel | null;
  label?: string;
  /** The link this one continues (a staff member passing on a patient's link). */
  parentId?: string | null;
}

const SOCIAL: ReadonlySet<string> = new Set(['wechat', 'weibo', 'xiaohongshu', 'douyin', 'vk', 'telegram', 'facebook', 'instagram', 'x']);

/**
 * What sharing a story on a channel is, in the terms of its consent: a post on a social network is
 * a `social` use on that network; print is `advertising` on print; anything else (the website, a
 * message, a QR code in the clinic) sends people to the story's own page, a `website` use.
 */
export function storyUseOf(channel: ShareChannel | null | undefined): { use: ConsentUse; channel: PublicationChannel } {
  if (channel && SOCIAL.has(channel)) return { use: 'social', channel: channel as PublicationChannel };
  if (channel === 'print') return { use: 'advertising', channel: 'print' };
  return { use: 'website', channel: 'website' };
}

/** An article's address: absolute http(s), no credentials; refused with the address otherwise. */
export function articleUrl(raw: string | null | undefined): string {
  const text = (raw ?? '').trim();
  if (!text) throw badRequest(m.text('targetUrlNeeded'));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest(m.text('targetUrlRefused', { url: text.slice(0, 80) }));
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) throw badRequest(m.text('targetUrlRefused', { url: text.slice(0, 80) }));
  return url.toString();
}

/** Checks that the target is the organisation's (a story, a live survey link, a referral programme); returns the label it suggests. */
async function checkTarget(db: Db, orgId: string, kind: Exclude<ShareTargetKind, 'article'>, id: string): Promise<string> {
  const missing = () => badRequest(m.text('noSuchTarget', { kind: m.text(`kind.${kind}`) }));
  if (kind === 'story') {
    const row = await db.selectFrom('stories').select('title').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    if (!row) throw missing();
    return row.title;
  }
  if (kind === 'survey') {
    const row = await db
      .selectFrom('survey_links')
      .select(['label', 'disabled_at'])
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      // A visit's link is one patient's own: never shared.
      .where('scope', '<>', 'visit')
      .executeTakeFirst();
    if (!row) throw missing();
    if (row.disabled_at) throw badRequest(m.text('surveyLinkDisabled'));
    return row.label;
  }
  const row = await db.selectFrom('referral_programmes').select('name').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw missing();
  return row.name;
}

/**
 * The organisation's market (outreach's setting, 'cn' by default), read here rather than through
 * outreach's index: outreach imports surveys, and the survey page imports sharing.
 */
async function marketOf(db: Db, orgId: string): Promise<Market> {
  const row = await db.selectFrom('outreach_settings').select('market').where('org_id', '=', orgId).executeTakeFirst();
  return row?.market ?? 'cn';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Makes a share link by staff (the API): the target is checked (an article's address is http(s); a
 * story, survey link or programme is the organisation's), a story passes the stories' consent and
 * market check for the channel and its use is recorded (so a revoked consent flags the link), and
 * the audit entry is written in the same transaction.
 */
export async function makeShareLink(db: Db, by: AuditBy, input: MakeLinkInput): Promise<{ link: ShareLinkRow; warnings: UseFinding[] }> {
  const orgId = by.orgId;
  let targetUrl: string | null = null;
  let targetId: string | null = null;
  let suggested = '';
  if (input.targetKind === 'article') {
    targetUrl = articleUrl(input.targetUrl);
    suggested = new URL(targetUrl).hostname;
  } else {
    if (input.targetUrl) throw badRequest(m.text('targetUrlOnlyArticle', { kind: m.text(`kind.${input.targetKind}`) }));
    if (!input.targetId) throw badRequest(m.text('targetIdNeeded', { kind: m.text(`kind.${input.targetKind}`) }));
    if (!UUID.test(input.targetId)) throw badRequest(m.text('noSuchTarget', { kind: m.text(`kind.${input.targetKind}`) }));
    targetId = input.targetId;
    suggested = await checkTarget(db, orgId, input.targetKind, targetId);
  }
  return db.transaction().execute(async (trx) => {
    const warnings: UseFinding[] = [];
    let storyUse: ReturnType<typeof storyUseOf> | null = null;
    if (input.targetKind === 'story') {
      storyUse = storyUseOf(input.channel);
      const market = await marketOf(trx, orgId);
      const check = await checkStoryUse(trx, orgId, targetId!, { ...storyUse, at: new Date(), market });
      const block = check.findings.find((f) => f.severity === 'block');
      if (!check.allowed || block)
        throw badRequest(m.text('storyUseRefused', { reason: block?.text ?? null }), { findings: check.findings.map((f) => ({ rule: f.rule, severity: f.severity, law: f.law })) });
      warnings.push(...check.findings);
    }
    const link = await createShareLink(trx, {
      orgId,
      targetKind: input.targetKind,
      targetId,
      targetUrl,
      channel: input.channel ?? null,
      label: (input.label ?? '').trim() || suggested,
      ownerUserId: by.userId,
      parentId: input.parentId ?? null,
    });
    if (storyUse) await recordStoryUse(trx, { orgId, storyId: targetId!, kind: 'share_link', refId: link.id, use: storyUse.use, channel: storyUse.channel, label: link.label, ownerUserId: by.userId });
    await recordAudit(trx, {
      ...by,
      action: 'share_link.create',
      targetType: 'share_link',
      targetId: link.id,
      details: { code: link.code, targetKind: link.targetKind, channel: link.channel, ...(link.parentId ? { parentId: link.parentId } : {}) },
    });
    return { link, warnings };
  });
}

/** Disables a link: `/l/<code>` answers 404 from now on; its clicks and conversions stay. */
export async function disableShareLink(db: Db, by: AuditBy, id: string): Promise<ShareLinkRow> {
  return db.transaction().execute(async (trx) => {
    const link = await getShareLink(trx, by.orgId, id);
    if (link.disabledAt) throw badRequest(m.text('alreadyDisabled'));
    await trx.updateTable('share_links').set({ disabled_at: new Date() }).where('org_id', '=', by.orgId).where('id', '=', id).execute();
    await recordAudit(trx, { ...by, action: 'share_link.disable', targetType: 'share_link', targetId: id, details: { code: link.code } });
    return getShareLink(trx, by.orgId, id);
  });
}
