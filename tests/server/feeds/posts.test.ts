/**
 * The endpoint as the hub: its poller reads the organisation's feeds from real local blogs (conditional
 * GET, a broken feed) and GET /v1/posts serves what it read to devices, with an ETag, a `since` cursor,
 * pages and the kits marketing wrote merged in. Pings make a feed read now.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Value } from 'typebox/value';
import { PostsResponseSchema, type PostsResponse } from '../../../common/protocol.ts';
import { checkFeed } from '../../../feeds/index.ts';
import { addFeed, listFeeds } from '../../../server/feeds/feed-catalogue.ts';
import { blogPosts, startBlog, type Blog } from '../../helpers/blog-server.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest({ feedPolls: { holder: 'test-replica', tickMs: 100 } });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function blogWith(count: number): Promise<Blog> {
  const blog = await startBlog(blogPosts(count));
  cleanups.push(blog.close);
  return blog;
}

async function added(blog: Blog): Promise<string> {
  const result = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!result.ok) throw new Error(result.reason);
  return result.pingSecret;
}

type Device = ReturnType<typeof apiAs>;
const device = async (): Promise<Device> => apiAs(endpoint.url, await endpoint.enroll());

/** Polls GET /v1/posts until `done` holds for an answer (the desktop's loop, without its two minutes). */
async function postsWhen(
  api: Device,
  done: (answer: PostsResponse) => boolean,
  since?: string,
): Promise<PostsResponse> {
  return vi.waitFor(
    async () => {
      const answer = await api.get<PostsResponse>(`v1/posts${since === undefined ? '' : `?since=${since}`}`);
      expect(answer.status).toBe(200);
      expect(done(answer.body)).toBe(true);
      return answer.body;
    },
    { timeout: 30_000, interval: 50 },
  );
}

const ping = (secret: string) => apiAs(endpoint.url, null).post(`v1/feeds/ping?secret=${secret}`, '');

// Reads by the poller take a few seconds on a busy machine: the waits inside allow 30.
describe('GET /v1/posts', { timeout: 60_000 }, () => {
  it('serves the posts the poller read, with an ETag, a cursor that gives only changes, and a ping that reads at once', async () => {
    // Kept to publish again unchanged: a second blogPosts() call could fall in the next second (pubDate's).
    const initial = blogPosts(2);
    const blog = await startBlog(initial);
    cleanups.push(blog.close);
    const secret = await added(blog);
    const api = await device();

    const first = await postsWhen(api, (answer) => answer.posts.length === 2);
    expect(Value.Check(PostsResponseSchema, first)).toBe(true);
    expect(first.feeds).toBe(1);
    expect(first.more).toBe(false);
    expect(first.posts.map((post) => post.item.title).sort()).toEqual(['Post 1', 'Post 2']);
    expect(first.posts[0]).toMatchObject({
      feedUrl: blog.feedUrl,
      item: { id: expect.stringMatching(/^https:\/\/blog\.example\.com\/post-\d$/) as unknown, embargoUntil: null },
    });

    const full = await api.get('v1/posts');
    const etag = full.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await api.get('v1/posts', { 'if-none-match': etag })).status).toBe(304);
    const nothingNew = await api.get<PostsResponse>(`v1/posts?since=${first.cursor}`);
    expect(nothingNew.body).toEqual({ feeds: 1, posts: [], cursor: first.cursor, more: false });

    // The blog publishes one post and edits another; its CMS pings.
    const [one, two] = initial;
    if (!one || !two) throw new Error('two posts');
    blog.setItems([
      { title: 'Post 3', link: 'https://blog.example.com/post-3', description: 'New.', published: new Date() },
      { ...one, title: 'Post 1, edited' },
      two,
    ]);
    const pinged = await ping(secret);
    expect(pinged.status).toBe(202);
    const changes = await postsWhen(api, (answer) => answer.posts.length === 2, first.cursor);
    expect(changes.posts.map((post) => post.item.title)).toEqual(expect.arrayContaining(['Post 3', 'Post 1, edited']));
    const edited = changes.posts.find((post) => post.item.title === 'Post 1, edited');
    // The same identity, first seen when it was first read: a desktop updates it in place.
    expect(edited?.item.id).toBe(one.link);
    expect(edited?.firstSeenAt).toBe(first.posts.find((post) => post.item.link === one.link)?.firstSeenAt);
    expect((await api.get('v1/posts', { 'if-none-match': etag })).status).toBe(200);
  });

  it('reads an unchanged feed with a conditional GET (304) and keeps serving the same answer', async () => {
    const blog = await blogWith(1);
    const secret = await added(blog);
    const api = await device();
    await postsWhen(api, (answer) => answer.posts.length === 1);
    const etag = (await api.get('v1/posts')).headers.get('etag') ?? '';

    expect((await ping(secret)).status).toBe(202);
    await vi.waitFor(() => expect(blog.seen.notModified).toBe(1), { timeout: 30_000, interval: 20 });
    const feeds = await listFeeds(endpoint.db);
    expect(feeds[0]).toMatchObject({ lastError: null, itemCount: 1 });
    expect((await api.get('v1/posts', { 'if-none-match': etag })).status).toBe(304);
  });

  it('a feed that breaks shows the reason in words and desktops keep its last good posts', async () => {
    const blog = await blogWith(2);
    const secret = await added(blog);
    const api = await device();
    const before = await postsWhen(api, (answer) => answer.posts.length === 2);

    blog.setBroken(true);
    expect((await ping(secret)).status).toBe(202);
    await vi.waitFor(async () => expect((await listFeeds(endpoint.db))[0]?.lastError).toMatch(/web page|HTML|login/i), {
      timeout: 30_000,
      interval: 20,
    });
    const feed = (await listFeeds(endpoint.db))[0];
    expect(feed?.lastError).not.toMatch(/\b[45]\d\d\b|ECONN|fetch failed/);
    expect(feed?.itemCount).toBe(2);
    expect((await api.get<PostsResponse>('v1/posts')).body.posts).toEqual(before.posts);
  });

  it('merges the kit marketing wrote over the feed text, and a kit saved later reaches desktops after their cursor', async () => {
    const blog = await blogWith(1);
    await added(blog);
    const api = await device();
    const first = await postsWhen(api, (answer) => answer.posts.length === 1);

    const admin = apiAs(endpoint.url, endpoint.adminToken);
    const kit = {
      postKey: 'https://blog.example.com/post-1',
      pitch: 'Why this post matters to our customers.',
      messages: { linkedin: 'Our take on post one.' },
      hashtags: ['example'],
      imageUrl: 'https://blog.example.com/one.png',
    };
    expect((await admin.put('v1/kits', kit)).status).toBe(200);
    const changed = await api.get<PostsResponse>(`v1/posts?since=${first.cursor}`);
    expect(changed.body.posts).toHaveLength(1);
    expect(changed.body.posts[0]?.item).toMatchObject({
      title: 'Post 1',
      pitch: kit.pitch,
      messages: kit.messages,
      hashtags: kit.hashtags,
      imageUrl: kit.imageUrl,
    });

    expect((await admin.delete(`v1/kits?postKey=${encodeURIComponent(kit.postKey)}`)).status).toBe(204);
    const back = await api.get<PostsResponse>(`v1/posts?since=${changed.body.cursor}`);
    expect(back.body.posts[0]?.item).toMatchObject({ pitch: first.posts[0]?.item.pitch, hashtags: [] });
  });

  it('answers in pages of 200 with `more`, the next page after the cursor', async () => {
    const blog = await blogWith(250);
    await added(blog);
    const api = await device();
    const page1 = await postsWhen(api, (answer) => answer.posts.length === 200);
    expect(page1.more).toBe(true);
    const page2 = await api.get<PostsResponse>(`v1/posts?since=${page1.cursor}`);
    expect(page2.body.posts).toHaveLength(50);
    expect(page2.body.more).toBe(false);
    const links = new Set([...page1.posts, ...page2.body.posts].map((post) => post.item.link));
    expect(links.size).toBe(250);
  });

  it('a feed item whose link is past the contract bounds is left out; the others are served', async () => {
    const blog = await startBlog([
      ...blogPosts(1),
      { title: 'Huge', link: `https://blog.example.com/${'a'.repeat(3000)}`, description: 'x', published: new Date() },
    ]);
    cleanups.push(blog.close);
    await added(blog);
    const api = await device();
    const answer = await postsWhen(api, (body) => body.posts.length > 0);
    expect(answer.posts.map((post) => post.item.title)).toEqual(['Post 1']);
    expect(Value.Check(PostsResponseSchema, answer)).toBe(true);
  });

  it('refuses a cursor that is not one (a 400 naming it) and a caller without a device token (401)', async () => {
    const api = await device();
    const bad = await api.get<{ message: string }>('v1/posts?since=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('since');
    expect((await apiAs(endpoint.url, null).get('v1/posts')).status).toBe(401);
    // No feeds: desktops poll their own.
    expect((await api.get<PostsResponse>('v1/posts')).body).toMatchObject({ feeds: 0, posts: [], more: false });
  });
});
