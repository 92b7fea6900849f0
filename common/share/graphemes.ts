/**
 * User-perceived characters (grapheme clusters): what Bluesky, Threads and Mastodon count. Never keep the
 * segments (`Array.from(segmenter.segment(text))`): V8 gives each one its own copy of the whole input, so
 * a 100 KB text would hold about 10 GB.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function countGraphemes(text: string): number {
  let count = 0;
  const segments = segmenter.segment(text)[Symbol.iterator]();
  while (!segments.next().done) count += 1;
  return count;
}

/**
 * Whether the text has more than `limit` graphemes, counting no further than needed. A text no longer
 * than the limit in UTF-16 units cannot have more graphemes, so most answers cost nothing.
 */
export function exceedsGraphemes(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  const segments = segmenter.segment(text)[Symbol.iterator]();
  while (!segments.next().done) {
    count += 1;
    if (count > limit) return true;
  }
  return false;
}
