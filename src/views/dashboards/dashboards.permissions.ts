import { definePermissions } from '../../core/access.vocab.ts';

/** The dashboards' permission; department heads and staff see only their departments (viewer scope). */
export const dashboardsPermissions = definePermissions({
  /** See the overview, the heat map, the pain points and the competitor benchmark. */
  'dashboards.read': ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer'],
});

declare module '../../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this view's permission names
  interface PermissionRegistry extends Record<keyof typeof dashboardsPermissions, true> {}
}
