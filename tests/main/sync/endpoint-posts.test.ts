/**
 * A desktop enrolled with an endpoint that has feeds takes its posts from GET /v1/posts and leaves the
 * blog alone: against a hub on 127.0.0.1 that checks every request and answer against the contract
 * (tests/helpers/posts-hub.ts) and a blog that counts its requests. The cursor, the ETag and its 304,
 * pages, a restart, the fallback to polling the blog after the endpoint's silence (on the fake clock),
 * the way back, and the core's newPosts events: never the same post twice, whichever source brought it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore, type AppCore } from '../../../main/core/app-core.ts';
import { feedIdFor } from '../../../main/feeds/feed-engine.ts';
import { POSTS_INTERVAL_MS } from '../../../main/sync/endpoint-posts.ts';
import type { DeviceTokenStore, Logger } from '../../../main/core/ports.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { rssFeed, startLocalServer, type FeedItem } from '../../helpers/http-server.ts';
import { startPostsHub, type PostsHub } from '../../helpers/posts-hub.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** One "now" for every item, so the same post built twice is the same post (dates to the second). */
const NOW = Date.now();
const item = (slug: string, hoursAgo = 1): FeedItem => ({
  title: `Post ${slug}`,
  link: `https://blog.example.com/${slug}`,
  description: `About ${slug}.`,
  published: new Date(NOW - hoursAgo * HOUR),
});

/** A company blog whose feed the test changes, counting every request it gets. */
async function startBlog(items: readonly FeedItem[]) {
  let current = items;
  const counted = { requests: 0 };
  const server = await startLocalServer((_request, response) => {
    counted.requests += 1;
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(rssFeed('Example Blog', current));
  });
  cleanups.push(server.close);
  return {
    feedUrl: `${server.url}feed.xml`,
    /** The same feed at a slightly different address, as a desktop's policy might name it. */
    otherAddress: `${server.url}feed.xml?from=policy`,
    counted,
    rss: () => rssFeed('Example Blog', current),
    setItems(next: readonly FeedItem[]) {
      current = next;
    },
  };
}

type Blog = Awaited<ReturnType<typeof startBlog>>;

async function startHub(pageSize?: number): Promise<PostsHub> {
  const hub = await startPostsHub(pageSize === undefined ? {} : { pageSize });
  cleanups.push(async () => {
    // Every answer the hub gave was one PostsResponseSchema accepts.
    expect(hub.contractBreaks).toEqual([]);
    await hub.close();
  });
  return hub;
}

async function folder(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

interface DesktopOptions {
  readonly dataDir: string;
  /** The hub, or any endpoint address with the token the desktop holds. */
  readonly hub: Pick<PostsHub, 'url' | 'token'> | null;
  readonly log?: Logger;
  readonly feedUrls?: readonly string[];
  readonly clock?: FakeClock;
  readonly pollFeedsOnDesktop?: boolean;
  readonly tokens?: DeviceTokenStore;
}

/** A desktop's core, enrolled with the hub; `announced` lists the titles of every newPosts event. */
async function openDesktop(options: DesktopOptions) {
  const clock = options.clock ?? new FakeClock(Date.now());
  const core = await createAppCore({
    fetch,
    log: options.log ?? quietLog,
    dataDir: options.dataDir,
    feedUrls: options.feedUrls ?? [],
    endpointUrl: options.hub?.url ?? null,
    deviceTokens: options.tokens ?? memoryTokenStore(options.hub?.token ?? null),
    clock,
    random: () => 0.5,
    endpointFallbackMs: 30 * MINUTE,
    pollFeedsOnDesktop: options.pollFeedsOnDesktop ?? false,
  });
  const events: { feedId: string; titles: string[]; firstPoll: boolean }[] = [];
  core.coreEvents.on('newPosts', ({ feedId, posts, firstPoll }) =>
    events.push({ feedId, titles: posts.map((post) => post.title), firstPoll }),
  );
  const sources: string[] = [];
  core.events.on('postSourceChanged', (source) => sources.push(source.from));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await core.stop();
  };
  cleanups.push(stop);
  return {
    core,
    clock,
    events,
    /** Each postSourceChanged the window heard: where the posts come from now. */
    sources,
    announced: () => events.flatMap((event) => event.titles),
    titles: async () => (await core.handlers.listPosts()).map((post) => post.title).sort(),
    stop,
  };
}

const publish = (hub: PostsHub, blog: Blog, feedUrl = blog.feedUrl): Promise<void> => hub.publish(feedUrl, blog.rss());

/** Lets the posts timer fire once more (random is pinned: exactly the interval) and waits for that round to end. */
async function nextPostsRound(hub: PostsHub, desktop: { core: AppCore; clock: FakeClock }): Promise<void> {
  const asked = hub.postsRequests.length;
  desktop.clock.advance(POSTS_INTERVAL_MS);
  await desktop.core.postsIdle();
  expect(hub.postsRequests.length).toBe(asked + 1);
}

describe('posts from the endpoint', () => {
  it('shows the endpoint’s posts under the ids its own poll gives them, never asks the blog, and revalidates with a 304', async () => {
    const blog = await startBlog([item('a'), item('b', 2)]);
    const hub = await startHub();
    await publish(hub, blog);
    const desktop = await openDesktop({ dataDir: await folder(), hub, feedUrls: [blog.feedUrl] });
    await desktop.core.start();

    expect(await desktop.titles()).toEqual(['Post a', 'Post b']);
    expect(desktop.core.postSource()).toMatchObject({ from: 'endpoint' });
    expect(blog.counted.requests).toBe(0);
    expect(desktop.events).toEqual([
      { feedId: feedIdFor(blog.feedUrl), titles: ['Post a', 'Post b'], firstPoll: true },
    ]);

    // The same feed polled by a desktop without an endpoint: the very same post ids.
    const alone = await openDesktop({ dataDir: await folder(), hub: null, feedUrls: [blog.feedUrl] });
    await alone.core.start();
    const ids = async (core: AppCore) => (await core.handlers.listPosts()).map((post) => post.id).sort();
    expect(await ids(desktop.core)).toEqual(await ids(alone.core));
    expect(blog.counted.requests).toBe(1);

    await desktop.core.pollNow();
    await desktop.core.pollNow();
    const [first, second, third] = hub.postsRequests;
    expect(first).toEqual({ path: '/v1/posts', since: null, ifNoneMatch: null, status: 200 });
    // A new cursor is asked without the old answer's ETag; the same cursor again with it, and gets a 304.
    expect(second).toMatchObject({ since: '2', ifNoneMatch: null, status: 200 });
    expect(third).toMatchObject({ since: '2', status: 304 });
    expect(third?.ifNoneMatch).toMatch(/^"/);
    expect(blog.counted.requests).toBe(1);
    expect(desktop.announced()).toEqual(['Post a', 'Post b']);
  });

  it('asks again at once while the endpoint says more, and after a restart shows the kept posts and asks only after its cursor', async () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((slug, index) => item(slug, index + 1));
    const blog = await startBlog(five);
    const hub = await startHub(2);
    await publish(hub, blog);
    const dataDir = await folder();
    const first = await openDesktop({ dataDir, hub });
    await first.core.start();
    expect(hub.postsRequests.map((request) => request.since)).toEqual([null, '2', '4']);
    expect(await first.titles()).toEqual(['Post a', 'Post b', 'Post c', 'Post d', 'Post e']);
    await first.stop();

    blog.setItems([item('f', 0), ...five]);
    await publish(hub, blog);
    const again = await openDesktop({ dataDir, hub });
    // Before the endpoint is asked: what it gave last time.
    expect(await again.titles()).toEqual(['Post a', 'Post b', 'Post c', 'Post d', 'Post e']);
    await again.core.start();
    expect(hub.postsRequests.slice(3).map((request) => request.since)).toEqual(['5']);
    expect(await again.titles()).toEqual(['Post a', 'Post b', 'Post c', 'Post d', 'Post e', 'Post f']);
    expect(again.events).toEqual([{ feedId: feedIdFor(blog.feedUrl), titles: ['Post f'], firstPoll: false }]);
    expect(blog.counted.requests).toBe(0);
  });

  it('polls the blog itself once the endpoint has been silent past the policy’s time, and stops when it answers again; each post announced once', async () => {
    const blog = await startBlog([item('a'), item('b', 2)]);
    const hub = await startHub();
    await publish(hub, blog);
    const desktop = await openDesktop({ dataDir: await folder(), hub });
    await desktop.core.start();
    expect(desktop.core.postSource()).toMatchObject({ from: 'endpoint' });

    hub.goDown();
    // 28 minutes of silence: still the endpoint's posts, and not one request to the blog.
    for (let round = 0; round < 14; round += 1) await nextPostsRound(hub, desktop);
    expect(hub.postsRequests.slice(-14).every((request) => request.status === 0)).toBe(true);
    expect(desktop.core.postSource()).toMatchObject({ from: 'endpoint' });
    expect(blog.counted.requests).toBe(0);

    blog.setItems([item('c', 0), item('a'), item('b', 2)]);
    desktop.clock.advance(2 * MINUTE + 1);
    await vi.waitFor(() => expect(desktop.announced()).toContain('Post c'));
    expect(desktop.core.postSource()).toMatchObject({ from: 'fallback', afterMinutes: 30 });
    expect(blog.counted.requests).toBe(1);
    expect(await desktop.titles()).toEqual(['Post a', 'Post b', 'Post c']);

    // Back: the endpoint has what the blog had, and one more.
    blog.setItems([item('d', 0), item('c', 0), item('a'), item('b', 2)]);
    await publish(hub, blog);
    hub.comeBack();
    await nextPostsRound(hub, desktop);
    await vi.waitFor(() => expect(desktop.core.postSource()).toMatchObject({ from: 'endpoint' }));
    await vi.waitFor(() => expect(desktop.announced()).toContain('Post d'));
    const requestsWhenBack = blog.counted.requests;
    for (let round = 0; round < 30; round += 1) await nextPostsRound(hub, desktop);
    expect(blog.counted.requests).toBe(requestsWhenBack);
    expect(desktop.announced()).toEqual(['Post a', 'Post b', 'Post c', 'Post d']);
    expect(await desktop.titles()).toEqual(['Post a', 'Post b', 'Post c', 'Post d']);
    expect(desktop.sources).toEqual(['endpoint', 'fallback', 'endpoint']);
    expect(await desktop.core.handlers.getPostSource()).toEqual(desktop.core.postSource());
  });

  it('polls its own feeds while the endpoint has none, then takes the endpoint’s: a post known under another feed address is the same post', async () => {
    const blog = await startBlog([item('a'), item('b', 2)]);
    const hub = await startHub();
    hub.setFeeds(0);
    const desktop = await openDesktop({ dataDir: await folder(), hub, feedUrls: [blog.otherAddress] });
    await desktop.core.start();
    expect(desktop.core.postSource()).toEqual({ from: 'desktop', why: 'endpoint-has-no-feeds' });
    expect(blog.counted.requests).toBe(1);
    expect(desktop.announced()).toEqual(['Post a', 'Post b']);

    blog.setItems([item('c', 0), item('a'), item('b', 2)]);
    hub.setFeeds(1);
    await publish(hub, blog);
    await desktop.core.pollNow();
    expect(desktop.core.postSource()).toMatchObject({ from: 'endpoint' });
    expect(desktop.announced()).toEqual(['Post a', 'Post b', 'Post c']);
    expect(await desktop.titles()).toEqual(['Post a', 'Post b', 'Post c']);
    const ids = (await desktop.core.handlers.listPosts()).map((post) => post.feedId);
    expect(new Set(ids)).toEqual(new Set([feedIdFor(blog.feedUrl)]));

    // The fallback polls both addresses: nothing new, and each post is listed once.
    hub.goDown();
    for (let round = 0; round < 16; round += 1) await nextPostsRound(hub, desktop);
    await vi.waitFor(() => expect(blog.counted.requests).toBe(3));
    expect(desktop.core.postSource()).toMatchObject({ from: 'fallback' });
    expect(desktop.announced()).toEqual(['Post a', 'Post b', 'Post c']);
    expect(await desktop.titles()).toEqual(['Post a', 'Post b', 'Post c']);
  });

  it('never asks the endpoint for posts when policy keeps polling on the desktop', async () => {
    const blog = await startBlog([item('a')]);
    const hub = await startHub();
    await publish(hub, blog);
    const desktop = await openDesktop({
      dataDir: await folder(),
      hub,
      feedUrls: [blog.feedUrl],
      pollFeedsOnDesktop: true,
    });
    await desktop.core.start();
    await desktop.core.pollNow();
    desktop.clock.advance(10 * POSTS_INTERVAL_MS);
    await desktop.core.postsIdle();
    expect(desktop.core.postSource()).toEqual({ from: 'desktop', why: 'policy' });
    expect(hub.postsRequests).toEqual([]);
    expect(blog.counted.requests).toBe(2);
    expect(desktop.announced()).toEqual(['Post a']);
  });

  it('refuses a posts answer that breaks the contract (a javascript: link, an unknown field) as a whole: nothing of it shown, the own feeds keep working', async () => {
    const blog = await startBlog([item('a')]);
    const asked: string[] = [];
    const hostile = await startLocalServer((request, response) => {
      if (!request.url?.startsWith('/v1/posts')) {
        response.writeHead(304).end();
        return;
      }
      asked.push(request.url);
      response.writeHead(200, { 'content-type': 'application/json', etag: '"x"' });
      response.end(
        JSON.stringify({
          feeds: 1,
          posts: [
            {
              feedUrl: blog.feedUrl,
              item: {
                id: 'evil',
                link: 'javascript:alert(1)',
                title: 'Evil',
                pitch: 'Click me.',
                imageUrl: null,
                publishedAt: null,
                messages: {},
                hashtags: [],
                embargoUntil: null,
                script: '<script>alert(1)</script>',
              },
              firstSeenAt: new Date().toISOString(),
            },
          ],
          cursor: '1',
          more: false,
        }),
      );
    });
    cleanups.push(hostile.close);
    const warnings: { message: string; details: unknown }[] = [];
    const log: Logger = {
      ...quietLog,
      warn: (message, details) => warnings.push({ message, details }),
    };
    const desktop = await openDesktop({
      dataDir: await folder(),
      hub: { url: hostile.url, token: 'h'.repeat(43) },
      feedUrls: [blog.feedUrl],
      log,
    });
    await desktop.core.start();
    await desktop.core.pollNow();

    expect(asked).toEqual(['/v1/posts', '/v1/posts']);
    // The cursor of a refused answer is not taken: the next request asks for everything again.
    expect(desktop.core.postSource()).toEqual({ from: 'desktop', why: 'endpoint-not-heard' });
    expect(await desktop.titles()).toEqual(['Post a']);
    expect(desktop.announced()).toEqual(['Post a']);
    expect(warnings.filter((warning) => warning.message.includes('posts'))).toEqual([
      {
        message: 'could not get the posts from the endpoint; asking again later',
        details: { reason: "the endpoint's answer to v1/posts has an unexpected shape", waitsForEnrollment: false },
      },
    ]);
  });

  it('drops a device token the endpoint refuses for posts, as it does for shares, and keeps polling its own feeds', async () => {
    const blog = await startBlog([item('a')]);
    const hub = await startHub();
    await publish(hub, blog);
    const tokens = memoryTokenStore('r'.repeat(43));
    const desktop = await openDesktop({ dataDir: await folder(), hub, feedUrls: [blog.feedUrl], tokens });
    await desktop.core.start();
    expect(hub.postsRequests.map((request) => request.status)).toEqual([401]);
    expect(await tokens.load()).toBeNull();
    expect(desktop.core.postSource()).toEqual({ from: 'desktop', why: 'endpoint-not-heard' });
    expect(await desktop.core.handlers.getSyncStatus()).toMatchObject({ state: 'needs-enrollment' });
    // Without a token (and no code to enroll with) nothing more is asked of the endpoint.
    desktop.clock.advance(POSTS_INTERVAL_MS);
    await desktop.core.postsIdle();
    expect(hub.postsRequests).toHaveLength(1);
    expect(await desktop.titles()).toEqual(['Post a']);
  });

  it('asks for every post again when the endpoint refuses a kept cursor, and announces none of those it had', async () => {
    const blog = await startBlog([item('a'), item('b', 2)]);
    const hub = await startHub();
    await publish(hub, blog);
    const dataDir = await folder();
    const first = await openDesktop({ dataDir, hub });
    await first.core.start();
    await first.stop();
    const cachePath = join(dataDir, 'sync-cache.json');
    const cache = JSON.parse(await readFile(cachePath, 'utf8')) as { posts: { cursor: string } };
    await writeFile(
      cachePath,
      JSON.stringify({ ...cache, posts: { ...cache.posts, cursor: 'from-another-database' } }),
    );

    const again = await openDesktop({ dataDir, hub });
    await again.core.start();
    expect(hub.postsRequests.slice(1).map(({ since, status }) => ({ since, status }))).toEqual([
      { since: 'from-another-database', status: 400 },
      { since: null, status: 200 },
    ]);
    expect(again.core.postSource()).toMatchObject({ from: 'endpoint' });
    expect(await again.titles()).toEqual(['Post a', 'Post b']);
    expect(again.events).toEqual([]);
  });

  it('quitting while the endpoint is answering still announces what that answer brings (its cursor is kept, so no later start would)', async () => {
    const blog = await startBlog([item('a')]);
    const hub = await startHub();
    await publish(hub, blog);
    const dataDir = await folder();
    const desktop = await openDesktop({ dataDir, hub });
    await desktop.core.start();
    blog.setItems([item('b', 0), item('a')]);
    await publish(hub, blog);
    const release = hub.hold();
    const refreshing = desktop.core.pollNow();
    await vi.waitFor(() => expect(hub.held()).toBe(1));
    const stopping = desktop.stop();
    release();
    await Promise.all([refreshing, stopping]);
    expect(desktop.announced()).toEqual(['Post a', 'Post b']);

    const again = await openDesktop({ dataDir, hub });
    await again.core.start();
    expect(again.events).toEqual([]);
    expect(await again.titles()).toEqual(['Post a', 'Post b']);
  });
});
