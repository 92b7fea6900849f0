/**
 * User-perceived characters (grapheme clusters): what Bluesky, Threads and Mastodon count. Never keep the
 * segments (`Array.from(segmenter.segment(text))`): V8 gives each one its own copy of the whole input, so
 * a 100 KB text would hold about 10 GB.
 */
import type { Count } from './text-pieces.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const NOT_ASCII = /[\u0080-\uffff]/;
const CRLF = /\r\n/g;

/** The number of graphemes, counting no further than needed to know there are more than `stopAbove`. */
export function countGraphemesUpTo(text: string, stopAbove: number): Count {
  // In ASCII every character is a grapheme of its own, but for CR LF, which is one.
  if (!NOT_ASCII.test(text)) {
    const length = text.length - (text.match(CRLF)?.length ?? 0);
    return length > stopAbove ? { length: stopAbove, exact: false } : { length, exact: true };
  }
  let length = 0;
  const segments = segmenter.segment(text)[Symbol.iterator]();
  while (!segments.next().done) {
    length += 1;
    if (length > stopAbove) return { length: stopAbove, exact: false };
  }
  return { length, exact: true };
}

export const countGraphemes = (text: string): number => countGraphemesUpTo(text, Infinity).length;

/**
 * Whether the text has more than `limit` graphemes. A text no longer than the limit in UTF-16 units
 * cannot have more graphemes, so most answers cost nothing.
 */
export const exceedsGraphemes = (text: string, limit: number): boolean =>
  text.length > limit && !countGraphemesUpTo(text, limit).exact;
