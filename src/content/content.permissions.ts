import { definePermissions } from '../core/access.vocab.ts';

/** The content feature's permissions and the roles that hold each. */
export const contentPermissions = definePermissions({
  /** See the content calendar, posters and the brand settings. */
  'content.read': ['admin', 'leadership', 'pr', 'marketing'],
  /** Plan and schedule posts, make posters, change the brand settings. */
  'content.manage': ['admin', 'pr', 'marketing'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof contentPermissions, true> {}
}
