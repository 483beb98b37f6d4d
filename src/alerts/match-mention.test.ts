import { expect, test } from 'vitest';
import { isInScope, matchesConditions, type AnalysedMention } from './match-mention.ts';

const mention: AnalysedMention = {
  id: 'm1',
  locationId: 'loc-1',
  departmentId: 'dep-1',
  sourceId: 'src-1',
  sentiment: 'negative',
  risks: ['legal_threat'],
  staffIds: ['staff-1'],
  rating: 2,
  title: null,
  text: 'Waited three hours; the Reception was rude',
};

test('matches when every condition of the rule holds', () => {
  expect(matchesConditions({ ratingAtMost: 2, sentimentNegative: true, anyRisk: true, risks: ['media', 'legal_threat'], staffIds: ['staff-1'], keywords: ['reception'] }, mention)).toBe(true);
});

test('does not match when one condition fails', () => {
  expect(matchesConditions({ ratingAtMost: 1, sentimentNegative: true }, mention)).toBe(false);
  expect(matchesConditions({ sentimentNegative: true }, { ...mention, sentiment: 'positive' })).toBe(false);
  expect(matchesConditions({ risks: ['death'] }, mention)).toBe(false);
  expect(matchesConditions({ keywords: ['parking'] }, mention)).toBe(false);
  expect(matchesConditions({ ratingAtMost: 5 }, { ...mention, rating: null })).toBe(false);
});

test('"negative sentiment" matches a complaint: negative or mixed', () => {
  expect(matchesConditions({ sentimentNegative: true }, { ...mention, sentiment: 'mixed' })).toBe(true);
  expect(matchesConditions({ sentimentNegative: true }, { ...mention, sentiment: 'neutral' })).toBe(false);
});

test('keeps a mention outside the scope out', () => {
  expect(isInScope({ locationIds: [], departmentIds: [], sourceIds: [] }, mention)).toBe(true);
  expect(isInScope({ locationIds: ['loc-1'], departmentIds: ['dep-1'], sourceIds: [] }, mention)).toBe(true);
  expect(isInScope({ locationIds: ['loc-2'], departmentIds: [], sourceIds: [] }, mention)).toBe(false);
  expect(isInScope({ locationIds: [], departmentIds: ['dep-1'], sourceIds: [] }, { ...mention, departmentId: null })).toBe(false);
});
