import { describe, expect, test } from 'vitest';
import { hasMessage, LOCALES } from '../core/i18n.ts';
import { casesMessages, statusList } from './cases.messages.ts';
import { CASE_EVENT_TYPES, CASE_STATUSES, closableFrom, closeBlocker, DEFAULT_ROOT_CAUSES, defaultRootCauseOf, isDueSoon, slaStateOf, slaTarget, TIERS, TRANSITIONS } from './cases.vocab.ts';

const hour = 3_600_000;
const openedAt = new Date('2026-03-04T00:00:00Z');
const at = (hours: number) => new Date(openedAt.getTime() + hours * hour);

describe('the due-soon rule', () => {
  test('is the last fifth of the window', () => {
    // A 4-hour first response turns due soon 48 minutes before it is due.
    expect(isDueSoon(at(4), openedAt, at(3.19))).toBe(false);
    expect(isDueSoon(at(4), openedAt, at(3.2))).toBe(true);
    // A week-long resolution a day and a half before.
    expect(isDueSoon(at(168), openedAt, at(134))).toBe(false);
    expect(isDueSoon(at(168), openedAt, at(135))).toBe(true);
  });

  test('always includes the last quarter hour, even of a short window', () => {
    expect(isDueSoon(at(0.5), openedAt, at(0.2))).toBe(false);
    expect(isDueSoon(at(0.5), openedAt, at(0.26))).toBe(true);
  });

  test('is over once the due time has passed (that is breached)', () => {
    expect(isDueSoon(at(4), openedAt, at(4.01))).toBe(false);
    expect(slaStateOf({ status: 'new', respondedAt: null, openedAt, firstResponseDueAt: at(4), resolutionDueAt: at(40) }, at(4.01))).toBe('breached');
  });

  test('reads the ISO strings and epoch milliseconds the web holds as the server reads dates', () => {
    const c = { status: 'new', respondedAt: null, openedAt: openedAt.toISOString(), firstResponseDueAt: at(4).toISOString(), resolutionDueAt: at(40).toISOString() };
    expect(slaStateOf(c, at(3.5).getTime())).toBe('due_soon');
    expect(slaStateOf(c, at(1).toISOString())).toBe('ok');
    expect(slaTarget({ ...c, respondedAt: at(2).toISOString() })).toEqual({ kind: 'resolution', dueAt: c.resolutionDueAt });
  });
});

describe('the may-close rule', () => {
  test('checks the status first, then the root cause, then an action', () => {
    expect(closeBlocker({ tier: 'general', status: 'investigating', hasRootCause: false, actionCount: 0 })).toBe('status');
    expect(closeBlocker({ tier: 'general', status: 'responded', hasRootCause: false, actionCount: 0 })).toBe('root_cause');
    expect(closeBlocker({ tier: 'general', status: 'responded', hasRootCause: true, actionCount: 0 })).toBe('action');
    expect(closeBlocker({ tier: 'general', status: 'repairing', hasRootCause: true, actionCount: 1 })).toBeNull();
  });

  test('lets a malicious case close without a public response', () => {
    expect(closableFrom('malicious')).toContain('investigating');
    expect(closeBlocker({ tier: 'malicious', status: 'investigating', hasRootCause: true, actionCount: 1 })).toBeNull();
    expect(closeBlocker({ tier: 'major', status: 'investigating', hasRootCause: true, actionCount: 1 })).toBe('status');
  });

  test('never closes or reopens through a transition', () => {
    for (const status of CASE_STATUSES) expect(TRANSITIONS[status]).not.toContain('closed');
    expect(TRANSITIONS.closed).toEqual([]);
  });
});

describe('the names of the vocabulary', () => {
  test('every tier, status, timeline event and default root cause has a message', () => {
    const codes = [
      ...TIERS.map((t) => `tier.${t}`),
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...CASE_EVENT_TYPES.map((e) => `event.${e}`),
      ...DEFAULT_ROOT_CAUSES.map((r) => `rootCause.${r.id}`),
      ...TIERS.map((t) => `team.${t}`),
    ].map((key) => `${casesMessages.namespace}.${key}`);
    expect(codes.filter((code) => !hasMessage(code))).toEqual([]);
  });

  test('the English name of a default root cause is the label it is stored with', () => {
    for (const r of DEFAULT_ROOT_CAUSES) {
      expect(casesMessages.render('en', `rootCause.${r.id}`)).toBe(r.label);
      expect(defaultRootCauseOf(r.label)).toBe(r.id);
    }
    expect(defaultRootCauseOf('Parking')).toBeNull();
  });

  test('lists statuses in each language, and says none for an empty list', () => {
    expect(statusList('en', ['handling', 'responded'])).toBe('handling, responded');
    expect(statusList('zh-CN', ['handling', 'responded'])).toBe('处置中、已回应');
    for (const locale of LOCALES) expect(statusList(locale, [])).toBe(casesMessages.render(locale, 'none'));
  });
});
