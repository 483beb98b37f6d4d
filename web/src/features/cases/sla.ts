import type { SlaState } from '../../lib/vocab.ts';
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
const dueSoonMs = 60 * 60 * 1000;

/**
 * The colour of a countdown between the server's refreshes: the server's state, made worse when the
 * clock on screen has run past the deadline (breached) or within the last hour of it (due soon).
 */
export function liveSlaState(serverState: SlaState, remainingMs: number): SlaState {
  const local: SlaState = remainingMs <= 0 ? 'breached' : remainingMs <= dueSoonMs ? 'due_soon' : 'ok';
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
