import { definePermissions } from '../core/access.vocab.ts';

/** The stories feature's permissions and the roles that hold each. */
export const storiesPermissions = definePermissions({
  /** See the story library, consents and where each story is used. */
  'stories.read': ['admin', 'leadership', 'pr', 'marketing', 'service'],
  /** Record stories and consents on a patient's behalf, approve or reject stories, revoke consents, mark uses taken down. */
  'stories.manage': ['admin', 'pr', 'marketing', 'service'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof storiesPermissions, true> {}
}
