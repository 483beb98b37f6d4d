import { expect, test } from 'vitest';
import { searchLexemes, searchQuery, searchVector } from './search-tokens.ts';

test('cuts traditional Chinese into simplified words', () => {
  const lexemes = searchLexemes('醫生很耐心，但是排隊等了三個小時');
  expect(lexemes).toContain('医生');
  expect(lexemes).toContain('排队');
});

test('stems Russian and English words so that inflected forms meet', () => {
  expect(searchLexemes('ждали в очереди')).toContain(searchLexemes('очередь')[0]);
  expect(searchLexemes('Waiting rooms')).toEqual(['wait', 'room']);
});

test('writes a tsvector literal of quoted lexemes', () => {
  expect(searchVector("The doctor's queue")).toBe("'the' 'doctor' 's' 'queue'");
});

test('has no query for punctuation alone and a prefix query for a last word', () => {
  expect(searchQuery('?!，。')).toBeNull();
  expect(searchQuery('очередь')).toBe("'очеред':*");
  expect(searchQuery('排队 doctor')).toBe("'排队' & 'doctor':*");
});
