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
  'alerts.read',
  'alerts.manage',
  'cases.read',
  'cases.work',
  'cases.manage',
  'replies.publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one permission table: every route names the permission it needs and the auth hook looks it
 * up here. Changing who may do what is a change to this table and nothing else.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  leadership: ['mentions.read', 'mentions.write', 'mentions.triage', 'org.read', 'audit.read', 'alerts.read', 'cases.read', 'cases.work', 'cases.manage', 'replies.publish'],
  pr: ['mentions.read', 'mentions.write', 'mentions.triage', 'imports.run', 'sources.manage', 'org.read', 'alerts.read', 'alerts.manage', 'cases.read', 'cases.work', 'replies.publish'],
  marketing: ['mentions.read', 'mentions.write', 'imports.run', 'org.read', 'alerts.read', 'cases.read'],
  service: ['mentions.read', 'mentions.write', 'mentions.triage', 'imports.run', 'org.read', 'alerts.read', 'cases.read', 'cases.work'],
  department_head: ['mentions.read', 'mentions.triage', 'org.read', 'alerts.read', 'cases.read', 'cases.work'],
  staff: ['mentions.read', 'org.read', 'cases.read'],
  viewer: ['mentions.read', 'org.read', 'alerts.read', 'cases.read'],
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
