/**
 * The request and limits steps of the pipeline: one conditional GET through the HttpFetch port with a
 * total timeout that aborts the socket, redirects counted here (so 301/308 can move the stored URL), and
 * a size cap enforced while the body streams in. Content-Encoding (gzip, deflate, br) is decoded by the
 * port itself: Node's fetch and Chromium both do it, and Chromium refuses to let the caller manage
 * Accept-Encoding, so we never set it.
 */
import type { HttpFetch } from './ports.ts';
import { FeedError, statusInWords } from './feed-error.ts';
import { parseRetryAfter, parseMaxAge } from './http-headers.ts';
import { linksFromHeader, type FoundLinks } from './websub-links.ts';

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

interface Fetched {
  /** Where the body came from after redirects: the base for relative links. */
  readonly url: string;
  /** The new address when every redirect on the way was permanent (301/308), else null. */
  readonly movedTo: string | null;
  /** Cache-Control max-age, which may lengthen the poll interval. */
  readonly maxAgeMs: number | null;
  /** WebSub links in the answer's Link headers (hub, self). */
  readonly links: FoundLinks;
}

export type FetchResult =
  | (Fetched & { readonly status: 'not-modified' })
  | (Fetched & {
      readonly status: 'ok';
      readonly body: Uint8Array;
      readonly contentType: string | null;
      readonly validators: Validators;
    });

export interface FetchOptions {
  readonly validators?: Validators | undefined;
  readonly limits?: FetchLimits | undefined;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const USER_AGENT = 'Advocate/0.1 (feed reader)';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);

export const tooLarge = (maxBytes: number): FeedError =>
  new FeedError('too-large', `the feed is larger than ${String(Math.round(maxBytes / (1024 * 1024)))} MiB`);

/** Parses and checks an address the pipeline may fetch: http(s) only. */
export function feedUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    throw new FeedError('invalid-url', `this is not a web address: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError(
      'invalid-url',
      `only http and https addresses can be read, not ${url.protocol.replace(':', '')}`,
    );
  }
  return url;
}

/** A connection that ended mid-answer, in Node's words and in Chromium's (a body shorter than promised). */
const CUT_OFF =
  /ECONNRESET|CONNECTION_RESET|CONNECTION_CLOSED|CONTENT_LENGTH_MISMATCH|INCOMPLETE_CHUNKED|SOCKET|terminated|other side closed/i;

function networkError(error: unknown, url: URL): FeedError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const text = `${code} ${error instanceof Error ? error.message : String(error)} ${typeof cause?.message === 'string' ? cause.message : ''}`;
  const host = url.host;
  const why = /ENOTFOUND|EAI_AGAIN|NAME_NOT_RESOLVED/i.test(text)
    ? `the name ${url.hostname} does not resolve`
    : /ECONNREFUSED|CONNECTION_REFUSED/i.test(text)
      ? `${host} refused the connection`
      : /CERT|SSL|TLS/i.test(text)
        ? `the secure connection to ${host} failed (certificate problem)`
        : CUT_OFF.test(text)
          ? `the connection to ${host} was cut off`
          : `could not reach ${host}`;
  return new FeedError('network', why, { cause: error });
}

/** The body, refused (and the download aborted) as soon as it passes `maxBytes`: declared or streamed. */
export async function readCapped(response: Response, maxBytes: number, abort: () => void): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    abort();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop the download now: the rest of a hostile body never reaches memory.
      abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const discard = (response: Response): Promise<void> =>
  response.body?.cancel().catch(() => undefined) ?? Promise.resolve();

export async function fetchFeedBytes(
  fetch: HttpFetch,
  address: string,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let url = feedUrl(address);
  const controller = new AbortController();
  const timeout = new FeedError(
    'timeout',
    `the server took longer than ${String(Number((limits.timeoutMs / 1000).toFixed(1)))} seconds to answer`,
  );
  const timer = setTimeout(() => controller.abort(timeout), limits.timeoutMs);
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': USER_AGENT };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;

  // Every hop comes back to us (`redirect: 'manual'`): we count them and decide what a 301 moves.
  const request = async (target: URL): Promise<Response> => {
    try {
      return await fetch(target.href, { headers, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      throw controller.signal.aborted ? timeout : networkError(error, target);
    }
  };

  try {
    let movedTo: string | null = null;
    let permanentSoFar = true;
    const visited = new Set([url.href]);
    for (let hops = 0; ; hops += 1) {
      const response = await request(url);
      if (REDIRECT_STATUSES.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location)
          throw new FeedError(
            'http-status',
            `the server redirected (${String(response.status)}) without saying where to`,
            { status: response.status },
          );
        const next = feedUrl(location, url.href);
        if (visited.has(next.href)) throw new FeedError('redirects', 'the address redirects in a loop');
        if (hops + 1 > limits.maxRedirects)
          throw new FeedError('redirects', `the address redirected more than ${String(limits.maxRedirects)} times`);
        permanentSoFar &&= PERMANENT_STATUSES.has(response.status);
        if (permanentSoFar) movedTo = next.href;
        visited.add(next.href);
        url = next;
        continue;
      }
      const fetched = {
        url: url.href,
        movedTo,
        maxAgeMs: parseMaxAge(response.headers.get('cache-control')),
        links: linksFromHeader(response.headers.get('link')),
      };
      if (response.status === 304) {
        await discard(response);
        return { ...fetched, status: 'not-modified' };
      }
      if (!response.ok) {
        await discard(response);
        const retryAfterMs =
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get('retry-after'), Date.now())
            : null;
        throw new FeedError('http-status', statusInWords(response.status, response.statusText), {
          status: response.status,
          ...(retryAfterMs === null ? {} : { retryAfterMs }),
        });
      }
      const body = await readCapped(response, limits.maxBytes, () => controller.abort(tooLarge(limits.maxBytes))).catch(
        (error: unknown) => {
          if (error instanceof FeedError) throw error;
          throw controller.signal.aborted ? timeout : networkError(error, url);
        },
      );
      return {
        ...fetched,
        status: 'ok',
        body,
        contentType: response.headers.get('content-type'),
        validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
