import { definePermissions } from '../../core/access.vocab.ts';

/** The reports view's permissions and the roles that hold each. */
export const reportsPermissions = definePermissions({
  /** See the archive of reports and download them. */
  'reports.read': ['admin', 'leadership', 'pr', 'marketing', 'service'],
  /** Create, change and delete report schedules; make a report now. */
  'reports.manage': ['admin', 'leadership'],
});

declare module '../../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this view's permission names
  interface PermissionRegistry extends Record<keyof typeof reportsPermissions, true> {}
}
