import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const alertsPermissions = definePermissions({
  /** Read alerts and acknowledge them. */
  'alerts.read': ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'viewer'],
  /** Create alert rules and channels, retry and dismiss deliveries. */
  'alerts.manage': ['admin', 'pr'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof alertsPermissions, true> {}
}
