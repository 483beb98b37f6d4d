import type { Permission, PermissionGrants, Role } from './core/access.vocab.ts';
import { FEATURES } from './features.ts';

/**
 * The one permission table, composed from the permissions each feature declares: every route
 * names the permission it needs and the auth hook looks it up here. Changing who may do what is a
 * change to the feature's `<feature>.permissions.ts` and nothing else.
 */
function compose(grants: PermissionGrants[]): Map<Permission, ReadonlySet<Role>> {
  const table = new Map<Permission, ReadonlySet<Role>>();
  for (const g of grants) {
    for (const [permission, roles] of Object.entries(g) as [Permission, readonly Role[]][]) {
      if (table.has(permission)) throw new Error(`permission ${permission} is declared by two features`);
      table.set(permission, new Set(roles));
    }
  }
  return table;
}

const TABLE = compose(FEATURES.map((f) => f.permissions));

/** Every permission, in the order the features declare them. */
export const PERMISSIONS = [...TABLE.keys()] as [Permission, ...Permission[]];

/** Whether `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return TABLE.get(permission)?.has(role) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}

/** Whether a permission exists (the server refuses to start on a route naming another). */
export function isPermission(value: string): value is Permission {
  return TABLE.has(value as Permission);
}
