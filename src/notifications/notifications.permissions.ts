import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const notificationsPermissions = definePermissions({
  /** Read the local outbox: e-mail kept when no SMTP server is configured (it may quote patients). */
  'notifications.outbox': ['admin'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof notificationsPermissions, true> {}
}
