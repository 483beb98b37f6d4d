import { describe, expect, test } from 'vitest';
import { segmentFindings } from './finding-spans.ts';

describe('segmentFindings', () => {
  test('marks each finding and leaves the rest of the draft plain', () => {
    const segments = segmentFindings(20, [{ check: 'privacy', span: [6, 11], term: 'March', reason: 'date' }]);
    expect(segments.map((s) => [s.start, s.end, s.marks.length])).toEqual([
      [0, 6, 0],
      [6, 11, 1],
      [11, 20, 0],
    ]);
  });

  test('splits overlapping findings and ignores spans outside a shortened draft', () => {
    const segments = segmentFindings(10, [
      { check: 'privacy', span: [2, 6], term: 'a', reason: 'x' },
      { check: 'brandVoice', span: [4, 8], term: 'b', reason: 'y' },
      { check: 'brandVoice', span: [12, 15], term: 'gone', reason: 'z' },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.marks.map((m) => m.check).join('+')])).toEqual([
      [0, 2, ''],
      [2, 4, 'privacy'],
      [4, 6, 'privacy+brandVoice'],
      [6, 8, 'brandVoice'],
      [8, 10, ''],
    ]);
  });
});
