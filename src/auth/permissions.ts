/** The roles a user can have; department_head (and staff) see only their departments. */
export const ROLES = ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'mentions.read',
  'mentions.write',
  'mentions.triage',
  'imports.run',
  'sources.manage',
  'org.read',
  'org.manage',
  'users.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one permission table: every route names the permission it needs and the auth hook looks it
 * up here. Changing who may do what is a change to this table and nothing else.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  leadership: ['mentions.read', 'mentions.write', 'mentions.triage', 'org.read', 'audit.read'],
  pr: ['mentions.read', 'mentions.write', 'mentions.triage', 'imports.run', 'sources.manage', 'org.read'],
  marketing: ['mentions.read', 'mentions.write', 'imports.run', 'org.read'],
  service: ['mentions.read', 'mentions.write', 'mentions.triage', 'imports.run', 'org.read'],
  department_head: ['mentions.read', 'mentions.triage', 'org.read'],
  staff: ['mentions.read', 'org.read'],
  viewer: ['mentions.read', 'org.read'],
};

/** Whether `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/** Roles whose view of mentions is limited to the departments assigned to the user. */
export function isDepartmentScoped(role: Role): boolean {
  return role === 'department_head' || role === 'staff';
}
