/**
 * The live check behind the settings window's "add feed" and `npm run feeds -- check`: fetch the address,
 * and when it is a web page, follow its <link rel="alternate"> to the feed it announces.
 */
import type { FeedCheck } from '../common/domain.ts';
import type { HttpFetch } from './ports.ts';
import { decodeFeedBytes, unpackGzip } from './decode.ts';
import { discoverFeedLinks } from './discover.ts';
import { FeedError } from './feed-error.ts';
import { DEFAULT_LIMITS, fetchFeedBytes, type FetchLimits } from './http-get.ts';
import { isHtmlPage } from './parse-feed.ts';
import { readFeed, type ReadFeed } from './read-feed.ts';

/** At most this many announced feeds are tried, so a page full of links cannot keep us busy. */
const MAX_CANDIDATES = 3;

interface Found {
  readonly url: string;
  readonly feed: ReadFeed;
}

async function fetchAndRead(
  fetch: HttpFetch,
  address: string,
  limits: FetchLimits,
  discover: boolean,
): Promise<Found & { readonly discoveredFrom: string | null }> {
  const result = await fetchFeedBytes(fetch, address, { limits });
  if (result.status === 'not-modified')
    throw new FeedError('http-status', 'the server answered 304 Not Modified to a plain request');
  const url = result.movedTo ?? result.url;
  try {
    return {
      url,
      feed: await readFeed(result.body, {
        contentType: result.contentType,
        url: result.url,
        maxBytes: limits.maxBytes,
      }),
      discoveredFrom: null,
    };
  } catch (error) {
    if (!discover || !(error instanceof FeedError) || error.kind !== 'not-a-feed') throw error;
    const text = decodeFeedBytes(unpackGzip(result.body, limits.maxBytes), result.contentType).text;
    if (!isHtmlPage(text)) throw error;
    const candidates = discoverFeedLinks(text, result.url).slice(0, MAX_CANDIDATES);
    // A page that announces no feed is most often a login or error page put in front of the feed.
    if (candidates.length === 0) throw error;
    let last: unknown = error;
    for (const candidate of candidates) {
      try {
        return { ...(await fetchAndRead(fetch, candidate, limits, false)), discoveredFrom: address };
      } catch (candidateError) {
        last = candidateError;
      }
    }
    throw last;
  }
}

async function check(
  address: string,
  read: () => Promise<Found & { readonly discoveredFrom: string | null }>,
): Promise<FeedCheck> {
  try {
    const { url, feed, discoveredFrom } = await read();
    return {
      ok: true,
      url,
      discoveredFrom,
      format: feed.format,
      encoding: feed.encoding,
      title: feed.title,
      items: feed.items,
      warnings: feed.warnings,
    };
  } catch (error) {
    const message = error instanceof FeedError ? error.message : 'the feed could not be read (unexpected problem)';
    return { ok: false, url: address, error: message };
  }
}

export function checkFeed(fetch: HttpFetch, address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<FeedCheck> {
  return check(address, () => fetchAndRead(fetch, address, limits, true));
}

/** The same check for bytes already at hand (a file given to the CLI); `url` is their base for relative links. */
export function checkFeedBytes(bytes: Uint8Array, url: string): Promise<FeedCheck> {
  return check(url, async () => ({
    url,
    feed: await readFeed(bytes, { contentType: null, url }),
    discoveredFrom: null,
  }));
}
