import { definePermissions } from '../core/access.vocab.ts';

/** The sharing feature's permissions and the roles that hold each. */
export const sharingPermissions = definePermissions({
  /** See share links, their clicks and conversions, and the propagation view. */
  'sharing.read': ['admin', 'leadership', 'pr', 'marketing'],
  /** Make and disable share links. */
  'sharing.manage': ['admin', 'pr', 'marketing'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof sharingPermissions, true> {}
}
