import { expect, test } from 'vitest';
import { slaStateOf } from './cases.vocab.ts';

const hour = 3_600_000;
const openedAt = new Date('2026-03-04T00:00:00Z');
const base = { status: 'new', respondedAt: null, openedAt, firstResponseDueAt: new Date(openedAt.getTime() + 4 * hour), resolutionDueAt: new Date(openedAt.getTime() + 40 * hour) };
const at = (hours: number) => new Date(openedAt.getTime() + hours * hour);

test('is ok early in the first-response window', () => {
  expect(slaStateOf(base, at(1))).toBe('ok');
});

test('is due soon in the last fifth of the window', () => {
  expect(slaStateOf(base, at(3.5))).toBe('due_soon');
});

test('is breached past the first-response due time', () => {
  expect(slaStateOf(base, at(4.01))).toBe('breached');
});

test('follows the resolution due time once the case is answered', () => {
  expect(slaStateOf({ ...base, respondedAt: at(5) }, at(6))).toBe('ok');
  expect(slaStateOf({ ...base, respondedAt: at(5) }, at(41))).toBe('breached');
});

test('is ok for a closed case whatever the clock says', () => {
  expect(slaStateOf({ ...base, status: 'closed' }, at(100))).toBe('ok');
});
