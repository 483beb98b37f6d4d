import type { Locale } from '../core/i18n.ts';
import { auditMessages } from './audit.messages.ts';
import { AUDIT_ACTIONS, type AuditAction } from './audit.vocab.ts';

/** Whether a stored action is one of AUDIT_ACTIONS (a row written before an action was renamed may not be). */
export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The name of an audit action in `locale`; an action outside the list reads as its id, never blank. */
export function actionLabel(locale: Locale, action: string): string {
  return isAuditAction(action) ? auditMessages.render(locale, `action.${action}`) : action;
}
