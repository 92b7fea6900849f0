/**
 * The engine over time, with a fake clock (nothing sleeps) and a real feed server on 127.0.0.1: what
 * counts as new, what survives a restart, how intervals follow the server's hints, and the status the
 * window shows.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../main/core/ports.ts';
import { FeedEngine, type FeedUpdate } from '../../../main/feeds/feed-engine.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startLocalServer } from '../../helpers/http-server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
/** Conditions a real poll brings about: a generous cap, so a busy machine only makes them slower. */
const WAIT = { timeout: 4000 };

interface Entry {
  readonly slug: string;
  readonly title?: string;
  readonly hoursAgo: number;
  readonly extra?: string;
}

/** A feed server whose items, channel extras and headers a test changes between polls; it honours ETags. */
async function startBlog(clock: FakeClock, initial: Entry[]) {
  const blog = {
    entries: initial,
    channelExtra: '',
    headers: {} as Record<string, string>,
    requests: [] as string[],
    honourEtag: true,
  };
  const body = (): string => {
    const items = blog.entries.map(
      (entry) =>
        `<item><title>${entry.title ?? `Post ${entry.slug}`}</title><link>https://blog.example.com/${entry.slug}</link><guid>urn:post:${entry.slug}</guid>` +
        `<pubDate>${new Date(clock.now() - entry.hoursAgo * HOUR).toUTCString()}</pubDate><description>About ${entry.slug}.</description>${entry.extra ?? ''}</item>`,
    );
    return `<?xml version="1.0"?><rss version="2.0" xmlns:advocate="urn:advocate:share-kit:1"><channel><title>Blog</title><link>https://blog.example.com/</link>${blog.channelExtra}${items.join('')}</channel></rss>`;
  };
  const server = await startLocalServer((request, response) => {
    blog.requests.push(request.url ?? '');
    if (request.url === '/old-feed') {
      response.writeHead(301, { location: '/feed' }).end();
      return;
    }
    if (request.url !== '/feed') {
      response.writeHead(404).end();
      return;
    }
    const text = body();
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 12)}"`;
    if (blog.honourEtag && request.headers['if-none-match'] === etag) {
      response.writeHead(304).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, ...blog.headers }).end(text);
  });
  cleanups.push(server.close);
  return Object.assign(blog, { url: `${server.url}feed` });
}

async function openEngine(clock: FakeClock, dataDir: string, urls: string[], intervalMs?: number) {
  const engine = await FeedEngine.open({ fetch, dataDir, clock, log: quietLog, random: () => 0, intervalMs }, urls);
  const updates: FeedUpdate[] = [];
  engine.onUpdate((update) => updates.push(update));
  cleanups.push(() => engine.stop());
  return { engine, updates };
}

async function setup(entries: Entry[], intervalMs?: number) {
  const clock = new FakeClock();
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const blog = await startBlog(clock, entries);
  return { clock, dir, blog, ...(await openEngine(clock, dir.path, [blog.url], intervalMs)) };
}

const titles = (update: FeedUpdate | undefined): string[] => (update?.fresh ?? []).map((item) => item.title);

describe('feed engine', () => {
  it("counts only items from the last 3 days as new on a feed's first poll", async () => {
    const { engine, updates } = await setup([
      { slug: 'today', hoursAgo: 2 },
      { slug: 'two-days', hoursAgo: 48 },
      { slug: 'last-week', hoursAgo: 24 * 7 },
    ]);
    await engine.poll();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.firstPoll).toBe(true);
    expect(titles(updates[0])).toEqual(['Post today', 'Post two-days']);
    expect(updates[0]?.items).toHaveLength(3);
  });

  it('announces each new item once; an edited item updates silently', async () => {
    const { engine, updates, blog } = await setup([{ slug: 'a', hoursAgo: 100 }]);
    await engine.poll(true);
    blog.entries = [
      { slug: 'b', hoursAgo: 1 },
      { slug: 'a', title: 'Post a, corrected', hoursAgo: 100 },
    ];
    await engine.poll(true);
    await engine.poll(true);
    expect(updates.map(titles)).toEqual([[], ['Post b'], []]);
    expect(updates.at(-1)?.items.map((item) => item.title)).toEqual(['Post b', 'Post a, corrected']);
  });

  it('remembers what it has seen across a restart, and shows the last items before polling', async () => {
    const { clock, dir, blog, engine } = await setup([{ slug: 'a', hoursAgo: 1 }]);
    await engine.poll();
    await engine.stop();
    blog.entries = [
      { slug: 'b', hoursAgo: 0 },
      { slug: 'a', hoursAgo: 1 },
    ];
    const again = await openEngine(clock, dir.path, [blog.url]);
    expect(again.engine.snapshot().map((update) => update.items.map((item) => item.title))).toEqual([['Post a']]);
    await again.engine.poll(true);
    expect(again.updates.map(titles)).toEqual([['Post b']]);
    expect(again.updates[0]?.firstPoll).toBe(false);
  });

  it('sends validators back and keeps its items on a 304', async () => {
    const { engine, updates, blog } = await setup([{ slug: 'a', hoursAgo: 1 }]);
    await engine.poll();
    await engine.poll(true);
    expect(updates.map((update) => update.items.length)).toEqual([1, 1]);
    expect(blog.requests).toEqual(['/feed', '/feed']);
    expect(engine.feeds()[0]?.status.state).toBe('ok');
  });

  it('follows a 301 for good: the next poll goes straight to the new address', async () => {
    const clock = new FakeClock();
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const blog = await startBlog(clock, [{ slug: 'a', hoursAgo: 1 }]);
    const oldUrl = blog.url.replace(/feed$/, 'old-feed');
    const { engine } = await openEngine(clock, dir.path, [oldUrl]);
    await engine.poll();
    await engine.poll(true);
    expect(blog.requests).toEqual(['/old-feed', '/feed', '/feed']);
    expect(engine.feeds()[0]).toMatchObject({ url: oldUrl, fetchUrl: blog.url, title: 'Blog' });
  });

  it('polls on its own timer, every interval plus jitter, and never more often than every 5 minutes', async () => {
    const { engine, blog, clock } = await setup([{ slug: 'a', hoursAgo: 1 }], 60 * 1000);
    engine.start();
    expect(clock.nextTimerAt()).toBe(clock.now());
    clock.advance(0);
    await vi.waitUntil(() => engine.feeds()[0]?.status.state === 'ok', WAIT);
    expect(clock.nextTimerAt()).toBe(clock.now() + 5 * MINUTE);
    clock.advance(5 * MINUTE - 1);
    expect(blog.requests).toHaveLength(1);
    clock.advance(1);
    await vi.waitUntil(() => blog.requests.length === 2, WAIT);
  });

  it('times the polls after an interval change (policy changed it) with the new interval, without a restart', async () => {
    const { engine, blog, clock } = await setup([{ slug: 'a', hoursAgo: 1 }], 30 * MINUTE);
    engine.start();
    clock.advance(0);
    await vi.waitUntil(() => engine.feeds()[0]?.status.state === 'ok', WAIT);
    expect(clock.nextTimerAt()).toBe(clock.now() + 30 * MINUTE);
    engine.setIntervalMs(2 * HOUR);
    clock.advance(30 * MINUTE);
    await vi.waitUntil(() => blog.requests.length === 2 && clock.nextTimerAt() === clock.now() + 2 * HOUR, WAIT);
  });

  it('lets Cache-Control max-age and RSS ttl lengthen the interval, never shorten it', async () => {
    const { engine, blog, clock } = await setup([{ slug: 'a', hoursAgo: 1 }]);
    const nextCheckIn = async (): Promise<number> => {
      blog.entries = [...blog.entries, { slug: `n${String(blog.entries.length)}`, hoursAgo: 1 }];
      await engine.poll(true);
      const status = engine.feeds()[0]?.status;
      return status?.state === 'ok' ? Date.parse(status.nextCheckAt) - clock.now() : NaN;
    };
    expect(await nextCheckIn()).toBe(30 * MINUTE);
    blog.headers = { 'cache-control': 'max-age=7200' };
    expect(await nextCheckIn()).toBe(2 * HOUR);
    blog.headers = { 'cache-control': 'max-age=60' };
    blog.channelExtra = '<ttl>1</ttl>';
    expect(await nextCheckIn()).toBe(30 * MINUTE);
    blog.headers = {};
    blog.channelExtra = '<ttl>240</ttl>';
    expect(await nextCheckIn()).toBe(4 * HOUR);
  });

  it('holds an embargoed item back, then announces it once the embargo ends', async () => {
    const clock = new FakeClock();
    const embargo = new Date(clock.now() + 2 * HOUR).toISOString();
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const blog = await startBlog(clock, [
      { slug: 'live', hoursAgo: 200 },
      { slug: 'launch', hoursAgo: 0, extra: `<advocate:embargo>${embargo}</advocate:embargo>` },
    ]);
    const { engine, updates } = await openEngine(clock, dir.path, [blog.url], 4 * HOUR);
    await engine.poll();
    expect(updates[0]?.items.map((item) => item.title)).toEqual(['Post live']);
    expect(titles(updates[0])).toEqual([]);
    engine.start();
    // The timer wakes at the end of the embargo rather than after the 4-hour interval.
    expect(clock.nextTimerAt()).toBe(Date.parse(embargo));
    clock.advance(2 * HOUR);
    await vi.waitUntil(() => updates.length === 2, WAIT);
    expect(titles(updates[1])).toEqual(['Post launch']);
  });

  it('shows ok, then an error in plain words, then backing off', async () => {
    const { engine, blog, clock } = await setup([{ slug: 'a', hoursAgo: 1 }]);
    expect(engine.feeds()[0]?.status).toEqual({ state: 'pending' });
    await engine.poll();
    expect(engine.feeds()[0]?.status).toEqual({
      state: 'ok',
      checkedAt: new Date(clock.now()).toISOString(),
      nextCheckAt: new Date(clock.now() + 30 * MINUTE).toISOString(),
    });
    await engine.setFeedUrls([`${blog.url}-missing`]);
    await engine.poll();
    expect(engine.feeds()[0]?.status).toMatchObject({
      state: 'error',
      message: 'the feed was not found at this address (404)',
    });
    await engine.poll(true);
    expect(engine.feeds()[0]?.status).toMatchObject({
      state: 'backing-off',
      message: 'the feed was not found at this address (404)',
    });
  });

  it('"Refresh now" polls every feed except one whose server asked to wait (429 with Retry-After)', async () => {
    const { engine, blog, clock, dir } = await setup([{ slug: 'a', hoursAgo: 1 }]);
    let limited = 0;
    const busy = await startLocalServer((_request, response) => {
      limited += 1;
      response.writeHead(429, { 'retry-after': '7200' }).end();
    });
    cleanups.push(busy.close);
    await engine.setFeedUrls([blog.url, busy.url]);
    await engine.poll();
    await engine.poll(true);
    expect([blog.requests.length, limited]).toEqual([2, 1]);
    // The hold is in the saved state: a restart within the two hours respects it too.
    await engine.stop();
    const reopened = await openEngine(clock, dir.path, [blog.url, busy.url]);
    await reopened.engine.poll(true);
    expect([blog.requests.length, limited]).toEqual([3, 1]);
    clock.advance(2 * HOUR);
    await reopened.engine.poll(true);
    expect(limited).toBe(2);
  });

  it('adds and removes feeds at runtime: a new one is due at once, a removed one is forgotten', async () => {
    const { engine, blog, dir, clock } = await setup([{ slug: 'a', hoursAgo: 1 }]);
    await engine.poll();
    await engine.setFeedUrls([]);
    expect(engine.feeds()).toEqual([]);
    await engine.setFeedUrls([blog.url]);
    expect(engine.feeds()[0]?.status).toEqual({ state: 'pending' });
    const reopened = await openEngine(clock, dir.path, [blog.url]);
    // Its state went with it: the feed is new again, so its first poll rules apply.
    await reopened.engine.poll();
    expect(reopened.updates[0]?.firstPoll).toBe(true);
  });
});
