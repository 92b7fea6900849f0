/**
 * Servers that misbehave, on purpose, on 127.0.0.1: each must end in a specific error (or a safe parse)
 * quickly, with the socket closed and memory bounded (backing off from them: poll-feed.test.ts).
 */
import type { ServerResponse } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../feeds/check-feed.ts';
import { FeedError } from '../../feeds/feed-error.ts';
import { DEFAULT_LIMITS, fetchFeedBytes } from '../../feeds/http-get.ts';
import { startLocalServer, type LocalServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(
  handler: (
    path: string,
    response: ServerResponse,
    request: Parameters<Parameters<typeof startLocalServer>[0]>[0],
  ) => void,
): Promise<LocalServer> {
  const server = await startLocalServer((request, response) => {
    handler(new URL(request.url ?? '/', 'http://localhost').pathname, response, request);
  });
  cleanups.push(server.close);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FeedError)) throw new Error(`expected a FeedError, got ${String(error)}`);
  return error;
}

const rss = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://blog.example.com/</link>${items}</channel></rss>`;

describe('hostile servers', () => {
  it('a slow drip hits the timeout, and the socket is really closed', async () => {
    let closed = false;
    const server = await serve((_path, response, request) => {
      request.socket.on('close', () => (closed = true));
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel>');
      const drip = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(drip));
    });
    // The drip never ends, so only a timeout on the whole answer (not one between bytes) gets here at all.
    const error = await failure(fetchFeedBytes(fetch, server.url, { limits: { ...DEFAULT_LIMITS, timeoutMs: 400 } }));
    expect(error).toMatchObject({ kind: 'timeout', message: 'the server took longer than 0.4 seconds to answer' });
    await vi.waitUntil(() => closed, { timeout: 4000 });
  });

  it('a server that never answers hits the same timeout', async () => {
    const server = await serve(() => undefined);
    const error = await failure(fetchFeedBytes(fetch, server.url, { limits: { ...DEFAULT_LIMITS, timeoutMs: 300 } }));
    expect(error.kind).toBe('timeout');
  });

  it('a 50 MB body stops at the 10 MiB cap: the download is cut, not read to the end', async () => {
    let sent = 0;
    let closed = false;
    const server = await serve((_path, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (sent < 50 * 1024 * 1024 && !closed) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => (closed = true));
      pump();
    });
    const error = await failure(fetchFeedBytes(fetch, server.url));
    expect(error).toMatchObject({ kind: 'too-large', message: 'the feed is larger than 10 MiB' });
    await vi.waitUntil(() => closed, { timeout: 4000 });
    expect(sent).toBeLessThan(30 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap fails before any body is read', async () => {
    const server = await serve((_path, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
      response.write('<rss>');
    });
    expect((await failure(fetchFeedBytes(fetch, server.url))).kind).toBe('too-large');
  });

  it('a gzip bomb is capped on its unpacked size', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const server = await serve((path, response) => {
      const labelled = path === '/labelled';
      response.writeHead(200, {
        'content-type': 'application/rss+xml',
        ...(labelled ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(bomb);
    });
    expect(await checkFeed(fetch, `${server.url}labelled`)).toEqual({
      ok: false,
      url: `${server.url}labelled`,
      error: 'the feed is larger than 10 MiB',
    });
    expect(await checkFeed(fetch, `${server.url}unlabelled`)).toMatchObject({
      ok: false,
      error: 'the feed is larger than 10 MiB',
    });
  });

  it('a redirect loop and a chain longer than 5 redirects end with what happened', async () => {
    const server = await serve((path, response) => {
      const hop = Number(/\/chain\/(\d+)/.exec(path)?.[1] ?? NaN);
      if (path === '/loop-a') response.writeHead(302, { location: '/loop-b' }).end();
      else if (path === '/loop-b') response.writeHead(302, { location: '/loop-a' }).end();
      else if (hop > 0) response.writeHead(302, { location: `/chain/${String(hop - 1)}` }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(''));
    });
    expect(await failure(fetchFeedBytes(fetch, `${server.url}loop-a`))).toMatchObject({
      kind: 'redirects',
      message: 'the address redirects in a loop',
    });
    expect(await failure(fetchFeedBytes(fetch, `${server.url}chain/6`))).toMatchObject({
      kind: 'redirects',
      message: 'the address redirected more than 5 times',
    });
    expect(await fetchFeedBytes(fetch, `${server.url}chain/5`)).toMatchObject({
      status: 'ok',
      url: `${server.url}chain/0`,
    });
  });

  it('a site that answers every address with an HTML login page has "no feed", in plain words', async () => {
    const server = await serve((_path, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post"><input name="password" type="password"></form></body></html>',
      );
    });
    expect(await checkFeed(fetch, server.url)).toEqual({
      ok: false,
      url: server.url,
      error: `this web page links no feed (it may be a login page), and none of /feed, /feed.xml, /rss, /rss.xml, /atom.xml, /index.xml, /feed.json on ${new URL(server.url).host} answered with one`,
    });
  });

  it('XXE and entity expansion: no file is read, no DTD is fetched, nothing blows up', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const secretFile = join(dir.path, 'secret.txt');
    await writeFile(secretFile, 'TOP-SECRET-CONTENT');
    const laughs = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${String(level + 1)} "${`&lol${String(level)};`.repeat(10)}">`,
    ).join('');
    const requested: string[] = [];
    const server = await serve((path, response) => {
      requested.push(path);
      const doctypes: Record<string, string> = {
        '/xxe': `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${pathToFileURL(secretFile).href}">]>`,
        '/laughs': `<!DOCTYPE rss [<!ENTITY lol0 "lol">${laughs}]>`,
        '/external-dtd': '<!DOCTYPE rss SYSTEM "/evil.dtd">',
      };
      const entity = path === '/xxe' ? '&xxe;' : path === '/laughs' ? '&lol9;' : 'plain';
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(
        `<?xml version="1.0"?>${doctypes[path] ?? ''}<rss version="2.0"><channel><title>T ${entity}</title><item><title>I ${entity}</title><link>https://blog.example.com/a</link></item></channel></rss>`,
      );
    });
    for (const path of ['xxe', 'laughs', 'external-dtd']) {
      // An expanded &lol9; would be 10^9 "lol"s: the check would never return, let alone this small.
      const result = await checkFeed(fetch, `${server.url}${path}`);
      const text = JSON.stringify(result);
      expect(text).not.toContain('TOP-SECRET');
      expect(text.length).toBeLessThan(2000);
      expect(text).not.toMatch(/(lol){3}/);
      expect(result.ok).toBe(true);
    }
    expect(requested).not.toContain('/evil.dtd');
  });

  it('drops javascript:, file: and data: links and images; relative ones resolve', async () => {
    const server = await serve((_path, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(
        rss(
          [
            '<item><title>Script</title><link>javascript:alert(1)</link><description>&lt;img src="javascript:alert(2)"&gt;</description></item>',
            '<item><title>File</title><link>file:///etc/passwd</link><enclosure url="file:///etc/passwd" type="image/png"/></item>',
            '<item><title>Data</title><link>data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;</link></item>',
            '<item><title>Fine</title><link>/posts/fine</link><description>&lt;img src="/img/fine.png"&gt;</description></item>',
          ].join(''),
        ),
      );
    });
    const result = await checkFeed(fetch, server.url);
    expect(result.ok && result.items.map(({ title, link, imageUrl }) => ({ title, link, imageUrl }))).toEqual([
      { title: 'Script', link: null, imageUrl: null },
      { title: 'File', link: null, imageUrl: null },
      { title: 'Data', link: null, imageUrl: null },
      { title: 'Fine', link: 'https://blog.example.com/posts/fine', imageUrl: 'https://blog.example.com/img/fine.png' },
    ]);
  });
});
