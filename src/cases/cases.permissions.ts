import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const casesPermissions = definePermissions({
  /** Read cases. */
  'cases.read': ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer'],
  /** Work on cases: assign, change status, add notes, actions and drafts. */
  'cases.work': ['admin', 'leadership', 'pr', 'service', 'department_head'],
  /** Change case settings, templates and brand voice. */
  'cases.manage': ['admin', 'leadership'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof casesPermissions, true> {}
}
