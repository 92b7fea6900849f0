/**
 * The app's HTTP (Electron's net.request behind the engine's fetch port) against real local servers: the
 * fake's net.request runs over node:http, so every redirect, drip and cut here is a real socket. The feed
 * engine must behave as in the preview (Node's fetch): a 301 moves the stored address, the 5-redirect cap
 * is ours, a slow body is cut at the timeout and a big one at the cap, with the socket really closed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, FeedError, newFeedState, pollFeed, type FetchLimits } from '../../../feeds/index.ts';
import { fetchFeedBytes } from '../../../feeds/http-get.ts';
import { netRequestFetch } from '../../../main/adapters/net-request-fetch.ts';
import { createEndpointClient } from '../../../main/sync/endpoint-client.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { rssFeed, startLocalServer, type LocalServer } from '../../helpers/http-server.ts';
import { app, net, resetElectronFake } from '../../mocks/electron.ts';

const cleanups: (() => Promise<unknown>)[] = [];
beforeEach(() => {
  resetElectronFake();
  app.becomeReady();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const FEED = rssFeed('Example Company Blog', [
  { title: 'Ship small', link: 'https://blog.example.com/ship-small', description: 'How.', published: new Date() },
]);

async function server(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const started = await startLocalServer(handler);
  cleanups.push(started.close);
  return started;
}

/** Resolves when the server sees the client's socket of the request it was shown go away: the download stopped. */
function socketWatch(): { readonly show: (request: IncomingMessage) => void; readonly closed: Promise<void> } {
  let show: (request: IncomingMessage) => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    show = (request) => request.socket.once('close', () => resolve());
  });
  return { show, closed };
}

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('net.request as the fetch port', () => {
  it('moves the stored feed address on a 301, and the engine saw every hop itself', async () => {
    const feed = await server((request, response) => {
      if (request.url === '/old') response.writeHead(301, { location: '/new' }).end();
      else if (request.url === '/for-now') response.writeHead(302, { location: '/new' }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    });
    const poll = (path: string) =>
      pollFeed(newFeedState(`${feed.url}${path}`, Date.now(), 30 * 60_000), {
        fetch: netRequestFetch,
        limits: DEFAULT_LIMITS,
        now: Date.now(),
        random: () => 0.5,
        baseIntervalMs: 30 * 60_000,
      });

    const moved = await poll('old');
    expect(moved.state.lastError).toBeNull();
    expect(moved.state.fetchUrl).toBe(`${feed.url}new`);
    expect(moved.state.title).toBe('Example Company Blog');
    // Two requests, each in manual mode: Chromium never followed the 301 on its own.
    expect(net.requests.map((sent) => [sent.url, sent.redirect])).toEqual([
      [`${feed.url}old`, 'manual'],
      [`${feed.url}new`, 'manual'],
    ]);

    const temporary = await poll('for-now');
    expect(temporary.state.fetchUrl).toBe(`${feed.url}for-now`);
  });

  it("is needed: Electron's net.fetch rejects the same 301 in manual mode, so no address could move", async () => {
    const feed = await server((_request, response) => response.writeHead(301, { location: '/new' }).end());
    const error = await failure(fetchFeedBytes((input, init) => net.fetch(input, init), `${feed.url}old`));
    expect(error).toMatchObject({ kind: 'network', message: `could not reach ${new URL(feed.url).host}` });
  });

  it('follows five redirects and refuses a sixth, with our cap rather than Chromium’s 20', async () => {
    const feed = await server((request, response) => {
      const left = Number(/^\/hop\/(\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
      if (left > 0) response.writeHead(307, { location: `/hop/${String(left - 1)}` }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    });
    const five = await fetchFeedBytes(netRequestFetch, `${feed.url}hop/5`);
    expect(five).toMatchObject({ status: 'ok', url: `${feed.url}hop/0` });

    const six = await failure(fetchFeedBytes(netRequestFetch, `${feed.url}hop/6`));
    expect(six).toBeInstanceOf(FeedError);
    expect(six).toMatchObject({ kind: 'redirects', message: 'the address redirected more than 5 times' });
  });

  it('sends the stored validators exactly as kept, and a 304 ends the poll without a body', async () => {
    const seen: unknown[] = [];
    const feed = await server((request, response) => {
      seen.push([
        request.headers['if-none-match'],
        request.headers['if-modified-since'],
        request.headers['user-agent'],
      ]);
      response.writeHead(304, { etag: 'W/"5f3c-17a2b"' }).end();
    });
    const result = await fetchFeedBytes(netRequestFetch, feed.url, {
      validators: { etag: 'W/"5f3c-17a2b"', lastModified: 'Mon, 02 Mar 2026 08:00:00 GMT' },
    });
    expect(result.status).toBe('not-modified');
    expect(seen).toEqual([['W/"5f3c-17a2b"', 'Mon, 02 Mar 2026 08:00:00 GMT', 'Advocate/0.1 (feed reader)']]);
  });

  it('reads a gzip body decoded, as Chromium hands it over', async () => {
    const feed = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      response.end(gzipSync(FEED));
    });
    const result = await fetchFeedBytes(netRequestFetch, feed.url);
    expect(result.status === 'ok' && new TextDecoder().decode(result.body)).toBe(FEED);
  });

  it.each([
    ['a server that never sends its headers', (): void => undefined],
    [
      'a body that drips and never ends',
      (response: ServerResponse): void => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<rss version="2.0"><channel>');
      },
    ],
  ])('cuts %s at the timeout and closes its socket', async (_name, answer) => {
    const socket = socketWatch();
    const feed = await server((request, response) => {
      socket.show(request);
      answer(response);
    });
    const limits: FetchLimits = { ...DEFAULT_LIMITS, timeoutMs: 300 };
    const error = await failure(fetchFeedBytes(netRequestFetch, feed.url, { limits }));
    expect(error).toMatchObject({ kind: 'timeout', message: 'the server took longer than 0.3 seconds to answer' });
    await socket.closed;
  });

  it('stops a body past the 10 MiB cap while it streams, and closes the socket', async () => {
    const socket = socketWatch();
    let sent = 0;
    const feed = await server((request, response) => {
      socket.show(request);
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (!response.destroyed && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    const error = await failure(fetchFeedBytes(netRequestFetch, feed.url));
    expect(error).toMatchObject({ kind: 'too-large', message: 'the feed is larger than 10 MiB' });
    await socket.closed;
    // The rest of the hostile body was never downloaded: the server stopped far short of its 200 MiB.
    expect(sent).toBeLessThan(100 * 1024 * 1024);
  });

  it.each([
    ['with a declared length', { 'content-length': '100000' }],
    ['in chunks', {}],
  ])('says the connection was cut off when a body %s stops half way', async (_how, headers) => {
    const feed = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', ...headers });
      response.write('<rss version="2.0"><channel><title>Half', () => response.socket?.destroy());
    });
    const error = await failure(fetchFeedBytes(netRequestFetch, feed.url));
    expect(error).toMatchObject({
      kind: 'network',
      message: `the connection to ${new URL(feed.url).host} was cut off`,
    });
  });

  it('names a refused connection in plain words', async () => {
    const gone = await startLocalServer(() => undefined);
    await gone.close();
    const error = await failure(fetchFeedBytes(netRequestFetch, gone.url));
    expect(error).toMatchObject({ kind: 'network', message: `${new URL(gone.url).host} refused the connection` });
  });
});

describe('the endpoint client over net.request', () => {
  const endpoint = freshEndpointPerTest();

  it('enrolls with a JSON body, then reads the summary by ETag', async () => {
    const client = createEndpointClient(netRequestFetch, endpoint.url);
    const enrolled = await client.enroll({ code: endpoint.enrollmentCode, displayName: 'Ada' });
    const first = await client.fetchSummary(enrolled.token, null);
    expect(first.changed).toBe(true);
    const etag = first.changed ? first.etag : null;
    expect(etag).not.toBeNull();
    expect(await client.fetchSummary(enrolled.token, etag)).toEqual({ changed: false });
    expect(net.requests.map((sent) => [sent.method, new URL(sent.url).pathname])).toEqual([
      ['POST', '/v1/enroll'],
      ['GET', '/v1/summary'],
      ['GET', '/v1/summary'],
    ]);
  });
});
