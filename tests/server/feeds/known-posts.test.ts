/**
 * Shares only of real posts: once the organisation has feeds, an event or a tracked link for a URL none
 * of them has is refused as "unknown post" (made-up URLs cannot top the leaderboard), unless the
 * endpoint runs with --allow-outside-posts; the contest draw counts only shares of the feeds' posts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventResults, PostsResponse, Summary } from '../../../common/protocol.ts';
import { checkFeed } from '../../../feeds/index.ts';
import { drawWinner } from '../../../server/draws/contest-draw.ts';
import { addFeed } from '../../../server/feeds/feed-catalogue.ts';
import { blogPosts, startBlog } from '../../helpers/blog-server.ts';
import { freshEndpointPerTest, type TestEndpoint } from '../../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../../helpers/endpoint-api.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const KNOWN = 'https://blog.example.com/post-1';
const MADE_UP = 'https://blog.example.com/made-up-1';

/** Adds a blog with post-1 and post-2 as the organisation's feed and waits until its posts are served. */
async function withFeed(endpoint: TestEndpoint, device: ReturnType<typeof apiAs>): Promise<void> {
  const blog = await startBlog(blogPosts(2));
  cleanups.push(blog.close);
  const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!added.ok) throw new Error(added.reason);
  await vi.waitFor(async () => expect((await device.get<PostsResponse>('v1/posts')).body.posts).toHaveLength(2), {
    timeout: 30_000,
    interval: 20,
  });
}

// Reads by the poller take a few seconds on a busy machine: the waits inside allow 30.
describe('once the organisation has feeds', { timeout: 60_000 }, () => {
  const endpoint = freshEndpointPerTest({ feedPolls: { holder: 'test-replica', tickMs: 100 } });

  it('a batch sharing a made-up URL has that event rejected as "unknown post"; the real post in it is counted', async () => {
    const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    await withFeed(endpoint, device);
    const real = shareEvent({ postKey: KNOWN });
    const fakes = Array.from({ length: 20 }, (_, index) =>
      shareEvent({ postKey: `https://blog.example.com/made-up-${String(index)}` }),
    );
    const answer = await device.post<EventResults>('v1/events', { events: [real, ...fakes] });
    expect(answer.body.results[0]).toEqual({ id: real.id, status: 'created' });
    for (const [index, fake] of fakes.entries())
      expect(answer.body.results[index + 1]).toEqual({ id: fake.id, status: 'rejected', reason: 'unknown post' });
    expect((await device.get<Summary>('v1/summary')).body.me.shares).toBe(1);
    expect((await endpoint.rows()).map((row) => row.post_key)).toEqual([KNOWN]);
  });

  it('asking for tracked links of a made-up URL is refused as "unknown post"; a real post gets its links', async () => {
    const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    await withFeed(endpoint, device);
    const refused = await device.post<{ message: string }>('v1/links', { postKey: MADE_UP, networks: ['x'] });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('unknown post');
    expect((await device.post('v1/links', { postKey: KNOWN, networks: ['x'] })).status).toBe(200);
  });

  it('a take-back of a share counted before the feeds were added still comes down; one of nothing standing is rejected', async () => {
    const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    const before = shareEvent({ postKey: MADE_UP, at: new Date(Date.now() - 60_000) });
    expect((await device.post<EventResults>('v1/events', { events: [before] })).body.results[0]?.status).toBe(
      'created',
    );
    await withFeed(endpoint, device);
    const takeBack = shareEvent({ postKey: MADE_UP, type: 'unshared' });
    const stranger = shareEvent({ postKey: 'https://blog.example.com/never-shared', type: 'unshared' });
    const answer = await device.post<EventResults>('v1/events', { events: [takeBack, stranger] });
    expect(answer.body.results).toEqual([
      { id: takeBack.id, status: 'created' },
      { id: stranger.id, status: 'rejected', reason: 'unknown post' },
    ]);
    expect((await device.get<Summary>('v1/summary')).body.me.shares).toBe(0);
  });

  it('the contest draw counts only shares of the feeds’ posts', async () => {
    const outsider = apiAs(endpoint.url, await endpoint.enroll('Outsider'));
    // Shared before there were feeds, of a URL the feeds do not have.
    await outsider.post('v1/events', { events: [shareEvent({ postKey: MADE_UP })] });
    const reader = apiAs(endpoint.url, await endpoint.enroll('Reader'));
    await withFeed(endpoint, reader);
    await reader.post('v1/events', { events: [shareEvent({ postKey: KNOWN })] });
    const today = new Date().toISOString().slice(0, 10);
    const draw = await drawWinner(endpoint.db, { from: today, to: today, seed: 'x' });
    expect(draw).toMatchObject({ candidates: 1, winner: 'Reader' });
  });
});

// Reads by the poller take a few seconds on a busy machine: the waits inside allow 30.
describe('with --allow-outside-posts', { timeout: 60_000 }, () => {
  const endpoint = freshEndpointPerTest({
    feedPolls: { holder: 'test-replica', tickMs: 100 },
    allowOutsidePosts: true,
  });

  it('shares and links of URLs the feeds do not have are counted and made as before', async () => {
    const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    await withFeed(endpoint, device);
    const outside = shareEvent({ postKey: MADE_UP });
    expect((await device.post<EventResults>('v1/events', { events: [outside] })).body.results).toEqual([
      { id: outside.id, status: 'created' },
    ]);
    expect((await device.post('v1/links', { postKey: MADE_UP, networks: ['x'] })).status).toBe(200);
  });
});
