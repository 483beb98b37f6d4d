import { Unzip, UnzipInflate } from 'fflate';
import { fileReadError, type FileReadError } from './raw-record.ts';

/** What an XLSX may unpack to in all (every entry together): a zip bomb is refused on the way, before it is unpacked further. */
export const MAX_XLSX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/** Input is inflated in slices of this size, so one chunk of a bomb never expands to more than about 1,000 times it at once. */
const SLICE_BYTES = 4096;
const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];

/**
 * Counts what a ZIP stream unpacks to while it passes, with fflate inflating beside the real
 * reader (exceljs), which therefore never sees the bytes past the bound. `fault` is set, and
 * `onFault` called, when the archive unpacks past `maxBytes`, is damaged, or ends before its
 * central directory (a cut-off file, on which exceljs would wait for ever).
 */
export class ZipGuard {
  private readonly unzip = new Unzip();
  private unpacked = 0;
  private open = 0;
  private tail = new Uint8Array(0);
  fault: FileReadError | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onFault: (fault: FileReadError) => void,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => {
      this.open++;
      file.ondata = (error, data, final) => {
        if (error) return this.trip(fileReadError('file.xlsxDamaged', { detail: `${file.name}: ${error.message}` }));
        this.unpacked += data.length;
        if (this.unpacked > this.maxBytes) this.trip(fileReadError('file.xlsxTooLarge', { megabytes: Math.round(this.maxBytes / 1024 / 1024) }));
        if (final) this.open--;
      };
      file.start();
    };
  }

  /** Inflates `chunk` (counting it); false once the archive is refused. */
  push(chunk: Uint8Array): boolean {
    for (let at = 0; at < chunk.length && !this.fault; at += SLICE_BYTES) {
      try {
        this.unzip.push(chunk.subarray(at, at + SLICE_BYTES));
      } catch (error) {
        this.trip(fileReadError('file.xlsxDamaged', { detail: (error as Error).message }));
      }
    }
    const keep = 64 * 1024 + 22; // the end record and its longest comment
    const joined = new Uint8Array(Math.min(keep, this.tail.length + chunk.length));
    const fromTail = joined.length - Math.min(chunk.length, joined.length);
    joined.set(this.tail.subarray(this.tail.length - fromTail), 0);
    joined.set(chunk.subarray(chunk.length - (joined.length - fromTail)), fromTail);
    this.tail = joined;
    return !this.fault;
  }

  /** At the end of the input: an entry still open or no end record means the file was cut off. */
  end(): boolean {
    if (this.fault) return false;
    if (this.open > 0 || !hasEndRecord(this.tail)) this.trip(fileReadError('file.xlsxDamaged', { detail: 'the archive ends before its directory (the file was cut off)' }));
    return !this.fault;
  }

  private trip(fault: FileReadError): void {
    if (this.fault) return;
    this.fault = fault;
    this.onFault(fault);
  }
}

function hasEndRecord(tail: Uint8Array): boolean {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (END_OF_CENTRAL_DIRECTORY.every((byte, k) => tail[at + k] === byte)) return true;
  }
  return false;
}
