import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030' | 'windows-1251';

/**
 * Guesses the encoding from the first bytes: valid UTF-8 wins; otherwise GB18030 and
 * Windows-1251 are both tried and the one that reads as more plausible text wins.
 * `isWhole` says the head is the whole file, so a cut multi-byte character at its end is an error.
 */
export function detectEncoding(head: Buffer, isWhole: boolean): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !isWhole });
    return 'utf-8';
  } catch {
    // not UTF-8: fall through to the legacy code pages
  }
  return chinesePlausibility(head) >= cyrillicPlausibility(head) ? 'gb18030' : 'windows-1251';
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
    if (/^[А-ЯЁ]?[а-яё]+$/.test(word[0]) || /^[А-ЯЁ]+$/.test(word[0])) good += word[0].length;
  }
  for (const punct of text.matchAll(/[«»№—–…]/g)) good += punct[0].length;
  return good / highBytes;
}

/** Decodes a byte stream chunk by chunk; multi-byte characters cut between chunks are joined. */
export async function* decodeStream(bytes: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  for await (const chunk of bytes) {
    const text = decoder.write(chunk);
    if (text.length > 0) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
