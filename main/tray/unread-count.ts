/**
 * How many new posts the person has not looked at: raised by the core's new-post events (on a first
 * poll only by recent posts, as for notifications), cleared when the window opens. Counts whatever the
 * notification rules hold back, so a paused or capped desktop still shows what is waiting.
 */
import type { AppCore } from '../core/app-core.ts';
import { postsWorthTelling } from '../notifications/select-notices.ts';

export interface UnreadCount {
  value(): number;
  reset(): void;
  stop(): void;
}

export function createUnreadCount(
  core: Pick<AppCore, 'coreEvents'>,
  onChange: (count: number) => void,
  now: () => Date = () => new Date(),
): UnreadCount {
  let count = 0;
  const set = (next: number): void => {
    if (next === count) return;
    count = next;
    onChange(count);
  };
  const stop = core.coreEvents.on('newPosts', ({ posts, firstPoll }) => {
    set(count + postsWorthTelling(posts, { firstPoll, now: now() }).length);
  });
  return { value: () => count, reset: () => set(0), stop };
}
