import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const mentionsPermissions = definePermissions({
  /** Read the inbox. */
  'mentions.read': ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer'],
  /** Add mentions by hand and edit their triage fields. */
  'mentions.write': ['admin', 'leadership', 'pr', 'marketing', 'service'],
  /** Change a mention's status and assignee. */
  'mentions.triage': ['admin', 'leadership', 'pr', 'service', 'department_head'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof mentionsPermissions, true> {}
}
