import { fileReadError, MAX_RECORD_CHARS, type FileReadError } from './raw-record.ts';

export interface CsvRow {
  /** Line on which the record starts (1-based). */
  line: number;
  fields: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits decoded CSV text into records, chunk by chunk, keeping an unfinished record for the
 * next chunk. Hand-written rather than csv-parse so that each record knows the line it starts on
 * (records may hold quoted newlines) and a bad row does not stop the file.
 */
export class CsvSplitter {
  private rest = '';
  private line = 1;
  private tooLong: FileReadError | undefined;
  private readonly delimiter: number;

  /** `maxRecord`: the longest unfinished record kept for the next chunk; a longer one throws `file.recordTooLong`, so one endless line costs linear time and bounded memory. */
  constructor(
    delimiter: string,
    private readonly maxRecord = MAX_RECORD_CHARS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw fileReadError('file.badDelimiter', { delimiter });
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Returns the records completed by `text`; throws FileReadError when the file ends inside a quoted field. */
  push(text: string, isLast: boolean): CsvRow[] {
    if (this.tooLong) throw this.tooLong;
    const s = this.rest.length > 0 ? this.rest + text : text;
    const len = s.length;
    const delimiter = this.delimiter;
    const rows: CsvRow[] = [];
    let pos = 0;
    let line = this.line;

    records: while (pos < len) {
      const fields: string[] = [];
      let i = pos;
      let innerLines = 0;
      for (;;) {
        let value = '';
        if (i < len && s.charCodeAt(i) === QUOTE) {
          let from = i + 1;
          for (;;) {
            const quote = s.indexOf('"', from);
            if (quote === -1 || (quote + 1 === len && !isLast)) {
              if (isLast && quote === -1) throw this.unterminated(s, pos, i, line, fields.length + 1);
              break records; // wait for more text: the quote may be doubled in the next chunk
            }
            if (quote + 1 < len && s.charCodeAt(quote + 1) === QUOTE) {
              value += s.slice(from, quote + 1);
              from = quote + 2;
              continue;
            }
            value += s.slice(from, quote);
            i = quote + 1;
            break;
          }
          innerLines += countLineBreaks(value);
        }
        // Unquoted field, or text after a closing quote (kept, leniently, as part of the field).
        const start = i;
        while (i < len) {
          const c = s.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        if (i === len && !isLast) break records;
        value = i > start ? value + s.slice(start, i) : value;
        fields.push(value);
        if (i === len) {
          rows.push({ line, fields });
          pos = len;
          break records;
        }
        const c = s.charCodeAt(i);
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === CR) {
          if (i + 1 === len && !isLast) break records; // a CRLF may be split across chunks
          if (i + 1 < len && s.charCodeAt(i + 1) === LF) i++;
        }
        rows.push({ line, fields });
        line += 1 + innerLines;
        pos = i + 1;
        break;
      }
    }
    this.rest = pos < len ? s.slice(pos) : '';
    this.line = line;
    // Thrown on the next push, so the records completed by this one still come out.
    if (this.rest.length > this.maxRecord) this.tooLong = fileReadError('file.recordTooLong', { row: line, limit: this.maxRecord });
    return rows;
  }

  private unterminated(s: string, recordStart: number, quoteAt: number, recordLine: number, column: number): FileReadError {
    const quoteLine = recordLine + countLineBreaks(s.slice(recordStart, quoteAt));
    return fileReadError('file.unclosedQuote', { line: quoteLine, column });
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at !== -1) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  if (count === 0 && text.includes('\r')) {
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === CR) count++;
  }
  return count;
}

const DELIMITER_CANDIDATES = [',', ';', '\t', '|'];

/** Picks the delimiter that splits the first lines into the same, largest number of columns; ',' when none does. */
export function detectDelimiter(head: string): string {
  const lines: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let inQuotes = false;
  let lineHasText = false;
  for (let k = 0; k < head.length && lines.length < 20; k++) {
    const c = head[k]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') {
      if (lineHasText) lines.push(counts);
      counts = new Map();
      lineHasText = false;
    } else if (!inQuotes && DELIMITER_CANDIDATES.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (c.trim() !== '') lineHasText = true;
  }
  if (lineHasText && lines.length === 0) lines.push(counts);
  let best = ',';
  let bestScore = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const headerCount = lines[0]?.get(candidate) ?? 0;
    if (headerCount === 0) continue;
    const agreeing = lines.filter((l) => (l.get(candidate) ?? 0) === headerCount).length / lines.length;
    const score = agreeing * 1000 + headerCount;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
