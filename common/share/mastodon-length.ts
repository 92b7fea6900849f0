/**
 * Mastodon's length, as its StatusLengthValidator counts: graphemes, after every link (with http:// or
 * https://: its FetchLinkCardService::URL_PATTERN, built from twitter-text's pattern) is replaced by as
 * many characters as the server reserves per URL, and every remote mention `@name@server` by `@name`.
 */
import { countGraphemes } from './graphemes.ts';
import { countByPieces, type Count } from './text-pieces.ts';
import { findUrls } from './x-url-extract.ts';

/** A remote mention `@name@instance`: Mastodon counts only `@name` (its Account::MENTION_RE). */
const MENTION_DOMAIN = /(?<![=/\p{L}\p{N}_])(@[a-z0-9_]+)@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]/giu;

/** The text Mastodon counts, in the order it rewrites it: links first, then mentions. */
function countableText(text: string, urlLength: number): string {
  let countable = '';
  let from = 0;
  for (const link of findUrls(text, { withoutProtocol: false })) {
    countable += text.slice(from, link.start) + 'x'.repeat(urlLength);
    from = link.end;
  }
  return (countable + text.slice(from)).replace(MENTION_DOMAIN, '$1');
}

export function mastodonLength(text: string, urlLength: number, stopAbove = Infinity): Count {
  return countByPieces(text, 'mastodon', stopAbove, (piece) => countGraphemes(countableText(piece, urlLength)));
}
