import { definePermissions } from '../core/access.vocab.ts';

/** The permissions this feature owns and the roles that hold each; src/permissions.ts composes the one table. */
export const ingestPermissions = definePermissions({
  /** Import files. */
  'imports.run': ['admin', 'pr', 'marketing', 'service'],
  /** Create and configure sources and their credentials. */
  'sources.manage': ['admin', 'pr'],
});

declare module '../core/access.vocab.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this feature's permission names
  interface PermissionRegistry extends Record<keyof typeof ingestPermissions, true> {}
}
