/**
 * A message too long for its network, cut to fit: the person's words end at a word (or, for one word
 * longer than the limit, at a character) and an ellipsis, and what the network must carry after them
 * (the organisation's line, the link) is kept whole. Measured by the network's own rules (length.ts).
 */
import type { Network } from '../domain.ts';
import { measureMessage, type MeasureOptions } from './length.ts';

const ELLIPSIS = '…';
/** How much longer than the limit a cut may run through links, which count at a fixed length. */
const MAX_LINK_SLACK = 4096;

/** Where the words may end: before each word after the first, or else after any character. */
function cutPoints(text: string, granularity: 'word' | 'grapheme'): number[] {
  const points: number[] = [];
  for (const segment of new Intl.Segmenter(undefined, { granularity }).segment(text)) {
    if (segment.index === 0) continue;
    if (granularity === 'grapheme' || segment.isWordLike === true) points.push(segment.index);
  }
  return points;
}

/**
 * `words` when `posted(words)` fits `network`, else their longest cut that does, or null when none does
 * (the rest of the message alone is too long). `posted` adds what must follow the words; it is what the network gets.
 */
export function cutToFit(
  network: Network,
  words: string,
  posted: (cut: string) => string,
  options: Pick<MeasureOptions, 'mastodon'> = {},
): string | null {
  // Counting stops just past the limit: a cut is only ever asked whether it fits.
  const fits = (cut: string): boolean => !measureMessage(network, posted(cut), { ...options, countPastLimit: 1 }).over;
  if (fits(words)) return words;
  const { limit } = measureMessage(network, '', options);
  // Every character counts at least one, except inside links (a fixed length however long they are):
  // no cut that fits ends further in than this, and segmenting a 100 KB message whole would be slow.
  const reach = words.slice(0, (limit ?? 0) + MAX_LINK_SLACK);
  const candidate = (point: number): string => `${words.slice(0, point).trimEnd()}${ELLIPSIS}`;
  for (const granularity of ['word', 'grapheme'] as const) {
    const points = cutPoints(reach, granularity);
    // Longer cuts count no less, except where a cut splits a link (counted at a fixed length): the search
    // keeps only cuts it has seen fit, so its answer always fits.
    let low = 0;
    let high = points.length - 1;
    let best: string | null = null;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const cut = candidate(points[middle] ?? 0);
      if (fits(cut)) {
        best = cut;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (best !== null && best !== ELLIPSIS) return best;
  }
  return null;
}
