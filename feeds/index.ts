/**
 * The feed engine's public surface, the same for the desktop (main/feeds/feed-engine.ts) and the endpoint.
 * The engine keeps nothing itself: the caller stores one `FeedState` per feed (a plain JSON value, all
 * that must survive a restart), calls `pollFeed` when `state.nextPollAt` has come (or at once when asked,
 * but never before `state.holdUntil`), stores the state it gets back BEFORE announcing `outcome.fresh`
 * (so a crash never announces twice), and runs its own timer. `checkFeed` answers "is this a feed, and
 * where" before a feed is added; poll the `url` it gives.
 *
 *   let state = readFeedState(stored) ?? newFeedState(url, now, baseInterval(configuredMs));
 *   const outcome = await pollFeed(state, { fetch, limits: DEFAULT_LIMITS, now, random: Math.random,
 *     baseIntervalMs: baseInterval(configuredMs) });
 *   save(outcome.state); announce(outcome.fresh); // next poll at outcome.state.nextPollAt
 */
export type { FeedCheck, FeedItem, FeedStatus } from '../common/domain.ts';
export type { HttpFetch } from './ports.ts';

// Adding a feed: the live check with discovery (alternate links, then the usual paths).
export { checkFeed } from './check-feed.ts';
export { DEFAULT_LIMITS, type FetchLimits } from './http-get.ts';
export { FeedError, type FeedErrorKind } from './feed-error.ts';

// Polling: state in, state out.
export { newFeedState, readFeedState, type FeedState } from './feed-state.ts';
export {
  FIRST_POLL_WINDOW_MS,
  pollFeed,
  seenKey,
  visibleItems,
  type PollContext,
  type PollOutcome,
} from './poll-feed.ts';
export { feedStatus } from './feed-status.ts';
export { baseInterval } from './schedule.ts';
export type { WebSubLinks } from './websub-links.ts';

// The desktop's posts from a feed's items.
export { toPosts } from './to-posts.ts';
