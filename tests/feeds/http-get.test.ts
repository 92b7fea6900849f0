/**
 * The request step against real local servers: validators go back byte for byte, a 304 has no body,
 * permanent redirects move the stored address and temporary ones do not, compressed bodies arrive
 * decoded. The same behaviour over Electron's net.request: tests/main/adapters/net-request-fetch.test.ts.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../feeds/feed-error.ts';
import { fetchFeedBytes, feedUrl } from '../../feeds/http-get.ts';
import { parseMaxAge, parseRetryAfter } from '../../feeds/http-headers.ts';
import { startLocalServer, type LocalServer } from '../helpers/http-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const FEED = '<rss version="2.0"><channel><title>Ünïcödé</title></channel></rss>';
// Validators as servers really send them (a weak, quoted ETag): they must come back unchanged.
const ETAG = 'W/"5f3c-17a2b"';
const LAST_MODIFIED = 'Mon, 02 Mar 2026 08:00:00 GMT';

async function server(handler: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const started = await startLocalServer(handler);
  cleanups.push(started.close);
  return started;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('fetchFeedBytes', () => {
  it('sends the stored validators back exactly, and a 304 costs no body', async () => {
    const seen: (string | undefined)[][] = [];
    const feed = await server((request, response) => {
      seen.push([request.headers['if-none-match'], request.headers['if-modified-since']]);
      if (request.headers['if-none-match'] === ETAG) {
        response.writeHead(304).end();
        return;
      }
      response
        .writeHead(200, { etag: ETAG, 'last-modified': LAST_MODIFIED, 'content-type': 'application/rss+xml' })
        .end(FEED);
    });
    const first = await fetchFeedBytes(fetch, feed.url);
    if (first.status !== 'ok') throw new Error('expected a body');
    expect(first.validators).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });
    const second = await fetchFeedBytes(fetch, feed.url, { validators: first.validators });
    expect(second.status).toBe('not-modified');
    expect(seen).toEqual([
      [undefined, undefined],
      [ETAG, LAST_MODIFIED],
    ]);
  });

  it('moves the address on 301 and 308, but not on 302 or 307, and keeps only a fully permanent chain', async () => {
    const feed = await server((request, response) => {
      const redirects: Record<string, [number, string]> = {
        '/moved': [301, '/new'],
        '/moved-308': [308, '/new'],
        '/found': [302, '/new'],
        '/temporary': [307, '/new'],
        '/permanent-then-temporary': [301, '/found'],
      };
      const redirect = redirects[request.url ?? ''];
      if (redirect) response.writeHead(redirect[0], { location: redirect[1] }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    });
    const movedTo = async (path: string): Promise<string | null> =>
      (await fetchFeedBytes(fetch, `${feed.url}${path}`)).movedTo;
    expect(await movedTo('moved')).toBe(`${feed.url}new`);
    expect(await movedTo('moved-308')).toBe(`${feed.url}new`);
    expect(await movedTo('found')).toBeNull();
    expect(await movedTo('temporary')).toBeNull();
    // 301 to /found, which is itself a 302: the feed now lives at /found, not at the 302's target.
    expect(await movedTo('permanent-then-temporary')).toBe(`${feed.url}found`);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decodes a %s-encoded body', async (encoding, compress) => {
    const feed = await server((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding })
        .end(compress(Buffer.from(FEED)));
    });
    const result = await fetchFeedBytes(fetch, feed.url);
    expect(result.status === 'ok' && text(result.body)).toBe(FEED);
  });

  it('names network failures in plain words', async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    const error = await fetchFeedBytes(fetch, closed.url).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ kind: 'network', message: `${new URL(closed.url).host} refused the connection` });
  });

  it('refuses addresses that are not http(s) before any request', () => {
    expect(() => feedUrl('file:///etc/passwd')).toThrow('only http and https addresses can be read, not file');
    expect(() => feedUrl('javascript:alert(1)')).toThrow('only http and https addresses can be read, not javascript');
    expect(() => feedUrl('not a url')).toThrow('this is not a web address: not a url');
  });
});

describe('HTTP header readers', () => {
  it('reads Retry-After as seconds or as a date, and ignores nonsense', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:00 GMT', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('reads max-age, unless caching is switched off', () => {
    expect(parseMaxAge('public, max-age=3600')).toBe(3_600_000);
    expect(parseMaxAge('no-cache, max-age=3600')).toBeNull();
    expect(parseMaxAge('private')).toBeNull();
  });
});
