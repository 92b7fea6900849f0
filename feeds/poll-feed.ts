/**
 * One poll of one feed: a conditional GET, the body-hash skip, the read, and what counts as new. Takes
 * the feed's state and gives back the next one; nothing here touches the disk or a timer.
 *
 * New means: visible (has a link, past its embargo) and never seen before. A feed's first poll counts
 * only items from the last few days, so adding a feed never floods; everything else it holds is marked
 * seen quietly. An edited item keeps its identity, so it updates in place and never counts again.
 */
import { createHash } from 'node:crypto';
import type { FeedItem } from '../common/domain.ts';
import type { HttpFetch } from './ports.ts';
import { FeedError } from './feed-error.ts';
import type { FeedState } from './feed-state.ts';
import { fetchFeedBytes, type FetchLimits } from './http-get.ts';
import { shortHash } from './normalize.ts';
import { readFeed } from './read-feed.ts';
import { NO_LINKS, webSubLinks } from './websub-links.ts';
import { backoffDelay, feedInterval, MIN_INTERVAL_MS, nextPollDelay } from './schedule.ts';

/**
 * How far back a feed's first poll looks for news. The desktop's notification rules use the same window
 * (main/notifications/select-notices.ts): what a first poll announces is what they may show.
 */
export const FIRST_POLL_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

/** Seen marks of items that left the feed are kept this long, so an item that comes back is not news. */
const SEEN_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
const MAX_SEEN = 5000;

export interface PollContext {
  readonly fetch: HttpFetch;
  /** Timeout, size cap, redirects: `DEFAULT_LIMITS` unless a test needs smaller ones. */
  readonly limits: FetchLimits;
  /** The time of this poll (epoch ms): what the state's times are counted from. */
  readonly now: number;
  /** A number in [0, 1) for the jitter: `Math.random`, or a constant in tests. */
  readonly random: () => number;
  /** The configured interval, through `baseInterval` (which floors it at 5 minutes). */
  readonly baseIntervalMs: number;
}

export interface PollOutcome {
  readonly state: FeedState;
  /** Items to announce: new since the last poll (or recent, on a first poll). */
  readonly fresh: readonly FeedItem[];
  readonly firstPoll: boolean;
}

/** An item's identity key in its feed (what `FeedState.seen` is keyed on): the same on every machine. */
export const seenKey = (item: FeedItem): string => shortHash(item.id);

/** Items the window may show now: shareable (a link) and not under embargo. */
export const visibleItems = (items: readonly FeedItem[], now: number): FeedItem[] =>
  items.filter((item) => item.link !== null && (item.embargoUntil === null || Date.parse(item.embargoUntil) <= now));

function announce(state: FeedState, now: number): { fresh: FeedItem[]; seen: Record<string, number> } {
  const seen = { ...state.seen };
  const fresh: FeedItem[] = [];
  for (const item of visibleItems(state.items, now)) {
    const key = seenKey(item);
    if (seen[key] !== undefined) continue;
    seen[key] = now;
    const recent = item.publishedAt !== null && Date.parse(item.publishedAt) >= now - FIRST_POLL_WINDOW_MS;
    if (state.firstPollDone || recent) fresh.push(item);
  }
  const current = new Set(state.items.map(seenKey));
  const kept = Object.entries(seen)
    .filter(([key, at]) => current.has(key) || at >= now - SEEN_RETENTION_MS)
    .sort(([, a], [, b]) => b - a)
    .slice(0, MAX_SEEN);
  return { fresh, seen: Object.fromEntries(kept) };
}

function embargoEndedSince(state: FeedState, now: number): boolean {
  return state.items.some((item) => {
    const end = item.embargoUntil === null ? NaN : Date.parse(item.embargoUntil);
    return end <= now && (state.checkedAt === null || end > state.checkedAt);
  });
}

/** The earliest embargo still ahead: the poll timer wakes then to release the item. */
function nextEmbargoEnd(items: readonly FeedItem[], now: number): number | null {
  const ends = items
    .map((item) => (item.embargoUntil === null ? NaN : Date.parse(item.embargoUntil)))
    .filter((end) => end > now);
  return ends.length > 0 ? Math.min(...ends) : null;
}

async function refresh(state: FeedState, context: PollContext): Promise<FeedState> {
  const result = await fetchFeedBytes(context.fetch, state.fetchUrl, { validators: state, limits: context.limits });
  let next: FeedState = { ...state, fetchUrl: result.movedTo ?? state.fetchUrl };
  if (result.status === 'ok') {
    next = { ...next, etag: result.validators.etag, lastModified: result.validators.lastModified };
    const hash = createHash('sha256').update(result.body).digest('hex');
    // An unchanged body (a server that ignores validators) costs a hash, not a parse.
    if (hash !== state.bodyHash) {
      const feed = await readFeed(result.body, {
        contentType: result.contentType,
        url: result.url,
        maxBytes: context.limits.maxBytes,
      });
      next = {
        ...next,
        bodyHash: hash,
        title: feed.title,
        ttlMinutes: feed.ttlMinutes,
        items: [...feed.items],
        websub: webSubLinks(result.links, feed.links, result.url),
      };
    } else if (result.links.hubs.length > 0)
      next = { ...next, websub: webSubLinks(result.links, NO_LINKS, result.url) };
  }
  return { ...next, intervalMs: feedInterval(context.baseIntervalMs, result.maxAgeMs, next.ttlMinutes) };
}

/**
 * Polls one feed once. Never rejects: a failure comes back as the state with `lastError` (in plain
 * words), `failures` counted and `nextPollAt` backed off; `holdUntil` is set when the server asked us
 * to wait (Retry-After), and no poll, not even one a person asks for, should happen before it.
 */
export async function pollFeed(state: FeedState, context: PollContext): Promise<PollOutcome> {
  const { now, random } = context;
  let next: FeedState;
  try {
    next = await refresh(state, context);
  } catch (error) {
    const problem =
      error instanceof FeedError
        ? error
        : new FeedError('parse', 'the feed could not be read (unexpected problem)', { cause: error });
    const failures = state.failures + 1;
    const delay = backoffDelay(state.intervalMs, failures, problem.retryAfterMs, random);
    next = {
      ...state,
      failures,
      lastError: problem.message,
      checkedAt: now,
      nextPollAt: now + delay,
      holdUntil: problem.retryAfterMs === null ? null : now + delay,
    };
    // Even a failed poll releases an item whose embargo has ended: its text is already here.
    const { fresh, seen } = state.firstPollDone ? announce(state, now) : { fresh: [], seen: state.seen };
    return { state: { ...next, seen }, fresh, firstPoll: false };
  }
  const firstPoll = !state.firstPollDone;
  // Same items as last time (304 or same body) and no embargo ended since: nothing can be new.
  const unchanged = next.items === state.items && !firstPoll && !embargoEndedSince(state, now);
  const { fresh, seen } = unchanged ? { fresh: [], seen: state.seen } : announce(next, now);
  const embargoEnd = nextEmbargoEnd(next.items, now);
  const regular = now + nextPollDelay(next.intervalMs, random);
  const nextPollAt = embargoEnd === null ? regular : Math.min(regular, Math.max(embargoEnd, now + MIN_INTERVAL_MS));
  return {
    state: {
      ...next,
      seen,
      failures: 0,
      lastError: null,
      checkedAt: now,
      nextPollAt,
      holdUntil: null,
      firstPollDone: true,
    },
    fresh,
    firstPoll,
  };
}
