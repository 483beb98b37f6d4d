import type { CheckFinding } from './types.ts';

export interface FindingMark extends CheckFinding {
  check: 'privacy' | 'brandVoice';
}

export interface FindingSegment {
  start: number;
  end: number;
  marks: FindingMark[];
}

/** Cuts a draft at every finding's boundary, so overlapping findings each colour their own piece. */
export function segmentFindings(length: number, findings: FindingMark[]): FindingSegment[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, Math.trunc(n)));
  const marks = findings.map((f) => ({ ...f, span: [clamp(f.span[0]), clamp(f.span[1])] as [number, number] })).filter((f) => f.span[1] > f.span[0]);
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(m.span[0]);
    cuts.add(m.span[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: FindingSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end > start) segments.push({ start, end, marks: marks.filter((m) => m.span[0] <= start && m.span[1] >= end) });
  }
  return segments;
}
