import { dueSoon, type SlaState } from '../../lib/vocab.ts';
import type { Case } from './types.ts';

/** The deadline a case is counting down to: first response until someone answered, then resolution. */
export function slaTarget(c: Pick<Case, 'status' | 'respondedAt' | 'firstResponseDueAt' | 'resolutionDueAt'>): {
  kind: 'firstResponse' | 'resolution';
  dueAt: string;
} | null {
  if (c.status === 'closed') return null;
  if (!c.respondedAt && c.firstResponseDueAt) return { kind: 'firstResponse', dueAt: c.firstResponseDueAt };
  if (c.resolutionDueAt) return { kind: 'resolution', dueAt: c.resolutionDueAt };
  return null;
}

const severity: Record<SlaState, number> = { ok: 0, due_soon: 1, breached: 2 };
/** A clock whose window is not known is taken as five hours long, so it turns amber in its last hour. */
const defaultWindowMs = 5 * 60 * 60 * 1000;

/**
 * The colour of a countdown between the server's refreshes: the server's state, made worse when the
 * clock on screen has run past the deadline (breached) or into the server's "due soon" stretch of a
 * window `windowMs` long (from the case's opening to the deadline).
 */
export function liveSlaState(serverState: SlaState, remainingMs: number, windowMs = defaultWindowMs): SlaState {
  const window = Number.isFinite(windowMs) && windowMs > 0 ? windowMs : defaultWindowMs;
  const local: SlaState = remainingMs <= 0 ? 'breached' : dueSoon(remainingMs, remainingMs - window, 0) ? 'due_soon' : 'ok';
  return severity[local] > severity[serverState] ? local : serverState;
}

/** Splits a duration into whole days, hours and minutes (rounded towards zero), keeping its sign apart. */
export function splitDuration(ms: number): { overdue: boolean; days: number; hours: number; minutes: number } {
  const overdue = ms < 0;
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  return {
    overdue,
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}
