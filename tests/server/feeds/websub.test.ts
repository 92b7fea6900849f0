/**
 * WebSub against a real hub on 127.0.0.1 (tests/helpers/websub-hub.ts): the blog announces the hub in
 * its Link header, the endpoint (with a public address) subscribes with a secret of its own, answers
 * the hub's challenge, and a signed notification gets the new post to GET /v1/posts. What a forger
 * sends reads nothing; a challenge is echoed only for what the endpoint asked; a refusal is shown in
 * words; the lease is renewed before it ends; a removed feed is unsubscribed; another replica on the
 * same database checks notifications as well.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostsResponse } from '../../../common/protocol.ts';
import { checkFeed } from '../../../feeds/index.ts';
import { addFeed, listFeeds, removeFeed } from '../../../server/feeds/feed-catalogue.ts';
import { webSubInWords } from '../../../server/dashboard/pages/feeds.ts';
import { subscriptionsByFeed } from '../../../server/websub/subscriptions.ts';
import { blogPosts, startBlog, type Blog } from '../../helpers/blog-server.ts';
import { startEndpoint, type TestEndpoint } from '../../helpers/endpoint.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { freePort } from '../../helpers/postgres-cluster.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { sign, startWebSubHub, type WebSubHub } from '../../helpers/websub-hub.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const WAIT = { timeout: 30_000, interval: 25 };
const POLLS = { holder: 'replica-a', tickMs: 100 };

/** An endpoint whose public address is its own (known before it starts), subscribing at hubs. */
async function endpointWithPublicUrl(options: { publicUrl?: boolean } = {}): Promise<TestEndpoint> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const port = await freePort();
  const endpoint = await startEndpoint(dir.path, port, {
    feedPolls: POLLS,
    webSub: { holder: 'replica-a', tickMs: 100 },
    ...(options.publicUrl === false ? {} : { publicUrl: `http://127.0.0.1:${String(port)}/` }),
  });
  cleanups.push(endpoint.dropDatabase, endpoint.close);
  return endpoint;
}

interface Setup {
  readonly hub: WebSubHub;
  readonly blog: Blog;
  readonly endpoint: TestEndpoint;
}

/** A hub, a blog that names it, an endpoint that added the blog's feed; `subscribed` waits for the handshake. */
async function setup(leaseSeconds = 3600, options: { publicUrl?: boolean; subscribed?: boolean } = {}): Promise<Setup> {
  const hub = await startWebSubHub(leaseSeconds);
  cleanups.push(hub.close);
  const blog = await startBlog(blogPosts(1), { link: `<${hub.url}>; rel="hub"` });
  cleanups.push(blog.close);
  const endpoint = await endpointWithPublicUrl(options);
  const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!added.ok) throw new Error(added.reason);
  await vi.waitFor(async () => expect((await listFeeds(endpoint.db))[0]?.webSubHub).toBe(hub.url), WAIT);
  if (options.subscribed !== false)
    await vi.waitFor(() => expect(hub.subscribers.get(blog.feedUrl)).toBeDefined(), WAIT);
  return { hub, blog, endpoint };
}

async function words(endpoint: TestEndpoint, subscribing = true): Promise<string | null> {
  const [feed] = await listFeeds(endpoint.db);
  if (!feed) throw new Error('no feed');
  return webSubInWords(feed, { subscriptions: await subscriptionsByFeed(endpoint.db), subscribing });
}

const nextRead = async (endpoint: TestEndpoint): Promise<string | undefined> =>
  (await listFeeds(endpoint.db))[0]?.nextCheckAt;

describe('WebSub', { timeout: 90_000 }, () => {
  it('subscribes at the hub with a secret, answers its challenge, and a signed notification brings the new post to GET /v1/posts', async () => {
    const { hub, blog, endpoint } = await setup();
    const subscriber = hub.subscribers.get(blog.feedUrl);
    expect(subscriber?.callback.startsWith(`${endpoint.url}v1/feeds/websub/`)).toBe(true);
    expect(subscriber?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hub.requests[0]).toMatchObject({ mode: 'subscribe', topic: blog.feedUrl, leaseSeconds: '864000' });
    expect(hub.verifications).toEqual([
      { mode: 'subscribe', topic: blog.feedUrl, callback: subscriber?.callback, status: 200, echoed: true },
    ]);
    await vi.waitFor(
      async () => expect(await words(endpoint)).toMatch(/^Subscribed at the WebSub hub .* until /),
      WAIT,
    );

    const device = apiAs(endpoint.url, await endpoint.enroll());
    blog.setItems(blogPosts(2).map((post, index) => (index === 0 ? { ...post, title: 'Pushed post' } : post)));
    expect(await hub.publish(blog.feedUrl, '<rss version="2.0"><channel/></rss>')).toBe(202);
    await vi.waitFor(async () => {
      const answer = await device.get<PostsResponse>('v1/posts');
      expect(answer.body.posts.map((post) => post.item.title)).toContain('Pushed post');
    }, WAIT);
  });

  it('takes notifications signed with sha1, sha384 and sha512 too, as the recommendation allows', async () => {
    const { hub, blog } = await setup();
    for (const method of ['sha1', 'sha384', 'sha512'] as const)
      expect(await hub.publish(blog.feedUrl, `<rss>${method}</rss>`, method)).toBe(202);
  });

  it('reads nothing for a notification without a signature, with a wrong one, or with a method the recommendation does not name', async () => {
    const { hub, blog, endpoint } = await setup();
    await vi.waitFor(async () => expect((await listFeeds(endpoint.db))[0]?.checkedAt).not.toBeNull(), WAIT);
    const before = { next: await nextRead(endpoint), requests: blog.seen.requests };
    const callback = hub.subscribers.get(blog.feedUrl)?.callback ?? '';
    const body = '<rss version="2.0"><channel/></rss>';
    for (const signature of [
      null,
      sign('sha256', 'not the secret', body),
      sign('md5', hub.subscribers.get(blog.feedUrl)?.secret ?? '', body),
      'sha256=',
    ])
      expect(await hub.post(callback, body, signature), String(signature)).toBe(403);
    // A signature of another body (the content was changed on the way) holds neither.
    const secret = hub.subscribers.get(blog.feedUrl)?.secret ?? '';
    expect(await hub.post(callback, `${body} `, sign('sha256', secret, body))).toBe(403);
    // Refused before anything was written: the feed's next read has not moved, and the blog was not asked.
    expect(await nextRead(endpoint)).toBe(before.next);
    expect(blog.seen.requests).toBe(before.requests);
  });

  it('echoes a challenge only for the mode and topic it asked for, and for no callback it did not give out', async () => {
    const { hub, blog, endpoint } = await setup();
    const callback = hub.subscribers.get(blog.feedUrl)?.callback ?? '';
    // Already verified: a replayed subscribe, an unsubscribe it never asked for, another topic.
    expect((await hub.verify(callback, 'subscribe', blog.feedUrl)).status).toBe(404);
    expect((await hub.verify(callback, 'unsubscribe', blog.feedUrl)).status).toBe(404);
    expect((await hub.verify(callback, 'subscribe', 'https://elsewhere.example.com/feed')).status).toBe(404);
    const unknown = `${endpoint.url}v1/feeds/websub/${'A'.repeat(43)}`;
    expect((await hub.verify(unknown, 'subscribe', blog.feedUrl)).status).toBe(404);
    // None of them changed what the endpoint holds.
    expect(await words(endpoint)).toMatch(/^Subscribed at the WebSub hub /);
  });

  it('says in words that the hub refused, and why, and asks again later', async () => {
    const hub = await startWebSubHub();
    cleanups.push(hub.close);
    hub.refuseWith('this hub only serves feeds of example.org');
    const blog = await startBlog(blogPosts(1), { link: `<${hub.url}>; rel="hub"` });
    cleanups.push(blog.close);
    const endpoint = await endpointWithPublicUrl();
    const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
    if (!added.ok) throw new Error(added.reason);
    await vi.waitFor(async () => expect(await words(endpoint)).toMatch(/did not take/), WAIT);
    expect(await words(endpoint)).toMatch(
      /^The WebSub hub .* did not take the subscription: the hub refused: this hub only serves feeds of example\.org\. Asked again at /,
    );
    expect(hub.verifications).toEqual([]);
  });

  it('subscribes again before the lease the hub granted runs out', async () => {
    const { hub, blog } = await setup(2);
    await vi.waitFor(
      () =>
        expect(
          hub.verifications.filter((seen) => seen.mode === 'subscribe' && seen.topic === blog.feedUrl && seen.echoed),
        ).toHaveLength(2),
      WAIT,
    );
  });

  it('unsubscribes when the feed is removed, and tells the hub to stop sending after that', async () => {
    const { hub, blog, endpoint } = await setup();
    const callback = hub.subscribers.get(blog.feedUrl)?.callback ?? '';
    expect(await removeFeed(endpoint.db, blog.feedUrl)).toBe(true);
    await vi.waitFor(() => expect(hub.subscribers.has(blog.feedUrl)).toBe(false), WAIT);
    expect(hub.verifications.at(-1)).toMatchObject({ mode: 'unsubscribe', status: 200, echoed: true });
    expect(await subscriptionsByFeed(endpoint.db)).toEqual(new Map());
    expect(await hub.post(callback, '<rss/>', sign('sha256', 'any', '<rss/>'))).toBe(410);
  });

  it('checks a notification on another replica of the same database, which never asked the hub itself', async () => {
    const { hub, blog, endpoint } = await setup();
    const other = await startEndpoint(endpoint.dir, 0, { feedPolls: { holder: 'replica-b', tickMs: 100 } });
    cleanups.push(other.close);
    const path = new URL(hub.subscribers.get(blog.feedUrl)?.callback ?? '').pathname.slice(1);
    const secret = hub.subscribers.get(blog.feedUrl)?.secret ?? '';
    const body = '<rss version="2.0"><channel/></rss>';
    expect(await hub.post(new URL(path, other.url).href, body, sign('sha256', 'forged', body))).toBe(403);
    const before = blog.seen.requests;
    expect(await hub.post(new URL(path, other.url).href, body, sign('sha256', secret, body))).toBe(202);
    await vi.waitFor(() => expect(blog.seen.requests).toBeGreaterThan(before), WAIT);
  });

  it('does not subscribe without a public address, and the Feeds page says what to set', async () => {
    const { hub, endpoint } = await setup(3600, { publicUrl: false, subscribed: false });
    expect(await words(endpoint, false)).toMatch(/announces the WebSub hub .* public address \(--public-url\)/);
    // The subscriptions job never ran: no row exists and the hub heard nothing.
    expect(await subscriptionsByFeed(endpoint.db)).toEqual(new Map());
    expect(hub.requests).toEqual([]);
  });
});
