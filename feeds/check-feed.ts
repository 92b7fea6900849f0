/**
 * The live check behind adding a feed (the desktop's settings window, the endpoint's dashboard) and
 * `npm run feeds -- check`: fetch the address, and when it is a web page, follow its
 * <link rel="alternate"> to the feed it announces, or, when it announces none, try the usual paths.
 */
import type { FeedCheck } from '../common/domain.ts';
import { decodeFeedBytes, unpackGzip } from './decode.ts';
import { discoverFeedLinks, usualFeedUrls } from './discover.ts';
import { FeedError } from './feed-error.ts';
import { DEFAULT_LIMITS, fetchFeedBytes, type FetchLimits, type FetchResult } from './http-get.ts';
import { isHtmlPage } from './parse-feed.ts';
import type { HttpFetch } from './ports.ts';
import { readFeed, type ReadFeed } from './read-feed.ts';

/** At most this many announced feeds are tried, so a page full of links cannot keep us busy. */
const MAX_CANDIDATES = 3;

interface Found {
  readonly url: string;
  readonly feed: ReadFeed;
  readonly discoveredFrom: string | null;
}

type Answer = Extract<FetchResult, { status: 'ok' }>;

async function fetchAnswer(fetch: HttpFetch, address: string, limits: FetchLimits): Promise<Answer> {
  const result = await fetchFeedBytes(fetch, address, { limits });
  if (result.status === 'not-modified')
    throw new FeedError('http-status', 'the server answered 304 Not Modified to a plain request');
  return result;
}

async function readAnswer(answer: Answer, limits: FetchLimits): Promise<Found> {
  const feed = await readFeed(answer.body, {
    contentType: answer.contentType,
    url: answer.url,
    maxBytes: limits.maxBytes,
  });
  return { url: answer.movedTo ?? answer.url, feed, discoveredFrom: null };
}

const readAddress = async (fetch: HttpFetch, address: string, limits: FetchLimits): Promise<Found> =>
  readAnswer(await fetchAnswer(fetch, address, limits), limits);

/** The feeds the page announces, in page order: the first that reads wins, else the last one's error. */
async function firstAnnounced(fetch: HttpFetch, candidates: readonly string[], limits: FetchLimits): Promise<Found> {
  let last: unknown = null;
  for (const candidate of candidates) {
    try {
      return await readAddress(fetch, candidate, limits);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

const pathOf = (url: string): string => new URL(url).pathname;

function noUsualFeed(
  host: string,
  tried: readonly string[],
  untried: readonly string[],
  limits: FetchLimits,
): FeedError {
  const none = `this web page links no feed (it may be a login page), and none of ${tried.map(pathOf).join(', ')} on ${host} answered with one`;
  if (untried.length === 0) return new FeedError('not-a-feed', none);
  const seconds = String(Number((limits.timeoutMs / 1000).toFixed(1)));
  const budget = `${seconds} ${seconds === '1' ? 'second' : 'seconds'}`;
  return new FeedError('not-a-feed', `${none} within ${budget}, so ${untried.map(pathOf).join(', ')} were not tried`);
}

/**
 * A page that links no feed: the usual paths on its origin, one after another, the first that reads as
 * a feed wins; one that answers with a web page (a login page, a 404 page) or an error is skipped. Each
 * request keeps the normal size cap and redirect limit, and all of them share ONE timeout budget
 * (`limits.timeoutMs`): a request gets what is left of it, and one that runs out of time ends the search.
 * So the whole check makes at most 1 + 7 requests (plus their redirects), one after another, and takes
 * at most two timeouts: the page's own, and this one.
 */
async function firstUsual(fetch: HttpFetch, page: Answer, address: string, limits: FetchLimits): Promise<Found> {
  const candidates = usualFeedUrls(page.url).filter((url) => url !== address && url !== page.url);
  const host = new URL(page.url).host;
  const deadline = performance.now() + limits.timeoutMs;
  for (const [index, candidate] of candidates.entries()) {
    const left = deadline - performance.now();
    if (left <= 0) throw noUsualFeed(host, candidates.slice(0, index), candidates.slice(index), limits);
    try {
      return await readAddress(fetch, candidate, { ...limits, timeoutMs: Math.min(limits.timeoutMs, left) });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      if (error.kind === 'timeout')
        throw noUsualFeed(host, candidates.slice(0, index + 1), candidates.slice(index + 1), limits);
    }
  }
  throw noUsualFeed(host, candidates, [], limits);
}

async function readOrDiscover(fetch: HttpFetch, address: string, limits: FetchLimits): Promise<Found> {
  const answer = await fetchAnswer(fetch, address, limits);
  try {
    return await readAnswer(answer, limits);
  } catch (error) {
    if (!(error instanceof FeedError) || error.kind !== 'not-a-feed') throw error;
    const text = decodeFeedBytes(unpackGzip(answer.body, limits.maxBytes), answer.contentType).text;
    if (!isHtmlPage(text)) throw error;
    const announced = discoverFeedLinks(text, answer.url).slice(0, MAX_CANDIDATES);
    const found =
      announced.length > 0
        ? await firstAnnounced(fetch, announced, limits)
        : await firstUsual(fetch, answer, address, limits);
    return { ...found, discoveredFrom: address };
  }
}

async function check(address: string, read: () => Promise<Found>): Promise<FeedCheck> {
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

/**
 * Reads `address` once as the engine would poll it, finding the feed behind a web page. Never throws:
 * the answer is the feed (where it was found, `discoveredFrom` the page) or the reason in plain words.
 */
export function checkFeed(fetch: HttpFetch, address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<FeedCheck> {
  return check(address, () => readOrDiscover(fetch, address, limits));
}

/** The same check for bytes already at hand (a file given to the CLI); `url` is their base for relative links. */
export function checkFeedBytes(bytes: Uint8Array, url: string): Promise<FeedCheck> {
  return check(url, async () => ({
    url,
    feed: await readFeed(bytes, { contentType: null, url }),
    discoveredFrom: null,
  }));
}
