/**
 * Who may do what, the vocabulary: the roles, and the permission names that features declare.
 * Pure (no database, no zod): the web imports it too.
 */

/** The roles a user can have; department_head (and staff) see only their departments. */
export const ROLES = ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission, by declaration merging: each feature declares the permissions it owns in its
 * `<feature>.permissions.ts` with `definePermissions` and adds their names to this interface, so
 * `Permission` is the union of all of them and a route cannot name one that does not exist.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PermissionRegistry {}
export type Permission = keyof PermissionRegistry & string;

/** A feature's permissions and the roles that hold each. */
export type PermissionGrants<P extends string = string> = Readonly<Record<P, readonly Role[]>>;

/** Declares a feature's permissions; the composed table (src/permissions.ts) checks no name is declared twice. */
export function definePermissions<const P extends string>(grants: Record<P, readonly Role[]>): PermissionGrants<P> {
  return grants;
}

/** Roles whose view of mentions is limited to the departments assigned to the user. */
export function isDepartmentScoped(role: Role): boolean {
  return role === 'department_head' || role === 'staff';
}
