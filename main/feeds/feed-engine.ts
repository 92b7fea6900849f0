/**
 * Keeps every configured feed polled on its own schedule: loads their states, runs due polls a few at a
 * time, saves each new state before anyone hears of it (so a restart never announces twice), and sleeps
 * on one timer until the next feed is due. Time comes from the Clock port, so tests never sleep.
 */
import type { Feed } from '../../common/domain.ts';
import {
  baseInterval,
  DEFAULT_LIMITS,
  feedStatus,
  newFeedState,
  pollFeed,
  visibleItems,
  type FeedItem,
  type FeedState,
  type FetchLimits,
  type HttpFetch,
} from '../../feeds/index.ts';
// The desktop's own feed ids (its state file names): a hash of the configured address.
import { shortHash } from '../../feeds/normalize.ts';
import type { Clock, Logger } from '../core/ports.ts';
import { FeedStateStore } from './feed-state-store.ts';

export interface FeedEngineOptions {
  readonly fetch: HttpFetch;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly intervalMs?: number | undefined;
  readonly limits?: FetchLimits | undefined;
  readonly random?: (() => number) | undefined;
}

/** What one poll changed, for the core: the feed's items now, and the ones to announce. */
export interface FeedUpdate {
  readonly feedId: string;
  readonly title: string;
  /** Every item the window may show now (links, embargo passed). */
  readonly items: readonly FeedItem[];
  readonly fresh: readonly FeedItem[];
  readonly firstPoll: boolean;
}

/** How many feeds are fetched at once: enough for a handful of company blogs, gentle on a slow link. */
const PARALLEL_POLLS = 4;

/** A feed's id on this desktop: the same for the same configured address whichever source its posts came from. */
export const feedIdFor = (url: string): string => shortHash(url);

export class FeedEngine {
  readonly #options: FeedEngineOptions;
  readonly #store: FeedStateStore;
  readonly #states = new Map<string, FeedState>();
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #listeners = new Set<(update: FeedUpdate) => void>();
  #cancelTimer: (() => void) | null = null;
  #running = false;
  #intervalMs: number | undefined;

  private constructor(options: FeedEngineOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs;
    this.#store = new FeedStateStore(options.dataDir);
  }

  static async open(options: FeedEngineOptions, urls: readonly string[]): Promise<FeedEngine> {
    const engine = new FeedEngine(options);
    const { states, problems } = await engine.#store.loadAll();
    for (const problem of problems) options.log.warn('feed state set aside', { problem });
    for (const [feedId, state] of states) engine.#states.set(feedId, state);
    await engine.setFeedUrls(urls);
    return engine;
  }

  get #baseIntervalMs(): number {
    return baseInterval(this.#intervalMs);
  }

  /** The interval policy or settings set now: each feed's next poll is timed with it (its current wait stands). */
  setIntervalMs(intervalMs: number): void {
    this.#intervalMs = intervalMs;
  }

  onUpdate(listener: (update: FeedUpdate) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The feeds to poll from now on. New ones are due at once; removed ones are forgotten with their state. */
  async setFeedUrls(urls: readonly string[]): Promise<void> {
    const wanted = new Map(urls.map((url) => [feedIdFor(url), url]));
    for (const feedId of [...this.#states.keys()]) {
      if (wanted.has(feedId)) continue;
      this.#states.delete(feedId);
      await this.#store.remove(feedId);
    }
    for (const [feedId, url] of wanted) {
      if (this.#states.has(feedId)) continue;
      const state = newFeedState(url, this.#options.clock.now(), this.#baseIntervalMs);
      this.#states.set(feedId, state);
      await this.#store.save(feedId, state);
    }
    this.#arm();
  }

  feeds(): Feed[] {
    return [...this.#states].map(([id, state]) => ({
      id,
      url: state.url,
      fetchUrl: state.fetchUrl,
      title: state.title || state.url,
      status: feedStatus(state),
    }));
  }

  /** Every feed's items as last read (nothing new is announced): what the window shows right after a restart. */
  snapshot(): FeedUpdate[] {
    const now = this.#options.clock.now();
    return [...this.#states].map(([feedId, state]) => ({
      feedId,
      title: state.title,
      items: visibleItems(state.items, now),
      fresh: [],
      firstPoll: false,
    }));
  }

  /** Polls the feeds that are due. `manual` ("Refresh now") polls all of them except those a server asked to wait. */
  async poll(manual = false): Promise<void> {
    const now = this.#options.clock.now();
    const due = [...this.#states]
      .filter(([, state]) => (manual ? (state.holdUntil ?? 0) <= now : state.nextPollAt <= now))
      .map(([feedId]) => feedId);
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let feedId = queue.shift(); feedId !== undefined; feedId = queue.shift()) await this.#pollOne(feedId);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_POLLS, queue.length) }, worker));
    this.#arm();
  }

  #pollOne(feedId: string): Promise<void> {
    const running = this.#inFlight.get(feedId);
    if (running) return running;
    const poll = this.#runPoll(feedId).finally(() => this.#inFlight.delete(feedId));
    this.#inFlight.set(feedId, poll);
    return poll;
  }

  async #runPoll(feedId: string): Promise<void> {
    const state = this.#states.get(feedId);
    if (!state) return;
    const { clock, fetch, log } = this.#options;
    const outcome = await pollFeed(state, {
      fetch,
      limits: this.#options.limits ?? DEFAULT_LIMITS,
      now: clock.now(),
      random: this.#options.random ?? Math.random,
      baseIntervalMs: this.#baseIntervalMs,
    });
    // The feed may have been removed while it was being fetched.
    if (!this.#states.has(feedId)) return;
    this.#states.set(feedId, outcome.state);
    if (outcome.state.lastError !== null)
      log.warn('feed poll failed', { url: state.fetchUrl, reason: outcome.state.lastError });
    // On disk before anyone hears of it: a crash right after cannot lead to a second announcement.
    await this.#store.save(feedId, outcome.state).catch((error: unknown) => {
      log.error('could not save a feed state', {
        feedId,
        reason: error instanceof Error ? error.message : String(error),
      });
    });
    const update: FeedUpdate = {
      feedId,
      title: outcome.state.title,
      items: visibleItems(outcome.state.items, clock.now()),
      fresh: outcome.fresh,
      firstPoll: outcome.firstPoll,
    };
    for (const listener of this.#listeners) listener(update);
  }

  /** Starts the timer: from now on, each feed is polled when it is due. */
  start(): void {
    this.#running = true;
    this.#arm();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    await Promise.all(this.#inFlight.values());
    await this.#store.flush();
  }

  #arm(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    if (!this.#running || this.#states.size === 0) return;
    const next = Math.min(...[...this.#states.values()].map((state) => state.nextPollAt));
    this.#cancelTimer = this.#options.clock.setTimer(
      () => {
        this.#cancelTimer = null;
        this.poll().catch((error: unknown) => {
          this.#options.log.error('feed polling failed', {
            reason: error instanceof Error ? error.message : String(error),
          });
        });
      },
      Math.max(0, next - this.#options.clock.now()),
    );
  }
}
