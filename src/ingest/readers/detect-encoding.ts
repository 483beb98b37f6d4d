import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030' | 'windows-1251' | 'windows-1252';

/** How many bytes from the first non-ASCII one the guess reads. */
export const DETECT_BYTES = 64 * 1024;

/**
 * Guesses the encoding from the bytes: valid UTF-8 wins; otherwise GB18030, Windows-1251 and
 * Windows-1252 (Latin-1) are each tried and the one that reads as the most plausible text wins,
 * chardet's guess counting as a tie-breaker. `isWhole` says the bytes are the whole file, so a cut
 * multi-byte character at their end is an error.
 */
export function detectEncoding(head: Buffer, isWhole: boolean): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !isWhole });
    return 'utf-8';
  } catch {
    // not UTF-8: fall through to the legacy code pages
  }
  const guess = chardetGuess(head);
  const scores: [TextEncoding, number][] = [
    ['gb18030', chinesePlausibility(head) + (guess === 'gb18030' ? 0.25 : 0)],
    ['windows-1251', cyrillicPlausibility(head) + (guess === 'windows-1251' ? 0.25 : 0)],
    ['windows-1252', latinPlausibility(head) + (guess === 'windows-1252' ? 0.25 : 0)],
  ];
  let best = scores[0]!;
  for (const score of scores) if (score[1] > best[1]) best = score;
  return best[0];
}

/** chardet's first guess among the code pages Verity reads (ISO-8859-1 read as its superset Windows-1252). */
function chardetGuess(head: Buffer): TextEncoding | undefined {
  const name = chardet.detect(head.subarray(0, 16 * 1024))?.toLowerCase();
  if (name === 'gb18030' || name === 'gbk' || name === 'gb2312') return 'gb18030';
  if (name === 'windows-1251') return 'windows-1251';
  if (name === 'windows-1252' || name === 'iso-8859-1' || name === 'iso-8859-15') return 'windows-1252';
  return undefined;
}

/**
 * Share of non-ASCII bytes that read, in Windows-1252, as Latin accents inside words ("café",
 * "Müller", "niño") or typographic punctuation. Cyrillic or Chinese bytes read this way come in
 * long runs of letters that touch no ASCII letter.
 */
function latinPlausibility(head: Buffer): number {
  const text = iconv.decode(head, 'windows-1252');
  let highBytes = 0;
  for (const byte of head) if (byte >= 0x80) highBytes++;
  if (highBytes === 0) return 0;
  let good = 0;
  for (const run of text.matchAll(/[\u0080-\uffff]+/g)) {
    const chars = run[0];
    const before = text[run.index - 1] ?? '';
    const after = text[run.index + chars.length] ?? '';
    const touchesWord = /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after);
    if (chars.length <= 2 && touchesWord && /^[À-ÖØ-öø-ÿŒœŠšŽžŸ]+$/.test(chars)) good += chars.length;
    else if (chars.length === 1 && /[’‘“”–—…«»°€£§]/.test(chars)) good += 1;
  }
  return good / highBytes;
}

/**
 * Share of non-ASCII bytes that decode as common Chinese characters. Cyrillic text read as
 * GB18030 mostly lands in rare characters (lowercase Cyrillic bytes are GB2312 level-2 or
 * private-use lead bytes) or breaks on a word end followed by ASCII.
 */
function chinesePlausibility(head: Buffer): number {
  const text = iconv.decode(head, 'gb18030');
  let good = 0;
  let highBytes = 0;
  for (const byte of head) if (byte >= 0x80) highBytes++;
  if (highBytes === 0) return 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if (code >= 0x4e00 && code <= 0x9fff) {
      // GB2312 level-1 (lead bytes 0xB0-0xD7) holds the ~3,750 everyday characters.
      const lead = iconv.encode(char, 'gb18030')[0]!;
      good += lead >= 0xb0 && lead <= 0xd7 ? 2 : 0.5;
    } else if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) {
      good += 2; // CJK and full-width punctuation
    } else if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) {
      good -= 2;
    }
  }
  return good / highBytes;
}

/** Share of non-ASCII bytes that form Cyrillic words: lowercase, or capitalised once. */
function cyrillicPlausibility(head: Buffer): number {
  const text = iconv.decode(head, 'windows-1251');
  let highBytes = 0;
  for (const byte of head) if (byte >= 0x80) highBytes++;
  if (highBytes === 0) return 0;
  let good = 0;
  for (const word of text.matchAll(/[\u0400-\u04ff]+/g)) {
    // A Cyrillic letter inside a Latin word ("Trиs") is a Latin accent read in the wrong code page.
    if (/[A-Za-z]/.test(text[word.index - 1] ?? '') || /[A-Za-z]/.test(text[word.index + word[0].length] ?? '')) continue;
    if (/^[А-ЯЁ]?[а-яё]+$/.test(word[0]) || /^[А-ЯЁ]+$/.test(word[0])) good += word[0].length;
  }
  for (const punct of text.matchAll(/[«»№—–…]/g)) good += punct[0].length;
  return good / highBytes;
}

/**
 * Decodes a byte stream chunk by chunk in one encoding; multi-byte characters cut between chunks
 * are joined. With 'auto' the ASCII before the first non-ASCII byte passes as it is (every
 * encoding read here agrees on it) and the encoding is guessed on the DETECT_BYTES from that byte
 * on, wherever in the file it is, then used for the whole rest. Bytes not valid in it come out as
 * U+FFFD, which the readers report per row (textFault) instead of storing.
 */
export async function* decodeStream(bytes: AsyncIterable<Buffer>, encoding: TextEncoding | 'auto', onDetected?: (encoding: TextEncoding) => void): AsyncGenerator<string> {
  const iterator = bytes[Symbol.asyncIterator]();
  let chosen: TextEncoding | undefined = encoding === 'auto' ? undefined : encoding;
  let pending: Buffer | undefined;
  let isFirst = true;
  while (!chosen) {
    const next = await iterator.next();
    if (next.done) {
      if (pending) {
        chosen = detectEncoding(pending, true);
        break;
      }
      return;
    }
    const chunk = next.value;
    if (pending) pending = Buffer.concat([pending, chunk]);
    else {
      if (isFirst && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        chosen = 'utf-8'; // a BOM says so; the decoder strips it
        pending = chunk;
        break;
      }
      isFirst = false;
      const high = chunk.findIndex((byte) => byte >= 0x80);
      if (high === -1) {
        if (chunk.length > 0) yield chunk.toString('latin1');
        continue;
      }
      if (high > 0) yield chunk.toString('latin1', 0, high);
      pending = chunk.subarray(high);
    }
    if (pending.length >= DETECT_BYTES) chosen = detectEncoding(pending.subarray(0, DETECT_BYTES), false);
  }
  onDetected?.(chosen);
  const decoder = iconv.getDecoder(chosen, { stripBOM: true });
  if (pending) {
    const text = decoder.write(pending);
    if (text.length > 0) yield text;
  }
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const text = decoder.write(next.value);
    if (text.length > 0) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
