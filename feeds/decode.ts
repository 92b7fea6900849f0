/**
 * The decode step: bytes to text. A gzip body the server forgot to label is unpacked (within the size
 * cap), then the cascade picks the encoding: BOM, UTF-16 by its first bytes (XML 1.0 Appendix F), valid
 * UTF-8, the HTTP charset, the XML declaration, detection for undeclared non-Latin scripts, and finally
 * UTF-8 with windows-1252 for the bytes that are not UTF-8.
 */
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import { FeedError } from './feed-error.ts';
import { tooLarge } from './http-get.ts';
import { charsetOf } from './http-headers.ts';

export type EncodingSource =
  'bom' | 'utf-16 sniffing' | 'valid utf-8' | 'http header' | 'xml declaration' | 'detected' | 'fallback';

export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
  readonly source: EncodingSource;
}

const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;

/** Unpacks a gzip body that arrived without Content-Encoding (a .gz file, a misconfigured server). */
export function unpackGzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw tooLarge(maxBytes);
    throw new FeedError('parse', 'the feed is gzip-compressed but the compressed data is damaged', { cause: error });
  }
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text when the bytes are valid UTF-8, else null. */
function asUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

const latin1 = new TextDecoder('latin1');

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1] ?? 0;
  // Overlong forms and surrogates are not UTF-8.
  if (
    (lead === 0xe0 && second < 0xa0) ||
    (lead === 0xed && second > 0x9f) ||
    (lead === 0xf0 && second < 0x90) ||
    (lead === 0xf4 && second > 0x8f)
  )
    return 0;
  return length;
}

/**
 * UTF-8 where it is UTF-8, windows-1252 for every other byte (read as Latin-1 here; fixC1Controls maps
 * the rest): what a mostly-UTF-8 feed with a stray legacy byte means.
 */
function decodeMixed(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8');
  let text = '';
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += utf8.decode(bytes.subarray(start, i)) + latin1.decode(bytes.subarray(i, i + 1));
    i += 1;
    start = i;
  }
  return text + utf8.decode(bytes.subarray(start));
}

function declaredInXml(bytes: Uint8Array): string | null {
  const head = latin1.decode(bytes.subarray(0, 1024));
  return /<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

function utf16ByFirstBytes(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x00 && bytes[1] !== 0x00 && bytes[2] === 0x00) return 'utf-16be';
  if (bytes[0] !== 0x00 && bytes[1] === 0x00 && bytes[3] === 0x00) return 'utf-16le';
  return null;
}

/** Legacy encodings worth trusting detection for: scripts windows-1252 would turn into nonsense. */
const DETECTABLE: Readonly<Record<string, string>> = {
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'ISO-2022-JP': 'iso-2022-jp',
  'EUC-KR': 'euc-kr',
  'GB18030': 'gb18030',
  'Big5': 'big5',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-7': 'windows-1253',
  'windows-1253': 'windows-1253',
  'ISO-8859-8': 'windows-1255',
  'windows-1255': 'windows-1255',
  'ISO-8859-6': 'windows-1256',
  'windows-1256': 'windows-1256',
};

function detectNonLatin(bytes: Uint8Array): string | null {
  const [best] = chardet.analyse(bytes.subarray(0, 64 * 1024));
  return best && best.confidence >= 10 ? (DETECTABLE[best.name] ?? null) : null;
}

/** windows-1252's printable characters at 0x80–0x9F (the five it leaves undefined stay as they are). */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * C1 control characters (U+0080–U+009F) never appear in real text: they are windows-1252 punctuation
 * (smart quotes, dashes, the euro sign) that went through a Latin-1 decoder somewhere upstream. Node's
 * own TextDecoder is one: it reads windows-1252 as Latin-1, so every decode here ends with this step.
 */
export function fixC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
}

function decodeWith(label: string, bytes: Uint8Array, source: EncodingSource): DecodedText | null {
  const decoder = decoderFor(label);
  return decoder ? { text: fixC1Controls(decoder.decode(bytes)), encoding: decoder.encoding, source } : null;
}

export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    return { text: fixC1Controls(asUtf8(rest) ?? decodeMixed(rest)), encoding: 'utf-8', source: 'bom' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes, 'bom') as DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes, 'bom') as DecodedText;
  const utf16 = utf16ByFirstBytes(bytes);
  if (utf16) return decodeWith(utf16, bytes, 'utf-16 sniffing') as DecodedText;
  const utf8 = asUtf8(bytes);
  if (utf8 !== null) return { text: fixC1Controls(utf8), encoding: 'utf-8', source: 'valid utf-8' };

  // Not UTF-8, so a declaration of UTF-8 (or of UTF-16, readable here as ASCII) is wrong: look further.
  const usable = (label: string | null): label is string =>
    label !== null && !/^(utf-?8|utf-?16(le|be)?|unicode)$/.test(label);
  const fromHeader = charsetOf(contentType);
  const byHeader = usable(fromHeader) ? decodeWith(fromHeader, bytes, 'http header') : null;
  if (byHeader) return byHeader;
  const fromXml = declaredInXml(bytes);
  const byXml = usable(fromXml) ? decodeWith(fromXml, bytes, 'xml declaration') : null;
  if (byXml) return byXml;
  const declaredUtf8 = fromHeader !== null || fromXml !== null;
  const detected = declaredUtf8 ? null : detectNonLatin(bytes);
  const byDetection = detected ? decodeWith(detected, bytes, 'detected') : null;
  if (byDetection) return byDetection;
  return { text: fixC1Controls(decodeMixed(bytes)), encoding: 'utf-8 with windows-1252', source: 'fallback' };
}
