import { fileReadError, MAX_RECORD_CHARS, type FileReadError } from './raw-record.ts';

export interface JsonElement {
  /** 1-based position in the array. */
  index: number;
  /** The element's JSON text, not yet parsed. */
  text: string;
}

const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;

/**
 * Cuts a top-level JSON array into element texts as text arrives, so a large export is never
 * held whole. It only tracks nesting and strings; each element is parsed by JSON.parse later.
 */
export class JsonArraySplitter {
  private buffer = '';
  private scanAt = 0;
  private elementStart = -1;
  private depth = 0; // nesting inside the top-level array
  private inString = false;
  private escaped = false;
  private isOpen = false;
  private isClosed = false;
  private count = 0;
  private tooLong: FileReadError | undefined;

  /** Returns the elements completed by `text`; throws FileReadError on a non-array or truncated file. */
  push(text: string, isLast: boolean): JsonElement[] {
    if (this.tooLong) throw this.tooLong;
    this.buffer += text;
    const s = this.buffer;
    const elements: JsonElement[] = [];
    let i = this.scanAt;
    if (!this.isOpen) {
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      if (i < s.length) {
        if (s.charCodeAt(i) !== OPEN_BRACKET) {
          throw fileReadError('file.notArray', { start: s.slice(i, i + 10) });
        }
        this.isOpen = true;
        i++;
        this.elementStart = i;
      }
    }
    for (; this.isOpen && !this.isClosed && i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || (c === CLOSE_BRACKET && this.depth > 0)) this.depth--;
      else if (this.depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
        const element = s.slice(this.elementStart, i).trim();
        if (element !== '' || c === COMMA || this.count > 0) {
          this.count++;
          elements.push({ index: this.count, text: element });
        }
        this.elementStart = i + 1;
        if (c === CLOSE_BRACKET) this.isClosed = true;
      }
    }
    if (this.isClosed) {
      const trailing = s.slice(i).trim();
      if (trailing !== '') throw fileReadError('file.textAfterArray', { text: trailing.slice(0, 20) });
      this.buffer = '';
      this.scanAt = 0;
      return elements;
    }
    if (isLast) {
      if (!this.isOpen) throw fileReadError('file.empty');
      throw fileReadError('file.arrayNotClosed', { count: this.count });
    }
    // Keep only the unfinished element; indices shift by what is dropped.
    const keepFrom = Math.max(0, this.elementStart);
    this.buffer = s.slice(keepFrom);
    this.scanAt = i - keepFrom;
    this.elementStart -= keepFrom;
    // Thrown on the next push, so the elements completed by this one still come out.
    if (this.buffer.length > MAX_RECORD_CHARS) this.tooLong = fileReadError('file.recordTooLong', { row: this.count + 1, limit: MAX_RECORD_CHARS });
    return elements;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}
