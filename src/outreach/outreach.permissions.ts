import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const outreachPermissions = definePermissions({
  /** See patients and their visits (names, MRNs, locales, opt-out), without contact details. */
  'patients.read': ['admin', 'leadership', 'pr', 'service', 'department_head', 'staff'],
  /** See and change patients' phone numbers and e-mail addresses. */
  'patients.contact': ['admin', 'service', 'department_head', 'staff'],
  /** Import visits, change outreach settings (delays, surveys, contact rules, SMS provider) and read the SMS outbox. */
  'outreach.manage': ['admin', 'service'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof outreachPermissions, true> {}
}
