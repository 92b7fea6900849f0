/**
 * POST /v1/feeds/ping, as CMSs call it on publish: with the feed's ping secret in the URL (any body, any
 * content type), or with the admin token and the feed's address. A wrong secret reads nothing, and a
 * feed whose server asked us to wait is not read before that time, ping or not.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../../feeds/index.ts';
import { addFeed, listFeeds } from '../../../server/feeds/feed-catalogue.ts';
import { newToken } from '../../../server/security/secrets.ts';
import { blogPosts, startBlog, type Blog } from '../../helpers/blog-server.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest({ feedPolls: { holder: 'test-replica', tickMs: 100 } });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Ping {
  feed: string;
  readAt: string;
  message: string;
}

/** A blog added to the endpoint and read once (after the check); its ping secret and the requests so far. */
async function readBlog(): Promise<{ blog: Blog; secret: string; requests: number }> {
  const blog = await startBlog(blogPosts(1));
  cleanups.push(blog.close);
  const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!added.ok) throw new Error(added.reason);
  await vi.waitFor(async () => expect((await listFeeds(endpoint.db))[0]?.checkedAt).not.toBeNull(), {
    timeout: 30_000,
    interval: 20,
  });
  return { blog, secret: added.pingSecret, requests: blog.seen.requests };
}

const requestsAfter = (blog: Blog, count: number): Promise<void> =>
  vi.waitFor(() => expect(blog.seen.requests).toBeGreaterThanOrEqual(count), { timeout: 30_000, interval: 20 });

async function send(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Ping & { message: string } }> {
  const response = await fetch(new URL(path, endpoint.url), { method: 'POST', ...init });
  return { status: response.status, body: (await response.json()) as Ping & { message: string } };
}

// Reads by the poller take a few seconds on a busy machine: the waits inside allow 30.
describe('POST /v1/feeds/ping', { timeout: 60_000 }, () => {
  it("reads the feed at once for its ping secret, whatever body the CMS sends (Ghost's JSON post, a form, nothing)", async () => {
    const { blog, secret, requests } = await readBlog();
    const bodies: RequestInit[] = [
      // Ghost sends the whole post as JSON: far past the API's 64 KiB, and ignored.
      {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ post: { current: { html: 'x'.repeat(300_000) } } }),
      },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'post_id=42&action=publish' },
      {},
    ];
    for (const [index, init] of bodies.entries()) {
      const answer = await send(`v1/feeds/ping?secret=${secret}`, init);
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({
        feed: blog.feedUrl,
        message: expect.stringContaining('within seconds') as unknown,
      });
      await requestsAfter(blog, requests + 1 + index);
    }
  });

  it('reads the feed for the admin token with its address; without an address, or for an unknown one, it says what is missing', async () => {
    const { blog, requests } = await readBlog();
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    expect((await admin.post(`v1/feeds/ping?url=${encodeURIComponent(blog.feedUrl)}`, '{}')).status).toBe(202);
    await requestsAfter(blog, requests + 1);
    const none = await admin.post<{ message: string }>('v1/feeds/ping', '{}');
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('?url=');
    const unknown = await admin.post<{ message: string }>(
      `v1/feeds/ping?url=${encodeURIComponent('https://elsewhere.example.com/feed')}`,
      '{}',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain("is not one of the organisation's feeds");
  });

  it('a guessed secret, a device token or no credentials read nothing (401, saying what is needed)', async () => {
    const { blog, requests } = await readBlog();
    const guessed = await send(`v1/feeds/ping?secret=${newToken()}`);
    expect(guessed.status).toBe(401);
    expect(guessed.body.message).toContain('belongs to none of the feeds');
    const device = apiAs(endpoint.url, await endpoint.enroll());
    expect((await device.post(`v1/feeds/ping?url=${encodeURIComponent(blog.feedUrl)}`, '{}')).status).toBe(401);
    const bare = await send('v1/feeds/ping');
    expect(bare.status).toBe(401);
    expect(bare.body.message).toContain('ping secret');
    // A malformed secret is refused by the schema, naming the field.
    const malformed = await send('v1/feeds/ping?secret=short');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('querystring.secret');
    expect(blog.seen.requests).toBe(requests);
  });

  it('a ping that comes while the feed is being read is not lost: the feed is read again after that read', async () => {
    const { blog, secret, requests } = await readBlog();
    const gate = blog.holdNext();
    expect((await send(`v1/feeds/ping?secret=${secret}`)).status).toBe(202);
    await gate.arrived;
    // The CMS publishes and pings while the endpoint is still reading the old feed.
    blog.setItems(blogPosts(2));
    expect((await send(`v1/feeds/ping?secret=${secret}`)).status).toBe(202);
    gate.release();
    await requestsAfter(blog, requests + 2);
    await vi.waitFor(async () => expect((await listFeeds(endpoint.db))[0]?.itemCount).toBe(2), {
      timeout: 30_000,
      interval: 20,
    });
  });

  it('a feed whose stored state is damaged (hand-edited) still takes a ping and is read afresh', async () => {
    const { blog, secret, requests } = await readBlog();
    await endpoint.db.updateTable('feeds').set({ state: '{"version": 1, "url": ' }).execute();
    expect((await send(`v1/feeds/ping?secret=${secret}`)).status).toBe(202);
    await requestsAfter(blog, requests + 1);
    await vi.waitFor(
      async () => {
        const row = await endpoint.db.selectFrom('feeds').select('state').executeTakeFirstOrThrow();
        expect(JSON.parse(row.state)).toMatchObject({ url: blog.feedUrl, firstPollDone: true });
      },
      { timeout: 30_000, interval: 20 },
    );
  });

  it('a ping never reads a feed before the time its server asked us to wait (Retry-After); the answer says when', async () => {
    const { blog, secret, requests } = await readBlog();
    blog.setBusy(3600);
    expect((await send(`v1/feeds/ping?secret=${secret}`)).status).toBe(202);
    await requestsAfter(blog, requests + 1);
    await vi.waitFor(async () => expect((await listFeeds(endpoint.db))[0]?.lastError).not.toBeNull(), {
      timeout: 30_000,
      interval: 20,
    });
    const waited = await send(`v1/feeds/ping?secret=${secret}`);
    expect(waited.status).toBe(202);
    expect(Date.parse(waited.body.readAt)).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(waited.body.message).toContain('asked us to wait');
    // The poller reads only due feeds: this one is due when its server said.
    expect((await listFeeds(endpoint.db))[0]?.nextCheckAt).toBe(waited.body.readAt);
  });
});
