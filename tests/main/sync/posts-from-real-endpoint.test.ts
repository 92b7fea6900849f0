/**
 * The hub for real: a desktop's core enrolled with a real endpoint whose own poller reads the company
 * blog (added as `add-feed` adds it), and a blog on 127.0.0.1 that counts its requests. The desktop
 * must never ask the blog while the endpoint answers, a pinged post must reach it within one
 * /v1/posts pull, and once the endpoint is gone past the fallback time it reads the blog itself,
 * keeping every post and announcing none twice. The desktop's time is the fake clock; the endpoint's
 * poller runs on real time, so the test waits for what it has read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../../feeds/index.ts';
import { createAppCore } from '../../../main/core/app-core.ts';
import { POSTS_INTERVAL_MS } from '../../../main/sync/endpoint-posts.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { addFeed, listFeeds } from '../../../server/feeds/feed-catalogue.ts';
import { blogPosts, startBlog } from '../../helpers/blog-server.ts';
import { startEndpoint } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const MINUTE = 60_000;
const FALLBACK_MS = 30 * MINUTE;
/** The endpoint's poller reads on real time: a busy machine may take seconds. */
const ENDPOINT_WAIT = { timeout: 30_000, interval: 20 };

async function folder(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

/** A real endpoint that polls its feeds (ticking fast so a ping is read at once); `stop` closes it once. */
async function startPollingEndpoint() {
  const endpoint = await startEndpoint(await folder(), 0, { feedPolls: { holder: 'test-replica', tickMs: 100 } });
  let closed: Promise<void> | null = null;
  const stop = (): Promise<void> => (closed ??= endpoint.close());
  cleanups.push(async () => {
    await stop();
    await endpoint.dropDatabase();
  });
  return { endpoint, stop };
}

/** The endpoint's count of the feed's items, once its poller has read the feed after the add. */
async function itemsRead(endpoint: { db: Parameters<typeof listFeeds>[0] }, count: number): Promise<void> {
  await vi.waitUntil(async () => (await listFeeds(endpoint.db))[0]?.itemCount === count, ENDPOINT_WAIT);
}

describe('a desktop against the real endpoint that polls the blog', { timeout: 60_000 }, () => {
  it('lists the blog’s posts without asking the blog, gets a pinged post within one pull, and after the endpoint stops past the fallback time reads the blog itself, announcing nothing twice', async () => {
    const older = blogPosts(2);
    const blog = await startBlog(older);
    cleanups.push(blog.close);
    const { endpoint, stop } = await startPollingEndpoint();
    const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
    if (!added.ok) throw new Error(added.reason);
    await itemsRead(endpoint, 2);

    // Every address the desktop fetches, so its own requests to the blog are told from the poller's.
    const desktopFetched: string[] = [];
    const desktopAskedBlog = (): boolean => desktopFetched.some((url) => url.startsWith(blog.url));
    const clock = new FakeClock(Date.now());
    const core = await createAppCore({
      fetch: (input, init) => {
        desktopFetched.push(input);
        return fetch(input, init);
      },
      log: quietLog,
      dataDir: await folder(),
      // Policy names the blog too: the endpoint's posts must still be enough.
      feedUrls: [blog.feedUrl],
      endpointUrl: endpoint.url,
      deviceTokens: memoryTokenStore(await endpoint.enroll()),
      clock,
      // Pinned: each posts pull comes exactly POSTS_INTERVAL_MS after the last.
      random: () => 0.5,
      endpointFallbackMs: FALLBACK_MS,
    });
    cleanups.push(() => core.stop());
    const announced: string[] = [];
    core.coreEvents.on('newPosts', ({ posts }) => announced.push(...posts.map((post) => post.title)));
    const titles = async (): Promise<string[]> => (await core.handlers.listPosts()).map((post) => post.title).sort();

    // 1. The endpoint's posts, and not one request of the desktop's to the blog.
    await core.start();
    await core.postsIdle();
    expect(await titles()).toEqual(['Post 1', 'Post 2']);
    expect(core.postSource()).toMatchObject({ from: 'endpoint' });
    expect(desktopFetched.some((url) => url.startsWith(endpoint.url))).toBe(true);
    expect(desktopAskedBlog()).toBe(false);

    // 2. Published and pinged: the endpoint reads it now, and the desktop has it after one pull.
    const fresh = {
      title: 'Post new',
      link: 'https://blog.example.com/post-new',
      description: '<p>What the new post is about.</p>',
      published: new Date(),
    };
    blog.setItems([fresh, ...older]);
    const ping = await fetch(new URL(`v1/feeds/ping?secret=${added.pingSecret}`, endpoint.url), { method: 'POST' });
    expect(ping.status).toBe(202);
    await itemsRead(endpoint, 3);
    clock.advance(POSTS_INTERVAL_MS);
    await core.postsIdle();
    await vi.waitUntil(async () => (await titles()).includes('Post new'), ENDPOINT_WAIT);
    expect(await titles()).toEqual(['Post 1', 'Post 2', 'Post new']);
    expect(announced.filter((title) => title === 'Post new')).toEqual(['Post new']);
    expect(desktopAskedBlog()).toBe(false);

    // 3. The endpoint stops: silent pulls up to the fallback time leave the blog alone...
    await stop();
    for (let elapsed = POSTS_INTERVAL_MS; elapsed < FALLBACK_MS; elapsed += POSTS_INTERVAL_MS) {
      clock.advance(POSTS_INTERVAL_MS);
      await core.postsIdle();
    }
    expect(desktopAskedBlog()).toBe(false);
    expect(core.postSource()).toMatchObject({ from: 'endpoint' });
    // ...and the next one, past it, reads the blog itself.
    clock.advance(POSTS_INTERVAL_MS + 1);
    await vi.waitUntil(desktopAskedBlog, ENDPOINT_WAIT);
    await vi.waitUntil(() => core.postSource().from === 'fallback', ENDPOINT_WAIT);
    await core.postsIdle();
    expect(await titles()).toEqual(['Post 1', 'Post 2', 'Post new']);
    expect(announced.sort()).toEqual(['Post 1', 'Post 2', 'Post new']);
  });
});
