/**
 * The switch between the two sources of posts (the rule in post-source.ts): the desktop's own FeedEngine
 * and the endpoint's GET /v1/posts (main/sync/endpoint-posts.ts). Only one polls the blog: with the
 * endpoint as the source the engine's timer is off. The post list is built from what each source last
 * gave, by the same feed id (feedIdFor), so a switch shows the same posts under the same ids; in the
 * fallback the endpoint's last posts stay, beside the engine's. Announcements from either source pass
 * KnownPosts, so a post is never announced twice, whichever source brought it first.
 */
import type { Feed, Post, PostSource } from '../../common/domain.ts';
import { MAX_FEEDS } from '../../common/settings.ts';
import type { EndpointPost } from '../../common/protocol.ts';
import { toPosts } from '../../feeds/index.ts';
import { feedIdFor, type FeedEngine, type FeedUpdate } from '../feeds/feed-engine.ts';
import { checkSetting } from '../settings/setting-rules.ts';
import type { EndpointPosts, PostsRound } from '../sync/endpoint-posts.ts';
import type { CoreEvents } from './app-core.ts';
import type { KnownPosts } from './known-posts.ts';
import { choosePostSource, fallbackDueAt, type SourceFacts } from './post-source.ts';
import type { PostStore } from './post-store.ts';
import type { Clock, Logger } from './ports.ts';

export interface PostSourcesOptions {
  readonly engine: FeedEngine;
  /** Null without an endpoint. */
  readonly endpoint: EndpointPosts | null;
  readonly store: PostStore;
  readonly known: KnownPosts;
  readonly clock: Clock;
  readonly log: Logger;
  /** The desktop's own feeds (policy and the person's). */
  readonly feedUrls: readonly string[];
  readonly pollFeedsOnDesktop: boolean;
  readonly fallbackAfterMs: number;
  /** The posts or the feeds may have changed. */
  readonly changed: () => void;
  readonly announce: (event: CoreEvents['newPosts']) => void;
  /** The posts now come from elsewhere. */
  readonly sourceChanged: (source: PostSource) => void;
}

interface Group {
  readonly title: string;
  readonly posts: readonly Post[];
}

const reasonOf = (source: PostSource): string | null => (source.from === 'desktop' ? source.why : null);

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

export class PostSources {
  readonly #options: PostSourcesOptions;
  #feedUrls: readonly string[];
  #source: PostSource;
  #engineRunning = false;
  /** What the engine last gave, per feed id (the endpoint's posts are read from its cache). */
  readonly #fromEngine = new Map<string, Group>();
  /** Feed ids in the store now, to remove those no source gives any more. */
  #shown = new Set<string>();
  /** One change at a time: switches and announcements in the order they happened. */
  #queue: Promise<void> = Promise.resolve();
  #cancelFallback: (() => void) | null = null;
  /** Stopping: the source no longer changes (no engine is started), what comes in is still announced. */
  #stopping = false;
  readonly #unsubscribe: (() => void)[] = [];
  /** Replaced when policy moves the desktop to another endpoint. */
  #endpoint: EndpointPosts | null;
  #stopListening: (() => void) | null = null;

  private constructor(options: PostSourcesOptions) {
    this.#options = options;
    this.#endpoint = options.endpoint;
    this.#feedUrls = options.feedUrls;
    this.#source = choosePostSource(this.#facts());
  }

  /** Shows what each source held when the app last ran, all of it known, before anything is asked. */
  static async open(options: PostSourcesOptions): Promise<PostSources> {
    const sources = new PostSources(options);
    for (const update of options.engine.snapshot()) sources.#keepEngine(update);
    sources.#render();
    await options.known.remember([...options.store.ids()].flatMap((id) => options.store.get(id) ?? []));
    sources.#unsubscribe.push(options.engine.onUpdate((update) => sources.#engineUpdate(update)));
    sources.#listenTo(options.endpoint);
    return sources;
  }

  source(): PostSource {
    return this.#source;
  }

  feeds(): Feed[] {
    return this.#options.engine.feeds();
  }

  /** Asks the endpoint first (when it may be the source), then polls the desktop's feeds if they are the source. */
  async start(): Promise<void> {
    await this.#askEndpoint(() => this.#apply());
  }

  /**
   * Policy moved the desktop to another endpoint (its sync, which owned the old posts pull, has stopped): the
   * new one is asked as at start when `running`; the rule then picks the source again with the new answers.
   */
  async setEndpoint(endpoint: EndpointPosts | null, running: boolean): Promise<void> {
    this.#listenTo(endpoint);
    this.#endpoint = endpoint;
    if (running) await this.#askEndpoint(() => this.#apply(true));
    else await this.#enqueue(() => this.#apply(true));
    await this.settled();
  }

  #listenTo(endpoint: EndpointPosts | null): void {
    this.#stopListening?.();
    this.#stopListening = endpoint ? endpoint.onRound((round) => this.#endpointRound(round)) : null;
  }

  async #askEndpoint(apply: () => Promise<void>): Promise<void> {
    const endpoint = this.#asksEndpoint() ? this.#endpoint : null;
    if (endpoint) await endpoint.pull();
    await this.#enqueue(apply);
    endpoint?.start();
    await this.settled();
  }

  /** "Refresh now": the endpoint, and the desktop's feeds while they are the source. */
  async pollNow(): Promise<void> {
    if (this.#asksEndpoint()) await this.#endpoint?.pull();
    await this.settled();
    if (this.#engineRunning) await this.#options.engine.poll(true);
    await this.settled();
  }

  async setFeedUrls(urls: readonly string[]): Promise<void> {
    this.#feedUrls = urls;
    await this.#enqueue(() => this.#apply(true));
    await this.settled();
  }

  /** A round or poll under way still ends, is shown and announced; nothing starts after. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#cancelFallback?.();
    await this.#endpoint?.stop();
    await this.settled();
    await this.#options.engine.stop();
    this.#engineRunning = false;
    await this.settled();
    for (const stop of this.#unsubscribe.splice(0)) stop();
    this.#listenTo(null);
    await this.#options.known.flushed();
  }

  /** Resolves once no round with the endpoint, switch or announcement is under way. */
  async idle(): Promise<void> {
    await this.#endpoint?.idle();
    await this.settled();
  }

  /** Resolves once every switch and announcement asked for so far is done. */
  async settled(): Promise<void> {
    for (let last = this.#queue; ; last = this.#queue) {
      await last;
      if (last === this.#queue) return;
    }
  }

  #asksEndpoint(): boolean {
    return this.#endpoint !== null && !this.#options.pollFeedsOnDesktop;
  }

  #facts(): SourceFacts {
    const { clock } = this.#options;
    const endpoint = this.#endpoint;
    return {
      endpoint: endpoint !== null,
      pollFeedsOnDesktop: this.#options.pollFeedsOnDesktop,
      feeds: endpoint?.feeds() ?? null,
      reachedAt: endpoint?.reachedAt() ?? null,
      now: clock.now(),
      fallbackAfterMs: this.#options.fallbackAfterMs,
    };
  }

  #enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(job).catch((error: unknown) => {
      this.#options.log.error('could not switch or announce posts', {
        reason: error instanceof Error ? error.message : String(error),
      });
    });
    this.#queue = run;
    return run;
  }

  /** Chooses the source again and makes the engine follow it; `feedsChanged`: the desktop's list changed. */
  async #apply(feedsChanged = false): Promise<void> {
    if (this.#stopping) return;
    const { engine, log } = this.#options;
    const previous = this.#source;
    const next = choosePostSource(this.#facts());
    this.#source = next;
    this.#armFallback();
    let pollNeeded = feedsChanged;
    if (next.from === 'endpoint') {
      if (this.#engineRunning) await engine.stop();
      this.#engineRunning = false;
      pollNeeded = false;
    }
    const urls =
      next.from === 'fallback' ? [...new Set([...this.#feedUrls, ...this.#endpointFeedUrls()])] : this.#feedUrls;
    const before = new Set(engine.feeds().map((feed) => feed.id));
    await engine.setFeedUrls(urls);
    const after = new Set(engine.feeds().map((feed) => feed.id));
    for (const feedId of before) if (!after.has(feedId)) this.#fromEngine.delete(feedId);
    if (next.from !== 'endpoint' && !this.#engineRunning) {
      engine.start();
      this.#engineRunning = true;
      pollNeeded = true;
    }
    if (previous.from !== next.from) log.info('posts come from another source now', { ...next });
    // Not for every answer's new time: the window hears when the source or its reason changes.
    if (previous.from !== next.from || reasonOf(previous) !== reasonOf(next)) this.#options.sourceChanged(next);
    this.#render();
    this.#options.changed();
    if (pollNeeded) await engine.poll();
  }

  #armFallback(): void {
    this.#cancelFallback?.();
    this.#cancelFallback = null;
    const due = fallbackDueAt(this.#facts());
    if (due === null) return;
    const { clock } = this.#options;
    this.#cancelFallback = clock.setTimer(() => {
      this.#cancelFallback = null;
      void this.#enqueue(() => this.#apply());
    }, due - clock.now());
  }

  /** The feeds the endpoint's posts name, for the fallback: web addresses only, at most as many as policy may set. */
  #endpointFeedUrls(): string[] {
    const urls = new Set((this.#endpoint?.posts() ?? []).map((post) => post.feedUrl));
    return [...urls].filter((url) => checkSetting('feedUrls', [url]).ok).slice(0, MAX_FEEDS);
  }

  #keepEngine({ feedId, title, items }: FeedUpdate): void {
    this.#fromEngine.set(feedId, { title, posts: toPosts(feedId, items) });
  }

  #engineUpdate(update: FeedUpdate): void {
    this.#keepEngine(update);
    this.#render();
    const all = this.#fromEngine.get(update.feedId)?.posts ?? [];
    const fresh = toPosts(update.feedId, update.fresh);
    void this.#enqueue(() => this.#announce(update.feedId, fresh, all, update.firstPoll));
    this.#options.changed();
  }

  #endpointRound(round: PostsRound): void {
    void this.#enqueue(async () => {
      await this.#apply();
      if (this.#source.from === 'desktop' || round.changed.length === 0) return;
      const byFeed = new Map<string, EndpointPost[]>();
      for (const post of round.changed) byFeed.set(post.feedUrl, [...(byFeed.get(post.feedUrl) ?? []), post]);
      for (const [feedUrl, posts] of byFeed) {
        const feedId = feedIdFor(feedUrl);
        const changed = toPosts(
          feedId,
          posts.map((post) => post.item),
        );
        await this.#announce(feedId, changed, changed, round.newFeeds.has(feedUrl));
      }
    });
  }

  /** Of `fresh`, what no source brought before is announced, once `all` are known on disk. */
  async #announce(feedId: string, fresh: readonly Post[], all: readonly Post[], firstPoll: boolean): Promise<void> {
    const { known } = this.#options;
    const news = known.unknown(fresh);
    await known.remember(all);
    if (news.length > 0) this.#options.announce({ feedId, posts: news, firstPoll });
  }

  /** The endpoint's posts grouped by the feed id the desktop would give the same feed. */
  #fromEndpoint(): Map<string, Group> {
    const groups = new Map<string, { title: string; posts: Post[] }>();
    for (const post of this.#endpoint?.posts() ?? []) {
      const feedId = feedIdFor(post.feedUrl);
      const group = groups.get(feedId) ?? {
        title: this.#fromEngine.get(feedId)?.title || hostOf(post.feedUrl),
        posts: [],
      };
      group.posts.push(...toPosts(feedId, [post.item]));
      groups.set(feedId, group);
    }
    return groups;
  }

  /** The store from the source(s) in use: the endpoint's posts first, the engine's beside them in the fallback. */
  #render(): void {
    const from = this.#source.from;
    const groups = new Map<string, Group>();
    const endpointKeys = new Set<string>();
    if (from !== 'desktop')
      for (const [feedId, group] of this.#fromEndpoint()) {
        groups.set(feedId, group);
        for (const post of group.posts) endpointKeys.add(post.key);
      }
    if (from !== 'endpoint')
      for (const [feedId, group] of this.#fromEngine) {
        const theirs = groups.get(feedId)?.posts ?? [];
        const ids = new Set(group.posts.map((post) => post.id));
        // The same post from a feed configured at another address is shown once, under the endpoint's feed.
        const own = group.posts.filter((post) => !endpointKeys.has(post.key) || theirs.some((p) => p.id === post.id));
        groups.set(feedId, { title: group.title, posts: [...own, ...theirs.filter((post) => !ids.has(post.id))] });
      }
    const { store } = this.#options;
    for (const feedId of this.#shown) if (!groups.has(feedId)) store.removeFeed(feedId);
    for (const [feedId, group] of groups) store.replaceFeed(feedId, group.title, group.posts);
    this.#shown = new Set(groups.keys());
  }
}
