import { test, expect } from 'vitest';
import { AuthenticityIndex } from './authenticity.ts';

test('scores a new text that nearly repeats another author’s review', () => {
  const index = new AuthenticityIndex();
  index.add('alice', 'Best clinic in town, the doctors are amazing and the staff so friendly!', new Date('2026-01-01T10:00:00Z'));
  const result = index.score('bob', 'Best clinic in town, the doctors are amazing and staff so friendly!!', new Date('2026-02-01T10:00:00Z'));
  expect(result.signals[0]).toMatch(/^near_duplicate_across_authors:1/);
  expect(result.score).toBeGreaterThan(0.4);
});

test('reports a burst of mentions within one hour', () => {
  const index = new AuthenticityIndex();
  const base = Date.parse('2026-03-01T12:00:00Z');
  for (let i = 0; i < 6; i++) index.add(`user${i}`, `Different review number ${i} about something else entirely`, new Date(base + i * 60_000));
  const result = index.score('user9', 'Yet another unrelated opinion about parking', new Date(base + 3 * 60_000));
  expect(result.signals.some((signal) => signal.startsWith('burst:'))).toBe(true);
});

test('leaves unrelated texts unflagged', () => {
  const index = new AuthenticityIndex();
  index.add('alice', 'The parking was hard to find but the nurse was lovely.', new Date('2026-01-01T10:00:00Z'));
  const result = index.score('bob', 'Waited two hours for a blood test, nobody explained anything.', new Date('2026-01-05T10:00:00Z'));
  expect(result).toEqual({ score: 0, signals: [] });
});
