/**
 * A feed's health in the shape the desktop's window and the endpoint's dashboard show: when it was last read, when it
 * is read next, and why it failed.
 */
import type { FeedStatus } from '../common/domain.ts';
import type { FeedState } from './feed-state.ts';

export function feedStatus(state: FeedState): FeedStatus {
  if (state.checkedAt === null) return { state: 'pending' };
  const checkedAt = new Date(state.checkedAt).toISOString();
  const next = new Date(state.nextPollAt).toISOString();
  if (state.lastError === null) return { state: 'ok', checkedAt, nextCheckAt: next };
  // Waiting clearly longer than usual means backoff (or the server's Retry-After) has kicked in.
  const holding = state.holdUntil !== null || state.nextPollAt - state.checkedAt > state.intervalMs * 1.5;
  return holding
    ? { state: 'backing-off', message: state.lastError, checkedAt, until: next }
    : { state: 'error', message: state.lastError, checkedAt, nextCheckAt: next };
}
