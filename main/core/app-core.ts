/**
 * The main process without Electron: polls feeds, keeps posts, raises notices, records shares and syncs
 * them. Electron (main/index.ts) and the browser preview (main/preview/) both run exactly this.
 */
import { WINDOW_TEXT, type ProfileOutcome } from '../../common/messages.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvokeHandlers, EventMap, MarkSharedRequest } from '../../common/ipc/contract.ts';
import type { Post, PostView, ShareEvent, ShareEventType } from '../../common/domain.ts';
import type { MeUpdate } from '../../common/protocol.ts';
import { combineBlockLists, type BlockTerm } from '../../common/share/block-list.ts';
import { kitFromPost } from '../../common/share/kit.ts';
import type { ResultsView, ShareKitView, SyncStatus } from '../../common/sharing.ts';
import { uuidv7 } from '../../common/uuid.ts';
import { checkFeed, type FetchLimits } from '../../feeds/index.ts';
import { FeedEngine } from '../feeds/feed-engine.ts';
import type { EnrollmentSource } from '../sync/device-auth.ts';
import { kitWithEndpoint, offeredVariants } from '../sync/endpoint-kit.ts';
import { openEndpointSync, type EndpointSync } from '../sync/endpoint-sync.ts';
import { localResults } from '../sync/local-results.ts';
import { ShareJournal } from '../sync/share-journal.ts';
import { ShareRecords } from '../compliance/share-records.ts';
import { memoryTokenStore } from '../sync/token-stand-ins.ts';
import { EventBus } from './event-bus.ts';
import { IpcRequestError } from '../ipc/ipc-request-error.ts';
import { DEFAULT_SETTINGS } from '../settings/defaults.ts';
import { KnownPosts } from './known-posts.ts';
import type { PostSource } from '../../common/domain.ts';
import { PostSources } from './post-sources.ts';
import { PostStore } from './post-store.ts';
import { ReadState } from './read-state.ts';
import { ShareLinks } from './share-links.ts';
import { loadVariantSeed } from './variant-seed.ts';
import {
  assumeOnline,
  systemClock,
  type Clock,
  type DeviceTokenStore,
  type HttpFetch,
  type Logger,
  type NetworkStatus,
} from './ports.ts';

export interface AppCoreOptions {
  readonly fetch: HttpFetch;
  readonly log: Logger;
  /** Where this desktop keeps its files (Electron's userData). */
  readonly dataDir: string;
  readonly feedUrls: readonly string[];
  readonly endpointUrl: string | null;
  /** The code, name and team this desktop enrolls with (settings and policy); none: it waits for a code. */
  readonly enrollment?: EnrollmentSource;
  /** Where the device token is kept (safeStorage in the app); by default in memory, for this run. */
  readonly deviceTokens?: DeviceTokenStore;
  /** Whether the machine is online; by default assumed so (Node cannot tell). */
  readonly network?: NetworkStatus;
  /** How often each feed is polled: 30 minutes unless policy says otherwise, never under 5 minutes. */
  readonly pollIntervalMs?: number;
  /**
   * With an endpoint that has feeds, its posts are shown and the feeds are not polled here; after this long
   * without an answer from it the desktop polls them itself (policy EndpointFallbackMinutes; 30 minutes).
   */
  readonly endpointFallbackMs?: number;
  /** Poll the feeds here even when the endpoint has feeds (policy PollFeedsOnDesktop). */
  readonly pollFeedsOnDesktop?: boolean;
  readonly clock?: Clock;
  /** The per-desktop jitter's source of randomness (tests pin it). */
  readonly random?: () => number;
  /** Timeout, size cap and redirect limit of each fetch (tests shrink them). */
  readonly feedLimits?: FetchLimits;
  /** The block list IT policy sets, read when a kit is asked for (so a policy change applies to the next post opened). */
  readonly policyBlockList?: () => readonly BlockTerm[];
  /** Days shares stay in the archive (policy ArchiveDays); 365 by default. */
  readonly archiveDays?: () => number;
  /**
   * Whether each share's text also goes to the endpoint's archive (policy ArchiveToEndpoint), read at each
   * share; off by default, and then no message text ever leaves this desktop.
   */
  readonly archiveToEndpoint?: () => boolean;
  /** Where archive exports are written: the Downloads folder in the app; by default `exports` in `dataDir`. */
  readonly exportDir?: string;
}

/** Events inside main, not sent to the window: what the notification rules and the tray listen to. */
export interface CoreEvents {
  /**
   * Posts to announce from one poll of one feed: never seen before, and on a feed's first poll only
   * those from the last 3 days. Already saved as seen, so a restart never announces them again.
   */
  newPosts: { readonly feedId: string; readonly posts: readonly Post[]; readonly firstPoll: boolean };
}

export interface AppCore {
  /** The post calls of the contract; settings and links are answered by main's shell (main/index.ts). */
  readonly handlers: Pick<
    InvokeHandlers,
    | 'listPosts'
    | 'markShared'
    | 'undoShare'
    | 'markRead'
    | 'refreshFeeds'
    | 'listFeeds'
    | 'getPostSource'
    | 'checkFeed'
    | 'getShareKit'
    | 'getResults'
    | 'refreshResults'
    | 'getSyncStatus'
    | 'exportArchive'
  >;
  /** Events for the window (the IPC contract's EventMap). */
  readonly events: EventBus<EventMap>;
  readonly coreEvents: EventBus<CoreEvents>;
  /** Polls the feeds that are due (all of them on a first start), then keeps each on its schedule. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** "Refresh now": polls every feed (except one whose server asked us to wait) and syncs shares. */
  pollNow(): Promise<void>;
  /** The feeds to poll from now on (settings and policy call this when the list changes). */
  setFeedUrls(urls: readonly string[]): Promise<void>;
  /**
   * The endpoint to sync with from now on (policy changed it): the old one's sync stops and the new one's
   * starts, enrolling there, as a restart with the new address would. Null: no endpoint.
   */
  setEndpointUrl(url: string | null): Promise<void>;
  /** How often each feed is polled from its next poll on (policy or settings changed it). */
  setPollInterval(intervalMs: number): void;
  /** Where the posts come from now: the endpoint, this desktop's own polls, or the fallback to them. */
  postSource(): PostSource;
  /** Resolves once no round with the endpoint's posts, switch of source or announcement is under way. */
  postsIdle(): Promise<void>;
  /** A notification was clicked. */
  openPost(postId: string): void;
  /**
   * An "Open in Advocate" link was followed (common/app-link.ts): opens the post at that URL, or the list
   * when this desktop has no such post (yet); true when the post was found.
   */
  openPostAt(postUrl: string): boolean;
  /** The organisation's addresses this core knows: its feeds (also where they moved), posts and endpoint. */
  organisationUrls(): string[];
  /** The display name or team changed in Settings: told to the endpoint when this desktop is enrolled. */
  updateProfile(update: MeUpdate): Promise<ProfileOutcome>;
}

export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const clock = options.clock ?? systemClock;
  const { log } = options;
  const events = new EventBus<EventMap>();
  const coreEvents = new EventBus<CoreEvents>();
  await mkdir(options.dataDir, { recursive: true });
  const readState = await ReadState.open(join(options.dataDir, 'read.json'));
  const variantSeed = await loadVariantSeed(join(options.dataDir, 'variant-seed.json'), log);
  const posts = new PostStore((postId) => readState.has(postId));
  const journal = await ShareJournal.open(join(options.dataDir, 'shares.jsonl'), { log });
  const records = await ShareRecords.open({ ...options, hasEndpoint: () => endpointUrl !== null, clock, log });
  for (const event of journal.events()) posts.applyShare(event);

  const publish = (): void => events.emit('postsChanged', posts.views());
  const syncStatus = (): SyncStatus => sync?.status() ?? { state: 'no-endpoint' };
  const results = (): ResultsView => ({
    local: localResults(journal.events(), new Date(clock.now())),
    summary: sync?.summary() ?? null,
    sync: syncStatus(),
  });
  const publishResults = (): void => {
    events.emit('resultsChanged', results());
    events.emit('syncStatusChanged', syncStatus());
  };
  const showCounts = (): void => {
    const summary = sync?.summary();
    if (summary) posts.setCounts(summary.posts);
  };
  const openSync = (url: string): Promise<EndpointSync> =>
    openEndpointSync({
      archive: records.outbox,
      url,
      fetch: options.fetch,
      dataDir: options.dataDir,
      journal,
      tokens: options.deviceTokens ?? memoryTokenStore(),
      enrollment: options.enrollment ?? {
        current: () => ({ code: null, displayName: '', team: '' }),
        onChange: () => () => undefined,
      },
      network: options.network ?? assumeOnline,
      clock,
      random: options.random ?? Math.random,
      log,
      onChange: () => {
        showCounts();
        publish();
        publishResults();
      },
    });
  let endpointUrl = options.endpointUrl;
  let sync = endpointUrl ? await openSync(endpointUrl) : null;
  // The counts the endpoint last gave, shown before it answers again.
  showCounts();
  let links = new ShareLinks(sync?.links ?? null);
  let started = false;
  let retargeting = Promise.resolve();

  const engine = await FeedEngine.open(
    {
      fetch: options.fetch,
      dataDir: options.dataDir,
      clock,
      log,
      intervalMs: options.pollIntervalMs,
      limits: options.feedLimits,
      random: options.random,
    },
    options.feedUrls,
  );
  const sources = await PostSources.open({
    engine,
    endpoint: sync?.posts ?? null,
    store: posts,
    known: await KnownPosts.open(join(options.dataDir, 'known-posts.json'), clock, log),
    clock,
    log,
    feedUrls: options.feedUrls,
    pollFeedsOnDesktop: options.pollFeedsOnDesktop ?? false,
    fallbackAfterMs: options.endpointFallbackMs ?? DEFAULT_SETTINGS.endpointFallbackMinutes * 60_000,
    changed: () => {
      publish();
      events.emit('feedsChanged', sources.feeds());
    },
    announce: (event) => coreEvents.emit('newPosts', event),
    sourceChanged: (source) => events.emit('postSourceChanged', source),
  });

  async function pollNow(): Promise<void> {
    await sources.pollNow();
    publish();
    await sync?.syncNow();
  }

  function knownPost(postId: string): Post {
    const post = posts.get(postId);
    if (!post) throw new IpcRequestError(WINDOW_TEXT.postGone);
    return post;
  }

  async function recordShare(type: ShareEventType, request: MarkSharedRequest): Promise<PostView> {
    const post = knownPost(request.postId);
    const at = new Date(clock.now());
    const event: ShareEvent = {
      id: uuidv7(at.getTime()),
      type,
      postKey: post.key,
      network: request.network,
      at: at.toISOString(),
      ...(type === 'shared' && request.variant !== undefined ? { variant: request.variant } : {}),
    };
    // Archived first: a share the archive could not keep is not recorded either, and the window says so.
    if (type === 'shared' && request.text !== undefined) {
      const link = (await links.linksFor(post))[request.network];
      const { id, at: sharedAt, network } = event;
      const kitVersion = kitVersionOf(post);
      await records.record(
        { id, at: sharedAt, network, postKey: post.key, link, text: request.text, kitVersion },
        post.title,
      );
    }
    // Durable before we answer: once the window says "shared", a crash cannot lose it.
    await journal.record(event);
    posts.applyShare(event);
    publishResults();
    void sync?.flush();
    return posts.view(post);
  }

  function kitVersionOf(post: Post): string {
    const endpointKit = sync?.kitFor(post.key);
    return endpointKit ? `endpoint ${endpointKit.updatedAt}` : kitFromPost(post).source;
  }

  async function shareKit(postId: string): Promise<ShareKitView> {
    const post = knownPost(postId);
    const endpointKit = sync?.kitFor(post.key) ?? null;
    const offered = endpointKit ? offeredVariants(endpointKit, variantSeed) : null;
    const text =
      endpointKit && offered
        ? kitWithEndpoint(post, { ...endpointKit, messages: offered.messages })
        : kitFromPost(post);
    return {
      postId,
      postKey: post.key,
      title: post.title,
      imageUrl: endpointKit?.imageUrl ?? post.imageUrl,
      links: await links.linksFor(post),
      ...text,
      blockList: combineBlockLists(options.policyBlockList?.() ?? [], sync?.blockList() ?? []),
      variants: offered?.variants ?? {},
    };
  }

  return {
    events,
    coreEvents,
    handlers: {
      listPosts: () => Promise.resolve(posts.views()),
      markShared: (request) => recordShare('shared', request),
      undoShare: (request) => recordShare('unshared', request),
      async markRead(postId) {
        knownPost(postId);
        await readState.markRead(postId, posts.ids());
        publish();
        return null;
      },
      getShareKit: shareKit,
      getResults: () => Promise.resolve(results()),
      refreshResults: async (when) => {
        // The new figures and status go out as events from the sync itself.
        await (when === 'now' ? sync?.syncNow() : sync?.refreshIfStale());
        return null;
      },
      getSyncStatus: () => Promise.resolve(syncStatus()),
      refreshFeeds: async () => {
        await pollNow();
        return null;
      },
      listFeeds: () => Promise.resolve(sources.feeds()),
      getPostSource: () => Promise.resolve(sources.source()),
      exportArchive: (format) => records.export(format),
      checkFeed: (url) => checkFeed(options.fetch, url, options.feedLimits),
    },
    async start() {
      await sources.start();
      publish();
      started = true;
      await sync?.start();
    },
    async stop() {
      started = false;
      await retargeting;
      await sources.stop();
      await sync?.stop();
      await readState.flushed();
      await journal.close();
      await records.close();
    },
    pollNow,
    setFeedUrls: (urls) => sources.setFeedUrls(urls),
    postSource: () => sources.source(),
    postsIdle: () => sources.idle(),
    updateProfile: (update) => sync?.updateProfile(update) ?? Promise.resolve('later'),
    openPost(postId) {
      events.emit('openPost', { postId });
    },
    openPostAt(postUrl) {
      const post = posts.views().find((candidate) => candidate.link === postUrl);
      if (post === undefined) {
        log.info('an Advocate link named a post this desktop does not have; showing the list');
        return false;
      }
      events.emit('openPost', { postId: post.id });
      return true;
    },
    setEndpointUrl(url) {
      // One move at a time, in the order asked: the last address asked for is the one synced with.
      retargeting = retargeting.then(async () => {
        if (url === endpointUrl) return;
        await sync?.stop();
        endpointUrl = url;
        // A new endpoint's sync starts from its own cache: another token, links, kits and counts.
        sync = url ? await openSync(url) : null;
        links = new ShareLinks(sync?.links ?? null);
        // The new endpoint's posts (or none): the source is chosen again from its answers.
        await sources.setEndpoint(sync?.posts ?? null, started);
        posts.forgetCounts();
        showCounts();
        log.info(url ? 'syncing with another endpoint now' : 'no endpoint any more; shares stay on this desktop');
        publish();
        publishResults();
        if (started) await sync?.start();
      });
      return retargeting;
    },
    setPollInterval(intervalMs) {
      engine.setIntervalMs(intervalMs);
    },
    organisationUrls: () => [
      ...engine.feeds().flatMap((feed) => [feed.url, feed.fetchUrl]),
      ...posts.links(),
      ...(endpointUrl === null ? [] : [endpointUrl]),
    ],
  };
}
