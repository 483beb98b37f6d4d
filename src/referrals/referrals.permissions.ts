import { definePermissions } from '../core/access.vocab.ts';

/** The referrals feature's permissions and the roles that hold each. */
export const referralsPermissions = definePermissions({
  /** See programmes, referrals, the ledger and the review queue. */
  'referrals.read': ['admin', 'leadership', 'pr', 'marketing', 'service'],
  /** Create and change programmes. */
  'referrals.manage': ['admin', 'marketing'],
  /** Attribute a visit by hand, approve or refuse held rewards, issue and redeem rewards. */
  'referrals.review': ['admin', 'marketing', 'service'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof referralsPermissions, true> {}
}
