/** Turns the core's new-post events into notices, by the rules in select-notices.ts. */
import type { AppCore } from '../core/app-core.ts';
import type { Notifier } from '../core/ports.ts';
import { selectNotices } from './select-notices.ts';

export function connectNotifications(core: Pick<AppCore, 'coreEvents'>, notifier: Notifier, now: () => Date = () => new Date()): () => void {
  return core.coreEvents.on('newPosts', ({ posts, firstPoll }) => {
    for (const notice of selectNotices(posts, { firstPoll, now: now() })) notifier.show(notice);
  });
}
