/**
 * Line breaking for posters, pure (the width of a string comes from the caller's measure, so the
 * PNG and the PDF break the same lines and the tests can use a fixed-width one). Chinese breaks
 * between any two characters and is never joined by spaces; Russian and English break between
 * words, never inside one unless a word alone is wider than the line (then between its letters,
 * without a hyphen). Kinsoku: closing punctuation (。，、！？）」 …) never starts a line and opening
 * punctuation (（「 …) never ends one — each is kept with its neighbour.
 */

/** The width of `text` at font size `size` (bold or regular), in the same units as the line width. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** May not start a line: closing brackets and quotes, stops, commas, Chinese small kana-like marks. */
export const NO_LINE_START = new Set([...'。，、．！？：；）」』】》〉”’…—～·%)]}!?,.:;»']);
/** May not end a line: opening brackets and quotes. */
export const NO_LINE_END = new Set([...'（「『【《〈“‘([{«']);

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Whether a character is set one by one (Chinese and full-width forms). */
export const isCjk = (ch: string): boolean => CJK.test(ch);

/**
 * The unbreakable pieces of a text, in order: one per Chinese character, one per word (with the
 * spaces after it), with kinsoku applied (a piece that may not start a line joins the one before, a
 * piece that may not end a line joins the one after).
 */
export function breakUnits(text: string): string[] {
  const raw: string[] = [];
  let word = '';
  const flush = () => {
    if (word) raw.push(word);
    word = '';
  };
  for (const ch of text.replace(/\s+/gu, ' ').trim()) {
    if (ch === ' ') {
      word += ch;
      flush();
    } else if (isCjk(ch)) {
      flush();
      raw.push(ch);
    } else word += ch; // Latin and Cyrillic letters, digits and half-width marks build words
  }
  flush();
  // Kinsoku: glue forbidden starts to the previous piece, forbidden ends to the next one.
  const units: string[] = [];
  for (const piece of raw) {
    const first = [...piece][0]!;
    if (units.length > 0 && NO_LINE_START.has(first)) units[units.length - 1] += piece;
    else units.push(piece);
  }
  const out: string[] = [];
  for (let i = 0; i < units.length; i++) {
    let piece = units[i]!;
    while (NO_LINE_END.has(lastChar(piece.trimEnd())) && i + 1 < units.length) piece += units[++i]!;
    out.push(piece);
  }
  return out;
}

function lastChar(s: string): string {
  const chars = [...s];
  return chars[chars.length - 1] ?? '';
}

/** Breaks `text` into lines no wider than `width` at `size`; explicit line breaks are kept. */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/u)) {
    const units = breakUnits(paragraph);
    let line = '';
    for (const unit of units) {
      const candidate = line + unit;
      if (line === '' || measure(candidate.trimEnd(), size, bold) <= width) {
        line = candidate;
        if (line === unit && measure(unit.trimEnd(), size, bold) > width) {
          // A single piece wider than the line (a very long word): split it between letters, no hyphen.
          const parts = splitLong(unit, width, size, bold, measure);
          lines.push(...parts.slice(0, -1));
          line = parts[parts.length - 1]!;
        }
        continue;
      }
      lines.push(line.trimEnd());
      line = unit;
      if (measure(unit.trimEnd(), size, bold) > width) {
        const parts = splitLong(unit, width, size, bold, measure);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1]!;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines;
}

function splitLong(unit: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of unit) {
    if (part && measure((part + ch).trimEnd(), size, bold) > width) {
      parts.push(part);
      part = '';
    }
    part += ch;
  }
  parts.push(part);
  return parts;
}

export interface FittedText {
  lines: string[];
  size: number;
  lineHeight: number;
}

/**
 * The largest font size from `maxSize` down to `minSize` at which `text` fits in `width` × `height`
 * (line height 1.45 × size); at the smallest size the lines that do not fit are cut and the last
 * one ends in an ellipsis.
 */
export function fitText(text: string, box: { width: number; height: number }, sizes: { max: number; min: number }, bold: boolean, measure: Measure): FittedText {
  for (let size = sizes.max; size >= sizes.min; size -= 2) {
    const lines = wrapText(text, box.width, size, bold, measure);
    const lineHeight = Math.round(size * 1.45);
    if (lines.length * lineHeight <= box.height) return { lines, size, lineHeight };
  }
  const size = sizes.min;
  const lineHeight = Math.round(size * 1.45);
  const max = Math.max(1, Math.floor(box.height / lineHeight));
  const lines = wrapText(text, box.width, size, bold, measure);
  if (lines.length <= max) return { lines, size, lineHeight };
  const kept = lines.slice(0, max);
  kept[max - 1] = `${[...kept[max - 1]!].slice(0, -1).join('')}…`;
  return { lines: kept, size, lineHeight };
}
