import { defineFeature } from '../core/feature.ts';
import { auditPermissions } from './audit.permissions.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit log: who did what, when, from where. */
export const auditFeature = defineFeature({ name: 'audit', routes: [auditRoutes], jobs: [], permissions: auditPermissions });

export { recordAudit, auditBy, type AuditBy, type AuditEntry } from './record-audit.ts';
export { actionLabel } from './action-label.ts';
export type { AuditAction } from './audit.vocab.ts';
