import type { Locale } from '../core/i18n.ts';
import { CLAIM_PATTERNS, COMPLIANCE_RULES, type ClaimKind } from './compliance-rules.ts';
import { storiesMessages as m } from './stories.messages.ts';
import type { Text } from '../core/i18n.ts';
import type { Market } from '../outreach/outreach.vocab.ts';
import type { ConsentUse, MaterialConnection, PublicationChannel, StoryStatus } from './stories.vocab.ts';

export interface StoryUseRequest {
  use: ConsentUse;
  channel: PublicationChannel;
  /** When the story would appear (a post's scheduled time; now for a poster or a link). */
  at: Date;
  market: Market;
}

export interface UseFinding {
  /** The rule's id: a consent rule (`consent.*`) or a market's compliance rule (`cn.*`, `ru.*`, `us.*`, `eu.*`). */
  rule: string;
  /** block: the use is refused; warn: allowed, with something the publisher must do (a disclosure, a warning). */
  severity: 'block' | 'warn';
  /** The law or rule it comes from, as cited (e.g. "中华人民共和国广告法 第十六条"); empty for consent rules. */
  law: string;
  /** Why, in the reader's language. */
  text: Text;
}

export interface StoryUseCheck {
  allowed: boolean;
  findings: UseFinding[];
}

export interface StoryFacts {
  status: StoryStatus;
  title: string;
  body: string;
  locale: Locale;
  materialConnection: MaterialConnection;
}

export interface ConsentFacts {
  id: string;
  use: ConsentUse;
  channels: string[];
  /** YYYY-MM-DD */
  validFrom: string;
  validUntil: string | null;
  revokedAt: Date | null;
}

/** The claims a story's words make. */
export function claimsOf(text: string): Set<ClaimKind> {
  const lower = text.toLowerCase();
  const found = new Set<ClaimKind>();
  for (const [kind, pattern] of Object.entries(CLAIM_PATTERNS) as [ClaimKind, RegExp][]) if (pattern.test(lower)) found.add(kind);
  return found;
}

/** The consent rules, then the market's compliance rules, for one intended use (pure: the tests and the web's preview agree). */
export function checkUse(story: StoryFacts, consents: ConsentFacts[], request: StoryUseRequest): StoryUseCheck {
  const findings: UseFinding[] = [];
  const day = request.at.toISOString().slice(0, 10);
  const block = (rule: string, text: UseFinding['text'], law = '') => findings.push({ rule, severity: 'block', law, text });

  if (story.status !== 'approved') block('consent.story_not_approved', m.text('finding.storyNotApproved', { status: story.status }));
  const forUse = consents.filter((c) => c.use === request.use);
  const live = forUse.filter((c) => !c.revokedAt);
  if (forUse.length === 0) block('consent.none', m.text('finding.noConsent', { use: m.text(`use.${request.use}`) }));
  else if (live.length === 0) block('consent.revoked', m.text('finding.consentRevoked', { use: m.text(`use.${request.use}`) }));
  else {
    const onChannel = live.filter((c) => c.channels.includes(request.channel));
    if (onChannel.length === 0) block('consent.channel', m.text('finding.channelNotCovered', { channel: m.text(`channel.${request.channel}`), use: m.text(`use.${request.use}`) }));
    else if (!onChannel.some((c) => c.validFrom <= day && (c.validUntil === null || c.validUntil >= day)))
      block('consent.dates', m.text('finding.outsideDates', { date: day, from: onChannel[0]!.validFrom, until: onChannel[0]!.validUntil ?? '…' }));
  }

  const claims = claimsOf(`${story.title}\n${story.body}`);
  for (const rule of COMPLIANCE_RULES) {
    if (rule.market !== request.market || !rule.uses.includes(request.use)) continue;
    const effect = rule.effect;
    const text = m.text(`rule.${rule.id}` as Parameters<typeof m.text>[0]);
    if (effect.kind === 'forbid') findings.push({ rule: rule.id, severity: 'block', law: rule.law, text });
    else if (effect.kind === 'forbid_claims') {
      if (claims.has(effect.claims)) findings.push({ rule: rule.id, severity: 'block', law: rule.law, text });
    } else if (effect.when === 'material_connection') {
      if (story.materialConnection !== 'none') findings.push({ rule: rule.id, severity: 'warn', law: rule.law, text });
    } else if (effect.when === 'claims') {
      if (effect.claims && claims.has(effect.claims)) findings.push({ rule: rule.id, severity: 'warn', law: rule.law, text });
    } else findings.push({ rule: rule.id, severity: 'warn', law: rule.law, text });
  }
  return { allowed: !findings.some((f) => f.severity === 'block'), findings };
}
