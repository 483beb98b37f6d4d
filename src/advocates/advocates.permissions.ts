import { definePermissions } from '../core/access.vocab.ts';

/** The advocates feature's permissions and the roles that hold each. */
export const advocatesPermissions = definePermissions({
  /** See the ranked list of key patients and the evidence behind each score. */
  'advocates.read': ['admin', 'leadership', 'pr', 'marketing'],
  /** Invite a patient or author to the programme, withdraw an invitation. */
  'advocates.manage': ['admin', 'pr', 'marketing'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof advocatesPermissions, true> {}
}
