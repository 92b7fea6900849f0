/** The tray's unread count from the core's new-post events. */
import { describe, expect, it } from 'vitest';
import type { CoreEvents } from '../../../main/core/app-core.ts';
import { EventBus } from '../../../main/core/event-bus.ts';
import { createUnreadCount } from '../../../main/tray/unread-count.ts';
import { testPost } from '../../helpers/posts.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const post = (id: string, daysAgo: number) => testPost(id, new Date(NOW.getTime() - daysAgo * 24 * 60 * 60 * 1000));

describe('unread count', () => {
  it('rises with every new post, on a first poll only with recent ones, and clears on reset', () => {
    const coreEvents = new EventBus<CoreEvents>();
    const heard: number[] = [];
    const unread = createUnreadCount(
      { coreEvents },
      (count) => heard.push(count),
      () => NOW,
    );
    coreEvents.emit('newPosts', { feedId: 'feed', posts: [post('old', 30), post('new', 1)], firstPoll: true });
    coreEvents.emit('newPosts', { feedId: 'feed', posts: [post('a', 0), post('b', 0)], firstPoll: false });
    expect(unread.value()).toBe(3);
    unread.reset();
    unread.reset();
    expect(heard).toEqual([1, 3, 0]);
    unread.stop();
    coreEvents.emit('newPosts', { feedId: 'feed', posts: [post('c', 0)], firstPoll: false });
    expect(unread.value()).toBe(0);
  });
});
