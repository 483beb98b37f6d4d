/** One data row of an uploaded file, keyed by the file's own column names. */
export interface RawRecord {
  /** 1-based row number as the user sees it: CSV line (header = 1), JSONL line, JSON array index, XLSX sheet row. */
  row: number;
  fields: Record<string, unknown>;
}

/** A row that cannot be read; it is reported and reading goes on. `error` does not repeat the row number. */
export interface RowError {
  row: number;
  error: string;
}

/** The file as a whole cannot be read (empty, binary, truncated, no usable header). */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

export function isRowError(item: RawRecord | RowError): item is RowError {
  return 'error' in item;
}

/** Rejects empty, blank and repeated column names; returns the trimmed names. Throws FileReadError. */
export function checkHeader(names: string[], where: string): string[] {
  const trimmed = names.map((name) => name.replace(/^\uFEFF/, '').trim());
  if (trimmed.length === 0 || trimmed.every((name) => name === '')) {
    throw new FileReadError(`${where} has no header row`);
  }
  const seen = new Map<string, number>();
  trimmed.forEach((name, index) => {
    if (name === '') throw new FileReadError(`${where}: header column ${index + 1} has no name`);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new FileReadError(`${where}: header names '${name}' twice (columns ${earlier + 1} and ${index + 1})`);
    }
    seen.set(name, index);
  });
  return trimmed;
}
