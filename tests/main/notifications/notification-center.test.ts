/**
 * The notification center on the core's new-post events: rules applied live, the pause kept, the cap counted per day.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CoreEvents } from '../../../main/core/app-core.ts';
import { EventBus } from '../../../main/core/event-bus.ts';
import type { Notice } from '../../../main/core/ports.ts';
import {
  createNotificationCenter,
  type NotificationRules,
  type PauseStore,
} from '../../../main/notifications/notification-center.ts';
import { testPost } from '../../helpers/posts.ts';

function setup(options: { rules?: NotificationRules; stored?: string | null } = {}) {
  const coreEvents = new EventBus<CoreEvents>();
  const shown: Notice[] = [];
  let clock = new Date(2026, 10, 25, 10, 0);
  let stored = options.stored ?? null;
  const pauses: PauseStore = { load: () => stored, save: (value) => (stored = value) };
  const rules = { current: options.rules ?? { quietHours: null, dailyNotificationCap: 10 } };
  const center = createNotificationCenter({
    core: { coreEvents },
    notifier: { show: (notice) => shown.push(notice) },
    rules: () => rules.current,
    pauses,
    now: () => clock,
  });
  const poll = (...ids: string[]): void => {
    coreEvents.emit('newPosts', { feedId: 'feed', posts: ids.map((id) => testPost(id, null)), firstPoll: false });
  };
  return { center, shown, poll, rules, stored: () => stored, setClock: (next: Date) => (clock = next) };
}

describe('notification center', () => {
  it('shows what the rules select', () => {
    const { shown, poll } = setup();
    poll('a');
    expect(shown.map((notice) => notice.title)).toEqual(['Post a']);
  });

  it('keeps a pause in its store (so "until tomorrow" survives a restart) and shows nothing meanwhile', () => {
    const { center, shown, poll, stored } = setup();
    const until = center.pause('tomorrow');
    expect(stored()).toBe(until.toISOString());
    poll('a');
    expect(shown).toEqual([]);
    center.resume();
    expect(stored()).toBeNull();
    poll('b');
    expect(shown.map((notice) => notice.postId)).toEqual(['b']);
  });

  it('picks up a pause stored by an earlier run, and forgets one that has run out', () => {
    const paused = setup({ stored: new Date(2026, 10, 25, 11, 0).toISOString() });
    expect(paused.center.pausedUntil()).toEqual(new Date(2026, 10, 25, 11, 0));
    paused.poll('a');
    expect(paused.shown).toEqual([]);
    paused.setClock(new Date(2026, 10, 25, 11, 0));
    expect(paused.center.pausedUntil()).toBeNull();
    paused.poll('b');
    expect(paused.shown).toHaveLength(1);
    expect(setup({ stored: 'not a date' }).center.pausedUntil()).toBeNull();
  });

  it('announces the end of a pause when it runs out', () => {
    vi.useFakeTimers();
    try {
      const { center, setClock } = setup();
      const heard = vi.fn();
      center.onPauseChange(heard);
      center.pause('hour');
      expect(heard).toHaveBeenCalledTimes(1);
      setClock(new Date(2026, 10, 25, 11, 0));
      vi.advanceTimersByTime(60 * 60 * 1000);
      expect(heard).toHaveBeenCalledTimes(2);
      expect(center.pausedUntil()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the rules at every poll, so a settings change applies at once', () => {
    const { shown, poll, rules } = setup();
    rules.current = { quietHours: { start: '09:00', end: '17:00' }, dailyNotificationCap: 10 };
    poll('a');
    expect(shown).toEqual([]);
  });

  it('stops at the daily cap and starts counting again the next day', () => {
    const { center, shown, poll, setClock } = setup({ rules: { quietHours: null, dailyNotificationCap: 2 } });
    poll('a');
    poll('b');
    poll('c');
    expect(shown.map((notice) => notice.postId)).toEqual(['a', 'b']);
    expect(center.shownToday()).toBe(2);
    setClock(new Date(2026, 10, 26, 9, 0));
    expect(center.shownToday()).toBe(0);
    poll('d');
    expect(shown.map((notice) => notice.postId)).toEqual(['a', 'b', 'd']);
  });

  it('stops listening when stopped', () => {
    const { center, shown, poll } = setup();
    center.stop();
    poll('a');
    expect(shown).toEqual([]);
  });
});
