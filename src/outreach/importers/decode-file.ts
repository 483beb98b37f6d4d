import iconv from 'iconv-lite';

/**
 * A visit file's text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030, the encoding
 * Chinese hospital systems export CSV in (a superset of GBK and GB2312).
 */
export function decodeVisitFile(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer, 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer, 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}
