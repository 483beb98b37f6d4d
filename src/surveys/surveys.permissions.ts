import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const surveysPermissions = definePermissions({
  /** See surveys, their versions, links and QR codes, and the review-link settings. */
  'surveys.read': ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head'],
  /** Create, copy, change, activate and archive surveys; create and disable links; set the review links. */
  'surveys.manage': ['admin', 'service', 'marketing'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof surveysPermissions, true> {}
}
