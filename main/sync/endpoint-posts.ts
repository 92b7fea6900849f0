/**
 * The organisation's posts from the endpoint (GET /v1/posts): asked every 2 minutes (± 10 %), with the
 * `since` cursor so only what is new comes, and the last ETag so an unchanged answer is a 304. Pages
 * (`more`) are asked for at once. The posts, the cursor and when the endpoint last answered are kept in the
 * sync cache, so a restart shows the posts at once and asks only for what came after. Which source the
 * desktop shows is decided elsewhere (main/core/post-sources.ts); this only pulls and remembers.
 */
import type { EndpointPost } from '../../common/protocol.ts';
import type { Clock, Logger, NetworkStatus } from '../core/ports.ts';
import { NeedsEnrollment, type DeviceAuth } from './device-auth.ts';
import { EndpointError, type EndpointClient } from './endpoint-client.ts';
import { parseRetryAfter } from './retry-policy.ts';
import type { EndpointPostsData, SyncCache } from './sync-cache.ts';

/** How often a desktop asks for posts when nothing else is said (jittered by ± 10 %). */
export const POSTS_INTERVAL_MS = 2 * 60_000;
/** The posts kept between runs: the newest by the endpoint's first sight, far more than the window lists. */
export const MAX_KEPT_POSTS = 1000;
/** Pages in one round at most: an endpoint that always says `more` cannot keep a desktop asking forever. */
const MAX_PAGES_PER_ROUND = 50;
/** "When the endpoint last answered" is written to disk at most this often: a 304 must stay almost free. */
const REACHED_SAVE_EVERY_MS = 5 * 60_000;

/** What one round of asking brought. */
export interface PostsRound {
  /** The endpoint answered (200 or 304); false: unreachable, refused or unreadable. */
  readonly reached: boolean;
  /** Posts added or changed in this round, in the endpoint's order. */
  readonly changed: readonly EndpointPost[];
  /** Feed addresses none of whose posts this desktop had from the endpoint before this round. */
  readonly newFeeds: ReadonlySet<string>;
}

export interface EndpointPostsOptions {
  readonly client: Pick<EndpointClient, 'fetchPosts'>;
  readonly auth: Pick<DeviceAuth, 'token' | 'refused'>;
  readonly cache: SyncCache;
  readonly network: NetworkStatus;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Logger;
  readonly intervalMs?: number;
}

/** One post's identity across answers: its feed and its item. */
const identity = (post: EndpointPost): string => `${post.feedUrl}\n${post.item.id}`;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class EndpointPosts {
  readonly #options: EndpointPostsOptions;
  readonly #listeners = new Set<(round: PostsRound) => void>();
  #running: Promise<PostsRound> | null = null;
  #cancelTimer: (() => void) | null = null;
  #started = false;
  #unsubscribe: (() => void) | null = null;
  /** Failures in a row, for the log: the first of a streak is a warning, the rest are not repeated. */
  #failures = 0;
  /** When the endpoint last answered, newer than the cache's copy (which is saved only now and then). */
  #reachedAt: number | null;

  constructor(options: EndpointPostsOptions) {
    this.#options = options;
    const kept = options.cache.posts;
    this.#reachedAt = kept === null ? null : Date.parse(kept.reachedAt);
  }

  /** How many feeds the organisation had at the last answer; null when the endpoint never answered. */
  feeds(): number | null {
    return this.#options.cache.posts?.feeds ?? null;
  }

  /** When the endpoint last answered a posts request (ms), or null. */
  reachedAt(): number | null {
    return this.#reachedAt;
  }

  posts(): readonly EndpointPost[] {
    return this.#options.cache.posts?.posts ?? [];
  }

  /** Every round's outcome, answered or not, once it is in the cache. */
  onRound(listener: (round: PostsRound) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks now (joins a round already under way); the next scheduled one follows a full interval later. */
  pull(): Promise<PostsRound> {
    this.#running ??= this.#round().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Resolves once no round is under way. */
  async idle(): Promise<void> {
    await this.#running;
  }

  start(): void {
    this.#started = true;
    this.#unsubscribe = this.#options.network.onOnline(() => void this.pull());
    this.#schedule(null);
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe?.();
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    await this.#running;
    await this.#options.cache.flushed();
  }

  async #round(): Promise<PostsRound> {
    const before = new Set(this.posts().map((post) => post.feedUrl));
    let outcome: { readonly changed: EndpointPost[]; readonly retryAfterMs: number | null };
    try {
      outcome = { changed: await this.#pages(), retryAfterMs: null };
      this.#failures = 0;
    } catch (error) {
      outcome = { changed: [], retryAfterMs: await this.#failed(error) };
    }
    const reached = this.#failures === 0;
    const round: PostsRound = {
      reached,
      changed: outcome.changed,
      newFeeds: new Set(outcome.changed.map((post) => post.feedUrl).filter((url) => !before.has(url))),
    };
    this.#schedule(outcome.retryAfterMs);
    for (const listener of this.#listeners) listener(round);
    return round;
  }

  /** Every page the endpoint has after the cursor; each saved before the next is asked for. */
  async #pages(): Promise<EndpointPost[]> {
    const { auth, client, network } = this.#options;
    if (!network.isOnline()) throw new Error('this computer is offline');
    const token = await auth.token();
    const changed: EndpointPost[] = [];
    for (let page = 0; page < MAX_PAGES_PER_ROUND; page += 1) {
      const kept = this.#options.cache.posts;
      const since = kept?.cursor ?? null;
      const etag = kept?.etag?.since === since ? kept.etag.value : null;
      const answer = await client.fetchPosts(token, since, etag).catch(async (error: unknown) => {
        // A cursor the endpoint no longer reads (its database replaced, say): start again from the first post.
        if (!(error instanceof EndpointError && error.status === 400 && kept !== null && since !== null)) throw error;
        this.#options.log.warn('the endpoint refused the posts cursor; asking for every post again', {
          reason: reasonOf(error),
        });
        await this.#options.cache.update({ posts: { ...kept, cursor: null, etag: null } });
        return null;
      });
      if (answer === null) continue;
      if (!answer.changed) {
        await this.#reached(kept);
        return changed;
      }
      const { body } = answer;
      const now = this.#options.clock.now();
      this.#reachedAt = now;
      await this.#options.cache.update({
        posts: {
          feeds: body.feeds,
          cursor: body.cursor,
          etag: answer.etag === null ? null : { since, value: answer.etag },
          reachedAt: new Date(now).toISOString(),
          // With no feeds the endpoint has no posts: the desktop's own feeds take over (post-sources.ts).
          posts: body.feeds === 0 ? [] : merged(kept?.posts ?? [], body.posts),
        },
      });
      changed.push(...body.posts);
      if (!body.more || body.cursor === since) return changed;
    }
    this.#options.log.warn('the endpoint kept saying more posts were waiting; the rest are asked for next time');
    return changed;
  }

  /** A 304: the endpoint is there; the time goes to disk only now and then. */
  async #reached(kept: EndpointPostsData | null): Promise<void> {
    const now = this.#options.clock.now();
    this.#reachedAt = now;
    if (kept !== null && now - Date.parse(kept.reachedAt) >= REACHED_SAVE_EVERY_MS)
      await this.#options.cache.update({ posts: { ...kept, reachedAt: new Date(now).toISOString() } });
  }

  /** Logs the failure (once per streak) and returns how long the endpoint asked us to wait, if it did. */
  async #failed(error: unknown): Promise<number | null> {
    const { auth, clock, log } = this.#options;
    this.#failures += 1;
    // A revoked device: the token goes, as it does when shares are refused (device-auth.ts).
    if (error instanceof EndpointError && error.status === 401) await auth.refused();
    if (this.#failures === 1)
      log.warn('could not get the posts from the endpoint; asking again later', {
        reason: reasonOf(error),
        waitsForEnrollment: error instanceof NeedsEnrollment,
      });
    return error instanceof EndpointError ? parseRetryAfter(error.retryAfter, clock.now()) : null;
  }

  #schedule(retryAfterMs: number | null): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    if (!this.#started) return;
    const { clock, random } = this.#options;
    const interval = this.#options.intervalMs ?? POSTS_INTERVAL_MS;
    const delay = Math.max(interval * (0.9 + 0.2 * random()), retryAfterMs ?? 0);
    this.#cancelTimer = clock.setTimer(() => {
      this.#cancelTimer = null;
      void this.pull();
    }, delay);
  }
}

/** The kept posts with a page's posts over them (a changed post replaces its old self), newest kept. */
function merged(kept: readonly EndpointPost[], page: readonly EndpointPost[]): EndpointPost[] {
  const byIdentity = new Map(kept.map((post) => [identity(post), post]));
  for (const post of page) {
    byIdentity.delete(identity(post));
    byIdentity.set(identity(post), post);
  }
  return [...byIdentity.values()].slice(-MAX_KEPT_POSTS);
}
