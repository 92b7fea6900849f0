/**
 * X's URL pattern, ported from twitter-text 3.1 (Copyright 2018 Twitter, Inc., Apache License 2.0;
 * js/src/regexp/*.js at commit 30e2430d90cff3b46393ea54caf511441983c260): the same pieces, put together
 * the same way, so a message splits into links exactly where X splits it. The regexes run without the
 * `u` flag, as twitter-text's do: they look at UTF-16 code units, and an emoji's two halves are domain
 * characters like any letter.
 *
 * Where it departs, on purpose:
 * - The top-level domains are IANA's current list (the `tlds` package) instead of twitter-text's list
 *   of 2019, which still knows retired ones and misses new ones. They are one trie-shaped alternation.
 * - A domain label is at most 126 UTF-16 code units, and a domain at most 127 labels (DNS's own limit),
 *   in the pattern itself. twitter-text takes any length and throws the match away afterwards when a
 *   label is over 63 characters after punycode (x-url-extract.ts); without bounds, a long run of
 *   letters costs time in the square of its length (100 KB of Japanese with one ASCII dot in it:
 *   seconds). 126 code units hold every label of 63 code points, so every domain DNS could carry is
 *   still seen whole; only a longer label, which X refuses anyway, may let a shorter URL be found in it.
 */
import tlds from 'tlds/index.json' with { type: 'json' };

type CodeRange = readonly [first: number, last: number];

const unit = (char: string): CodeRange => [char.charCodeAt(0), char.charCodeAt(0)];
/**
 * Characters that are never part of a domain: punct.js, spacesGroup.js, invalidCharsGroup.js,
 * directionalMarkersGroup.js.
 */
const PUNCT: readonly CodeRange[] = Array.from("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$", unit);
const SPACES: readonly CodeRange[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];
/** What X refuses in any post: U+FFFE, U+FEFF, U+FFFF. */
export const INVALID: readonly CodeRange[] = [
  [0xfffe, 0xfffe],
  [0xfeff, 0xfeff],
  [0xffff, 0xffff],
];
const DIRECTIONAL_MARKERS: readonly CodeRange[] = [
  [0x202a, 0x202e],
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x2066, 0x2069],
];
const NOT_IN_DOMAIN = [...PUNCT, ...SPACES, ...INVALID, ...DIRECTIONAL_MARKERS];

const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
/** The ranges as the inside of a character class. */
export const classOf = (ranges: readonly CodeRange[]): string =>
  ranges.map(([first, last]) => (first === last ? hex(first) : `${hex(first)}-${hex(last)}`)).join('');

/** Per UTF-16 code unit: 1 where it may be part of a domain label. */
const DOMAIN_UNITS = new Uint8Array(0x10000).fill(1);
for (const [first, last] of NOT_IN_DOMAIN) DOMAIN_UNITS.fill(0, first, last + 1);
export const isDomainUnit = (code: number): boolean => DOMAIN_UNITS[code] === 1;
/** What a subdomain label may hold: domain characters, `-` and `_`. */
export const isLabelUnit = (code: number): boolean => isDomainUnit(code) || code === 0x2d || code === 0x5f;
export const isSpace = (code: number): boolean => SPACES.some(([first, last]) => code >= first && code <= last);

const LATIN_ACCENTS = String.raw`\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
const CYRILLIC = String.raw`\u0400-\u04FF`;

/** The longest DNS label (RFC 1035), checked after punycode by x-url-extract.ts. */
export const MAX_LABEL_LENGTH = 63;
/** A domain of 255 octets holds at most 127 labels (RFC 1035). */
export const MAX_LABELS = 127;
/** The longest label the pattern takes: 63 code points, each of them possibly two code units. */
export const MAX_PATTERN_LABEL = 2 * MAX_LABEL_LENGTH;

const domainChar = `[^${classOf(NOT_IN_DOMAIN)}]`;
/** A label and its dot: it starts and ends with a domain character; `inner` is what else it may hold. */
const label = (inner: string): string =>
  `(?:(?:${domainChar}(?:${inner}|${domainChar}){0,${String(MAX_PATTERN_LABEL - 2)}})?${domainChar}\\.)`;
const subdomain = label('[_-]');
const domainName = label('-');

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
 * The words as one alternation shaped like a trie ("co(?:m(?:pany)?)?" rather than "company|com|co"):
 * a regex engine tries alternatives one by one, and 1,400 of them at every dot cost seconds on long
 * texts. Where one word starts another, the longer is tried first, as in twitter-text's list (longest
 * first, so "community" is not cut to "com").
 */
function trieAlternation(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const first = word.charAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), word.slice(1)]);
  }
  return [...byFirst]
    .map(([first, rests]) => {
      const longer = rests.filter((rest) => rest !== '');
      if (longer.length === 0) return escapeForPattern(first);
      const inner = `(?:${trieAlternation(longer)})`;
      return escapeForPattern(first) + (longer.length < rests.length ? `${inner}?` : inner);
    })
    .join('|');
}

/** A TLD ends where no ASCII letter, digit, @, + or - follows (validGTLD.js, validCCTLD.js). */
const tld = `(?:(?:${trieAlternation(tlds)})(?=[^0-9a-zA-Z@+-]|$))`;
const punycodeTld = '(?:xn--[\\-0-9a-z]+)';
/** A TLD right here (sticky): x-url-candidates.ts looks for one after each dot. */
export const TLD_HERE = new RegExp(`${tld}|${punycodeTld}`, 'iy');
const domain = `(?:${subdomain}{0,${String(MAX_LABELS - 2)}}${domainName}(?:${tld}|${punycodeTld}))`;

const pathChar = `[a-z${CYRILLIC}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\-\\u2013_~@\\|&${LATIN_ACCENTS}]`;
/** Up to two levels of balanced parentheses, as in Wikipedia's /Primer_(film). */
const balancedParens = `\\((?:${pathChar}+|(?:${pathChar}*\\(${pathChar}+\\)${pathChar}*))\\)`;
/** A path never ends in sentence punctuation: "/foo." leaves the period to the sentence. */
const pathEnd = `[\\+\\-a-z${CYRILLIC}0-9=_#\\/${LATIN_ACCENTS}]|(?:${balancedParens})`;
/** An @ only in the middle: http://example.com/@user/. */
const path = `(?:(?:${pathChar}*(?:${balancedParens}${pathChar}*)*${pathEnd})|(?:@${pathChar}+\\/))`;
const queryChar = String.raw`[a-z0-9!?\*'@\(\);:&=\+\$\/%#\[\]\-_\.,~|]`;
const queryEnd = String.raw`[a-z0-9\-_&=#\/]`;
/** Whether a character may be in a URL's path or query (with the pattern's own case folding). */
// eslint-disable-next-line no-misleading-character-class -- combining marks stand alone on purpose, as in twitter-text
export const PATH_OR_QUERY_CHAR = new RegExp(`${pathChar}|${queryChar}`, 'i');
/** A URL never follows a letter, a digit, @, $ or #; it may follow a directional marker. */
const preceding = `(?:[^A-Za-z0-9@＠$#＃${classOf(INVALID)}]|[${classOf(DIRECTIONAL_MARKERS)}]|^)`;

/**
 * One URL candidate (extractUrl.js): what precedes it, then the URL and its parts. Sticky: tried only
 * where x-url-candidates.ts finds that one could start, instead of at every position.
 */
export const URL_CANDIDATE = new RegExp(
  `(?<before>${preceding})(?<url>(?<protocol>https?:\\/\\/)?(?<domain>${domain})(?::[0-9]+)?(?<path>\\/${path}*)?(?:\\?${queryChar}*${queryEnd})?)`,
  'iy',
);

/** The ASCII-only domains inside a candidate's domain, which alone count without a protocol (validAsciiDomain.js). */
export const ASCII_DOMAIN = new RegExp(`(?:(?:[\\-a-z0-9${LATIN_ACCENTS}]+)\\.)+(?:${tld}|${punycodeTld})`, 'gi');

/** A t.co link takes no path beyond its slug (validTcoUrl.js). */
export const TCO_URL = new RegExp(`^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:\\?${queryChar}*${queryEnd})?`, 'i');

/** A URL without a protocol may not follow these (invalidUrlWithoutProtocolPrecedingChars.js). */
export const NO_PROTOCOL_BAD_PRECEDING = /[-_./]$/;
