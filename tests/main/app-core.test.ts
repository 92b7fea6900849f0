/**
 * The Electron-free core against a real feed server and a real endpoint on 127.0.0.1: one post from
 * feed to window to share to endpoint, and back as a count.
 */
import { WINDOW_TEXT } from '../../common/messages.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostView } from '../../common/domain.ts';
import { createAppCore, type AppCore } from '../../main/core/app-core.ts';
import { createNotificationCenter } from '../../main/notifications/notification-center.ts';
import type { Clock, Logger, Notice } from '../../main/core/ports.ts';
import { startEndpoint } from '../helpers/endpoint.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 60 * 60 * 1000;
const item = (slug: string, hoursAgo: number) => ({
  title: `Post ${slug}`,
  link: `https://blog.example.com/${slug}`,
  description: `<p>All about ${slug}. More inside.</p>`,
  published: new Date(Date.now() - hoursAgo * HOUR),
});

async function setup(options: { endpoint: boolean; clock?: Clock }) {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Blog', [item('first', 1), item('older', 200)]);
  cleanups.push(feed.close);
  const endpoint = options.endpoint ? await startEndpoint(dir.path) : null;
  if (endpoint) cleanups.push(endpoint.close);
  const notices: Notice[] = [];
  const start = async (): Promise<AppCore> => {
    const core = await createAppCore({
      fetch,
      log: quietLog,
      dataDir: dir.path,
      feedUrls: [feed.feedUrl],
      endpointUrl: endpoint?.url ?? null,
      enrollment: {
        current: () => ({ code: endpoint?.enrollmentCode ?? null, displayName: 'Core test', team: '' }),
        onChange: () => () => undefined,
      },
      pollIntervalMs: 60 * 60 * 1000,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    createNotificationCenter({ core, notifier: { show: (notice) => notices.push(notice) } });
    await core.start();
    return core;
  };
  return { feed, endpoint, notices, start };
}

describe('app core', () => {
  it('lists a feed newest first with plain-text pitches, and notifies once for the first poll', async () => {
    const { notices, start } = await setup({ endpoint: false });
    const core = await start();
    cleanups.push(() => core.stop());
    const posts = await core.handlers.listPosts();
    expect(posts.map((post) => post.title)).toEqual(['Post first', 'Post older']);
    expect(posts[0]).toMatchObject({
      feedTitle: 'Example Blog',
      pitch: 'All about first.',
      shareCount: null,
      sharedOn: [],
    });
    // First poll: only the recent post, and only one notice however many are recent.
    expect(notices).toEqual([{ title: 'Post first', body: 'All about first.', postId: posts[0]?.id }]);
  });

  it('notifies each post that appears on a later poll, and never twice for the same post', async () => {
    const { feed, notices, start } = await setup({ endpoint: false });
    const core = await start();
    cleanups.push(() => core.stop());
    feed.setItems([item('second', 0), item('first', 1), item('older', 200)]);
    await core.pollNow();
    await core.pollNow();
    expect(notices.map((notice) => notice.title)).toEqual(['Post first', 'Post second']);
  });

  it('records a share durably, sends it to the endpoint once, and publishes the count', async () => {
    const { endpoint, start } = await setup({ endpoint: true });
    const core = await start();
    const [post] = await core.handlers.listPosts();
    if (!post || !endpoint) throw new Error('setup failed');
    const published = new Promise<PostView[]>((resolve) => {
      core.events.on('postsChanged', (posts) => {
        if (posts.some((view) => view.id === post.id && view.shareCount === 1)) resolve(posts);
      });
    });
    const answer = await core.handlers.markShared({ postId: post.id, network: 'linkedin' });
    expect(answer.sharedOn).toEqual(['linkedin']);
    await published;
    expect(await endpoint.rows()).toEqual([
      expect.objectContaining({ type: 'shared', post_key: post.key, network: 'linkedin' }),
    ]);
    await core.stop();

    // After a restart the share is still known locally and nothing is sent again.
    const again = await start();
    cleanups.push(() => again.stop());
    const [reloaded] = await again.handlers.listPosts();
    expect(reloaded).toMatchObject({ id: post.id, sharedOn: ['linkedin'], shareCount: 1 });
    expect(await endpoint.rows()).toHaveLength(1);
  });

  it('refuses to share a post it does not know, with a message for the window', async () => {
    const { start } = await setup({ endpoint: false });
    const core = await start();
    cleanups.push(() => core.stop());
    await expect(core.handlers.markShared({ postId: 'nope', network: 'x' })).rejects.toThrow(WINDOW_TEXT.postGone);
  });

  it('keeps a share queued while the endpoint is down and sends it when it is back', async () => {
    const { endpoint, start } = await setup({ endpoint: true });
    if (!endpoint) throw new Error('setup failed');
    const core = await start();
    cleanups.push(() => core.stop());
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    await endpoint.close();
    await core.handlers.markShared({ postId: post.id, network: 'x' });
    await core.pollNow();
    expect(await endpoint.rows()).toHaveLength(0);

    const back = await startEndpoint(endpoint.dir, Number(new URL(endpoint.url).port));
    cleanups.push(back.close);
    await core.pollNow();
    expect(await back.rows()).toEqual([expect.objectContaining({ post_key: post.key, network: 'x' })]);
  });

  it('marks a post read for good: unread until opened, still read after a restart', async () => {
    const { start } = await setup({ endpoint: false });
    const core = await start();
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    expect(post.unread).toBe(true);
    await core.handlers.markRead(post.id);
    expect((await core.handlers.listPosts())[0]?.unread).toBe(false);
    await core.stop();
    const again = await start();
    cleanups.push(() => again.stop());
    expect((await again.handlers.listPosts()).map((view) => [view.title, view.unread])).toEqual([
      ['Post first', false],
      ['Post older', true],
    ]);
  });

  it("takes a share back with undo: the network leaves sharedOn and the week's count drops again", async () => {
    // The clock stands still, so the share and the week it is counted in are the same even at midnight on a Sunday.
    const { start } = await setup({ endpoint: false, clock: new FakeClock(Date.now()) });
    const core = await start();
    cleanups.push(() => core.stop());
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    await core.handlers.markShared({ postId: post.id, network: 'bluesky' });
    expect((await core.handlers.getResults()).local.sharesThisWeek).toBe(1);
    const undone = await core.handlers.undoShare({ postId: post.id, network: 'bluesky' });
    expect(undone.sharedOn).toEqual([]);
    expect(await core.handlers.getResults()).toMatchObject({
      local: { sharesThisWeek: 0 },
      summary: null,
      sync: { state: 'no-endpoint' },
    });
  });

  it('gives a share kit with a message per network and a UTM link carrying no name', async () => {
    const { start } = await setup({ endpoint: false });
    const core = await start();
    cleanups.push(() => core.stop());
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    const kit = await core.handlers.getShareKit(post.id);
    expect(kit).toMatchObject({ postKey: post.key, pitch: 'All about first.', source: 'derived' });
    expect(kit.messages.x).toBe('All about first.');
    const link = new URL(kit.links.linkedin);
    expect(`${link.origin}${link.pathname}`).toBe(post.link);
    expect(Object.fromEntries(link.searchParams)).toMatchObject({
      utm_source: 'linkedin',
      utm_medium: 'social',
      utm_campaign: 'advocate',
    });
    expect(link.searchParams.get('utm_content')).toMatch(/^[A-Za-z0-9_-]{8,32}$/);
    await expect(core.handlers.getShareKit('nope')).rejects.toThrow(WINDOW_TEXT.postGone);
  });
});
