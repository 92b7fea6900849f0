/**
 * The feed engine inside the core, through the IPC dispatcher as the window reaches it: feed statuses,
 * the live check with autodiscovery, the feed list changed at runtime, and notifications that never
 * flood a first poll nor repeat after a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Feed, FeedCheck, PostView } from '../../../common/domain.ts';
import type { IpcAnswer } from '../../../common/ipc/contract.ts';
import { createAppCore, type AppCore } from '../../../main/core/app-core.ts';
import type { Logger, Notice } from '../../../main/core/ports.ts';
import { createIpcDispatcher } from '../../../main/ipc/dispatcher.ts';
import { createNotificationCenter } from '../../../main/notifications/notification-center.ts';
import { startFeedServer, startLocalServer, type FeedItem } from '../../helpers/http-server.ts';
import { handlersWith } from '../../helpers/handlers.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 60 * 60 * 1000;
const item = (slug: string, hoursAgo: number): FeedItem => ({
  title: `Post ${slug}`,
  link: `https://blog.example.com/${slug}`,
  description: `About ${slug}.`,
  published: new Date(Date.now() - hoursAgo * HOUR),
});

async function startCore(dataDir: string, feedUrls: string[]) {
  const core = await createAppCore({ fetch, log: quietLog, dataDir, feedUrls, endpointUrl: null });
  const notices: Notice[] = [];
  createNotificationCenter({ core, notifier: { show: (notice) => notices.push(notice) } });
  const feedsChanged: Feed[][] = [];
  core.events.on('feedsChanged', (feeds) => feedsChanged.push(feeds));
  await core.start();
  const dispatch = createIpcDispatcher(handlersWith(core.handlers), quietLog);
  const call = async <T>(name: string, ...args: unknown[]): Promise<IpcAnswer<T>> =>
    (await dispatch(name, args)) as IpcAnswer<T>;
  return { core, notices, feedsChanged, call };
}

async function dataDir(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

async function feedServer(title: string, items: FeedItem[]) {
  const server = await startFeedServer(title, items);
  cleanups.push(server.close);
  return server;
}

const stopLater = (core: AppCore): void => {
  cleanups.push(() => core.stop());
};

describe('feeds in the core', () => {
  it('lists each feed with its status and announces status changes', async () => {
    const feed = await feedServer('Example Blog', [item('a', 1)]);
    const gone = await startLocalServer((_request, response) => response.writeHead(404).end());
    cleanups.push(gone.close);
    const missing = `${gone.url}feed.xml`;
    const { core, call, feedsChanged } = await startCore(await dataDir(), [feed.feedUrl, missing]);
    stopLater(core);
    const answer = await call<Feed[]>('listFeeds');
    expect(answer.ok && answer.value.map(({ url, title, status }) => ({ url, title, state: status.state }))).toEqual([
      { url: feed.feedUrl, title: 'Example Blog', state: 'ok' },
      { url: missing, title: missing, state: 'error' },
    ]);
    expect(feedsChanged.at(-1)).toEqual(answer.ok ? answer.value : null);
  });

  it('checks an address live: a web page leads to the feed it announces; anything but http(s) is refused', async () => {
    const feed = await feedServer('Example Blog', [item('a', 1)]);
    const page = await startLocalServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<html><head><link rel="alternate" type="application/rss+xml" href="${feed.feedUrl}"></head></html>`);
    });
    cleanups.push(page.close);
    const { core, call } = await startCore(await dataDir(), []);
    stopLater(core);
    const found = await call<FeedCheck>('checkFeed', page.url);
    expect(found).toMatchObject({
      ok: true,
      value: { ok: true, url: feed.feedUrl, discoveredFrom: page.url, title: 'Example Blog', format: 'RSS 2.0' },
    });
    expect(found.ok && found.value.ok && found.value.items.map((entry) => entry.link)).toEqual([
      'https://blog.example.com/a',
    ]);
    expect(await call('checkFeed', 'file:///etc/passwd')).toEqual({
      ok: true,
      value: { ok: false, url: 'file:///etc/passwd', error: 'only http and https addresses can be read, not file' },
    });
    const refused = await call('checkFeed', 42);
    expect(!refused.ok && refused.error).toMatch(/^malformed arguments for checkFeed/);
  });

  it("changes the feed list at runtime: a new feed's posts appear, a removed feed's posts go", async () => {
    const first = await feedServer('First', [item('one', 1)]);
    const second = await feedServer('Second', [item('two', 2)]);
    const { core, call } = await startCore(await dataDir(), [first.feedUrl]);
    stopLater(core);
    await core.setFeedUrls([first.feedUrl, second.feedUrl]);
    const both = await call<PostView[]>('listPosts');
    expect(both.ok && both.value.map((post) => `${post.feedTitle}: ${post.title}`)).toEqual([
      'First: Post one',
      'Second: Post two',
    ]);
    await core.setFeedUrls([second.feedUrl]);
    const after = await call<PostView[]>('listPosts');
    expect(after.ok && after.value.map((post) => post.title)).toEqual(['Post two']);
  });

  it('notifies once for a first poll full of recent posts, and never again for them after a restart', async () => {
    const dir = await dataDir();
    const feed = await feedServer('Blog', [item('a', 1), item('b', 2), item('c', 3), item('old', 24 * 10)]);
    const first = await startCore(dir, [feed.feedUrl]);
    expect(first.notices.map((notice) => notice.title)).toEqual(['Post a']);
    await first.core.stop();

    const again = await startCore(dir, [feed.feedUrl]);
    stopLater(again.core);
    await again.core.pollNow();
    expect(again.notices).toEqual([]);
    feed.setItems([item('d', 0), item('a', 1), item('b', 2), item('c', 3)]);
    await again.core.pollNow();
    expect(again.notices.map((notice) => notice.title)).toEqual(['Post d']);
  });
});
