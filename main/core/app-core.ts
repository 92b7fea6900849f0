/**
 * The main process without Electron: polls feeds, keeps posts, raises notices, records shares and syncs
 * them. Electron (main/index.ts) and the browser preview (main/preview/) both run exactly this.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvokeHandlers, EventMap, MarkSharedRequest } from '../../common/ipc/contract.ts';
import type { Post, PostView, ShareEvent } from '../../common/domain.ts';
import { uuidv7 } from '../../common/uuid.ts';
import { fetchFeed } from '../feeds/fetch-feed.ts';
import { feedIdFor, toPosts } from '../feeds/to-posts.ts';
import { createEndpointClient, type EndpointCredentials } from '../sync/endpoint-client.ts';
import { ShareJournal } from '../sync/share-journal.ts';
import { ShareSync } from '../sync/share-sync.ts';
import { EventBus } from './event-bus.ts';
import { IpcRequestError } from '../ipc/ipc-request-error.ts';
import { PostStore } from './post-store.ts';
import type { HttpFetch, Logger } from './ports.ts';

export const DEFAULT_POLL_INTERVAL_MS = 30 * 60 * 1000;

export interface AppCoreOptions {
  readonly fetch: HttpFetch;
  readonly log: Logger;
  /** Where this desktop keeps its files (Electron's userData). */
  readonly dataDir: string;
  readonly feedUrls: readonly string[];
  readonly endpointUrl: string | null;
  /** How this desktop proves who it is to the endpoint: a device token, or a code to enroll with. */
  readonly endpointCredentials?: EndpointCredentials | null;
  readonly pollIntervalMs?: number;
  readonly now?: () => Date;
}

/** Events inside main, not sent to the window: what the notification rules and the tray listen to. */
export interface CoreEvents {
  /** Posts this desktop sees for the first time, from one poll of one feed. */
  newPosts: { readonly feedId: string; readonly posts: readonly Post[]; readonly firstPoll: boolean };
}

export interface AppCore {
  readonly handlers: InvokeHandlers;
  /** Events for the window (the IPC contract's EventMap). */
  readonly events: EventBus<EventMap>;
  readonly coreEvents: EventBus<CoreEvents>;
  /** Loads local state, polls once, then keeps polling. */
  start(): Promise<void>;
  stop(): Promise<void>;
  pollNow(): Promise<void>;
  /** A notification was clicked. */
  openPost(postId: string): void;
}

export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const now = options.now ?? (() => new Date());
  const { log } = options;
  const events = new EventBus<EventMap>();
  const coreEvents = new EventBus<CoreEvents>();
  const posts = new PostStore();
  const polledFeeds = new Set<string>();
  await mkdir(options.dataDir, { recursive: true });
  const journal = await ShareJournal.open(join(options.dataDir, 'shares.jsonl'));
  for (const event of journal.events()) posts.applyShare(event);

  const publish = (): void => events.emit('postsChanged', posts.views());
  const sync = options.endpointUrl
    ? new ShareSync(
        journal,
        createEndpointClient(options.fetch, options.endpointUrl, options.endpointCredentials ?? null),
        (summary) => {
          posts.setCounts(summary.posts);
          publish();
        },
        log,
      )
    : null;

  async function pollFeed(url: string): Promise<void> {
    const feedId = feedIdFor(url);
    try {
      const feed = await fetchFeed(options.fetch, url);
      const fresh = posts.upsertFeed(feedId, feed.title, toPosts(url, feed));
      const firstPoll = !polledFeeds.has(feedId);
      polledFeeds.add(feedId);
      if (fresh.length > 0) coreEvents.emit('newPosts', { feedId, posts: fresh, firstPoll });
    } catch (error) {
      log.warn('feed poll failed', { url, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  async function pollNow(): Promise<void> {
    await Promise.all(options.feedUrls.map(pollFeed));
    publish();
    await sync?.flush();
  }

  async function markShared(request: MarkSharedRequest): Promise<PostView> {
    const post = posts.get(request.postId);
    if (!post) throw new IpcRequestError('this post is no longer available');
    const at = now();
    const event: ShareEvent = { id: uuidv7(at.getTime()), type: 'shared', postKey: post.key, network: request.network, at: at.toISOString() };
    // Durable before we answer: once the window says "shared", a crash cannot lose it.
    await journal.record(event);
    posts.applyShare(event);
    void sync?.flush();
    return posts.view(post);
  }

  let timer: NodeJS.Timeout | null = null;

  return {
    events,
    coreEvents,
    handlers: {
      listPosts: () => Promise.resolve(posts.views()),
      markShared,
      refreshFeeds: async () => {
        await pollNow();
        return null;
      },
    },
    async start() {
      await pollNow();
      timer = setInterval(() => void pollNow(), options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await sync?.flush();
      await journal.close();
    },
    pollNow,
    openPost(postId) {
      events.emit('openPost', { postId });
    },
  };
}
