import { describe, expect, test } from 'vitest';
import type { Analysis } from '../features/mentions/types.ts';
import { segmentText } from './segment-text.ts';

function analysis(partial: Partial<Analysis>): Analysis {
  return {
    sentiment: { label: 'negative', score: -0.5, confidence: 0.9 },
    aspects: [],
    risks: [],
    staff: [],
    ratingConflict: false,
    authenticity: { score: 1, signals: [] },
    modelVersion: 'test',
    ...partial,
  };
}

describe('segmentText', () => {
  test('returns the whole text as one plain segment without analysis', () => {
    expect(segmentText(10, null)).toEqual([{ start: 0, end: 10, marks: [] }]);
  });

  test('cuts overlapping spans so each piece carries every mark that covers it', () => {
    const text = '王医生态度很差，等了三个小时';
    const segments = segmentText(
      text.length,
      analysis({
        aspects: [{ aspect: 'process.attitude', polarity: 'negative', span: [0, 7] }],
        staff: [{ id: 's1', name: '王医生', span: [0, 3], confidence: 0.9 }],
      }),
    );
    expect(segments.map((s) => text.slice(s.start, s.end))).toEqual(['王医生', '态度很差', '，等了三个小时']);
    expect(segments[0]!.marks.map((m) => m.type).sort()).toEqual(['aspect', 'staff']);
    expect(segments[1]!.marks.map((m) => m.type)).toEqual(['aspect']);
    expect(segments[2]!.marks).toEqual([]);
  });

  test('clamps spans that run past the text and drops empty ones', () => {
    const segments = segmentText(
      5,
      analysis({
        risks: [
          { risk: 'death', span: [3, 99] },
          { risk: 'media', span: [2, 2] },
        ],
      }),
    );
    expect(segments).toEqual([
      { start: 0, end: 3, marks: [] },
      { start: 3, end: 5, marks: [{ type: 'risk', start: 3, end: 5, id: 'death' }] },
    ]);
  });
});
