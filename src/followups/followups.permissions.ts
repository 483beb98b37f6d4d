import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const followupsPermissions = definePermissions({
  /** See follow-up plans, enrolments, readings, photos and tasks (department heads and staff: their departments). */
  'followups.read': ['admin', 'leadership', 'service', 'department_head', 'staff'],
  /** Enrol patients, complete tasks, answer questions, withdraw enrolments, renew portal links. */
  'followups.work': ['admin', 'service', 'department_head', 'staff'],
  /** Create, copy and edit plans. */
  'followups.manage': ['admin', 'service'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof followupsPermissions, true> {}
}
