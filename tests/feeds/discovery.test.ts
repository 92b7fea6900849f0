/**
 * Finding the feed behind a web page that links none (issue 15), against real sites on 127.0.0.1: the
 * usual paths are tried in order on the page's origin, the first feed wins, web pages and errors on the
 * way are skipped, a site with none says what was tried, and a slow site cannot stretch the check past
 * its budget. Each site records the paths it was asked for, which is what most tests assert.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFeed, DEFAULT_LIMITS } from '../../feeds/index.ts';
import { rssFeed, startLocalServer } from '../helpers/http-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOME = '<!DOCTYPE html><html><head><title>Example Blog</title></head><body><h1>Posts</h1></body></html>';
const LOGIN =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form><input type="password"></form></body></html>';
const FEED = rssFeed('Example Blog', [
  {
    title: 'Hello',
    link: 'https://blog.example.com/hello',
    description: 'Hi.',
    published: new Date('2026-03-01T10:00:00Z'),
  },
]);

type Route = (response: ServerResponse) => void;
const html =
  (body: string): Route =>
  (response) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const rss: Route = (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);

/** A site that serves `routes` (everything else a 404 page) and keeps the paths it was asked for. */
async function site(routes: Record<string, Route>) {
  const asked: string[] = [];
  const server = await startLocalServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    asked.push(path);
    (routes[path] ?? ((answer) => answer.writeHead(404, { 'content-type': 'text/html' }).end('<html>404</html>')))(
      response,
    );
  });
  cleanups.push(server.close);
  return { url: server.url, host: new URL(server.url).host, asked };
}

const ALL_PATHS = ['/feed', '/feed.xml', '/rss', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json'];

describe('feed discovery on a page that links no feed', () => {
  it('finds the feed at /feed.xml, says where, and asks for nothing after it', async () => {
    const blog = await site({ '/': html(HOME), '/feed.xml': rss });
    expect(await checkFeed(fetch, blog.url)).toMatchObject({
      ok: true,
      url: `${blog.url}feed.xml`,
      discoveredFrom: blog.url,
      title: 'Example Blog',
      items: [{ title: 'Hello' }],
    });
    expect(blog.asked).toEqual(['/', '/feed', '/feed.xml']);
  });

  it('goes on past 404s in order and finds it at /index.xml, from a page deeper in the site', async () => {
    const blog = await site({ '/blog/about': html(HOME), '/index.xml': rss });
    const found = await checkFeed(fetch, `${blog.url}blog/about`);
    expect(found).toMatchObject({ ok: true, url: `${blog.url}index.xml`, discoveredFrom: `${blog.url}blog/about` });
    expect(blog.asked).toEqual(['/blog/about', ...ALL_PATHS.slice(0, 6)]);
  });

  it('skips a path that answers with a login page (after a redirect) and takes the next feed', async () => {
    const blog = await site({
      '/': html(HOME),
      '/feed': (response) => response.writeHead(302, { location: '/login' }).end(),
      '/login': html(LOGIN),
      '/rss': rss,
    });
    expect(await checkFeed(fetch, blog.url)).toMatchObject({ ok: true, url: `${blog.url}rss` });
    expect(blog.asked).toEqual(['/', '/feed', '/login', '/feed.xml', '/rss']);
  });

  it('with none anywhere, says in words that the page links no feed and which paths were tried', async () => {
    const blog = await site({
      '/': html(HOME),
      '/feed': html(LOGIN),
      '/rss': (response) => response.writeHead(500).end(),
    });
    expect(await checkFeed(fetch, blog.url)).toEqual({
      ok: false,
      url: blog.url,
      error: `this web page links no feed (it may be a login page), and none of /feed, /feed.xml, /rss, /rss.xml, /atom.xml, /index.xml, /feed.json on ${blog.host} answered with one`,
    });
    expect(blog.asked).toEqual(['/', ...ALL_PATHS]);
  });

  it('does not ask again for the address it was given', async () => {
    const blog = await site({ '/feed': html(LOGIN) });
    const result = await checkFeed(fetch, `${blog.url}feed`);
    expect(result.ok).toBe(false);
    expect(blog.asked).toEqual(['/feed', ...ALL_PATHS.slice(1)]);
  });

  it('still prefers the feed a page announces over the usual paths', async () => {
    const blog = await site({
      '/': html('<html><head><link rel="alternate" type="application/atom+xml" href="/announced"></head></html>'),
      '/announced': rss,
      '/feed': rss,
    });
    expect(await checkFeed(fetch, blog.url)).toMatchObject({ ok: true, url: `${blog.url}announced` });
    expect(blog.asked).toEqual(['/', '/announced']);
  });
});

describe('the budget of the search', () => {
  // One timeout, shared by every path tried; small here so the test is quick. The site answers the page
  // at once; what it does on the paths decides how many of them may be asked.
  const limits = { ...DEFAULT_LIMITS, timeoutMs: 1000 };

  it('a site that never answers on its paths costs one timeout: the first path, then it stops', async () => {
    const never: Route = () => undefined;
    const blog = await site({ '/': html(HOME), ...Object.fromEntries(ALL_PATHS.map((path) => [path, never])) });
    expect(await checkFeed(fetch, blog.url, limits)).toEqual({
      ok: false,
      url: blog.url,
      error: `this web page links no feed (it may be a login page), and none of /feed on ${blog.host} answered with one within 1 second, so /feed.xml, /rss, /rss.xml, /atom.xml, /index.xml, /feed.json were not tried`,
    });
    expect(blog.asked).toEqual(['/', '/feed']);
  });

  it('a site slow on every path gets at most two of them asked within the one budget, not all seven', async () => {
    // Each path answers (a 404) after 60 % of the budget: the second cannot finish in what is left.
    const slow: Route = (response) => {
      const timer = setTimeout(() => response.writeHead(404).end(), 600);
      response.on('close', () => clearTimeout(timer));
    };
    const blog = await site({ '/': html(HOME), ...Object.fromEntries(ALL_PATHS.map((path) => [path, slow])) });
    const result = await checkFeed(fetch, blog.url, limits);
    expect(result.ok || result.error).toMatch(/answered with one within 1 second, so .*\/feed\.json were not tried$/);
    expect(blog.asked.slice(0, 2)).toEqual(['/', '/feed']);
    expect(blog.asked.length).toBeLessThanOrEqual(3);
  });
});
