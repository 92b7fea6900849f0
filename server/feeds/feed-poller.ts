/**
 * The endpoint's feed polls: a job under a lease, so exactly one replica reads the organisation's feeds
 * (a dead holder's feeds are taken over when its lease expires). Everything about a single read
 * (conditional GET, caps, backoff, hostile input) is the feed engine's; this keeps the states in the
 * database and turns good reads into posts. A feed that fails keeps its posts and shows the reason.
 */
import {
  DEFAULT_LIMITS,
  baseInterval,
  newFeedState,
  pollFeed,
  visibleItems,
  type FeedState,
  type FetchLimits,
  type HttpFetch,
} from '../../feeds/index.ts';
import type { Db } from '../database.ts';
import { lockRows } from '../dialect.ts';
import { stillHeld, type Lease } from '../jobs/lease.ts';
import type { LeaseKeeperOptions } from '../jobs/lease-keeper.ts';
import { startLeasedJob, type LeasedJob } from '../jobs/leased-job.ts';
import { savePolledItems } from './post-rows.ts';
import { storedFeedState } from './stored-state.ts';

export const FEED_POLL_JOB = 'feed-polls';
/** How often the holder looks for due feeds: what a ping waits at most on another replica. */
const DEFAULT_TICK_MS = 2_000;
/** Feeds read at once: a slow blog does not hold up the others, and a burst does not flood the network. */
const AT_ONCE = 4;

export interface FeedPollerOptions extends Omit<LeaseKeeperOptions, 'job'> {
  readonly fetch?: HttpFetch;
  readonly limits?: FetchLimits;
  readonly tickMs?: number;
  readonly random?: () => number;
  readonly now?: () => Date;
  /** Told after each read (for logs): the feed, and its error in words or null. */
  readonly onPolled?: (url: string, error: string | null, changedPosts: number) => void;
}

/** wake(): look for due feeds now (after a ping), if this replica holds the lease. */
export type FeedPoller = LeasedJob;

interface DueFeed {
  readonly id: number;
  readonly url: string;
  readonly state: string;
  readonly next_poll_at: string;
}

/**
 * When to read the feed next: as the engine says, unless a ping came while it was being read (its time
 * moved): the ping may announce a post this read came too early for, so it stands, though never before
 * the time the feed's server asked us to wait until.
 */
function nextRead(state: FeedState, selected: string, current: string): string {
  const scheduled = new Date(state.nextPollAt).toISOString();
  if (current === selected) return scheduled;
  return new Date(Math.max(Date.parse(current), state.holdUntil ?? 0)).toISOString();
}

/** The stored state, or a fresh one for a feed whose state this version cannot read. */
const stateOf = (feed: DueFeed, now: Date): FeedState =>
  storedFeedState(feed.state) ?? newFeedState(feed.url, now.getTime(), baseInterval(undefined));

export function startFeedPoller(db: Db, options: FeedPollerOptions): FeedPoller {
  const now = options.now ?? (() => new Date());
  const fetch = options.fetch ?? globalThis.fetch;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const random = options.random ?? Math.random;
  async function pollOne(feed: DueFeed, lease: Lease): Promise<void> {
    const at = now();
    const before = stateOf(feed, at);
    const outcome = await pollFeed(before, {
      fetch,
      limits,
      now: at.getTime(),
      random,
      baseIntervalMs: baseInterval(undefined),
    });
    const state = outcome.state;
    const changed = await db.transaction().execute(async (trx) => {
      if (!(await stillHeld(trx, lease))) return null;
      // Until this commits, a ping waits (PostgreSQL), so the time it sets is seen below, never overwritten.
      await lockRows(trx, 'feeds', [feed.id]);
      // Removed while it was being read: nothing to keep.
      const now = await trx.selectFrom('feeds').select('next_poll_at').where('id', '=', feed.id).executeTakeFirst();
      if (!now) return null;
      const good = state.lastError === null;
      const items = visibleItems(state.items, at.getTime());
      await trx
        .updateTable('feeds')
        .set({
          state: JSON.stringify(state),
          fetch_url: state.fetchUrl,
          checked_at: state.checkedAt === null ? null : new Date(state.checkedAt).toISOString(),
          next_poll_at: nextRead(state, feed.next_poll_at, now.next_poll_at),
          last_error: state.lastError,
          ...(good
            ? {
                title: state.title,
                item_count: items.length,
                websub_hub: state.websub?.hub ?? null,
                websub_topic: state.websub?.topic ?? null,
              }
            : {}),
        })
        .where('id', '=', feed.id)
        .execute();
      return good ? savePolledItems(trx, feed, items, at) : 0;
    });
    if (changed !== null) options.onPolled?.(feed.url, state.lastError, changed);
  }

  return startLeasedJob(
    db,
    { ...options, job: FEED_POLL_JOB, tickMs: options.tickMs ?? DEFAULT_TICK_MS },
    async (lease) => {
      const due = await db
        .selectFrom('feeds')
        .select(['id', 'url', 'state', 'next_poll_at'])
        .where('next_poll_at', '<=', now().toISOString())
        .orderBy('next_poll_at')
        .limit(AT_ONCE)
        .execute();
      await Promise.all(due.map((feed) => pollOne(feed, lease)));
      // A full batch may have more behind it.
      return due.length === AT_ONCE;
    },
  );
}
