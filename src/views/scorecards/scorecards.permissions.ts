import { definePermissions } from '../../core/access.vocab.ts';

/** The scorecards view's permissions and the roles that hold each. */
export const scorecardsPermissions = definePermissions({
  /** See the scorecards and the leaderboard of everyone in the viewer's departments (a department head: their departments; without it a user sees only their own scorecard). */
  'scorecards.read': ['admin', 'leadership', 'service', 'department_head'],
  /** Set the score's weights and minimum sample; import quality and safety indicators. */
  'scorecards.manage': ['admin', 'leadership'],
});

declare module '../../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this view's permission names
  interface PermissionRegistry extends Record<keyof typeof scorecardsPermissions, true> {}
}
