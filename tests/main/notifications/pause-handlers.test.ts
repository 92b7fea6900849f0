/**
 * The window's pause over IPC: the same center as the tray menu, every change told to the window, bad requests refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../../common/ipc/contract.ts';
import type { NotificationPause } from '../../../common/settings.ts';
import type { CoreEvents } from '../../../main/core/app-core.ts';
import { EventBus } from '../../../main/core/event-bus.ts';
import { createIpcDispatcher } from '../../../main/ipc/dispatcher.ts';
import { createNotificationCenter } from '../../../main/notifications/notification-center.ts';
import { followPause, pauseHandlers } from '../../../main/notifications/pause-handlers.ts';
import { handlersWith } from '../../helpers/handlers.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';

const START = new Date(2026, 10, 25, 10, 0);

function setup() {
  let clock = START;
  const center = createNotificationCenter({
    core: { coreEvents: new EventBus<CoreEvents>() },
    notifier: { show: () => undefined },
    now: () => clock,
  });
  const events = new EventBus<EventMap>();
  const told: NotificationPause[] = [];
  events.on('notificationPauseChanged', (pause) => told.push(pause));
  followPause(center, events);
  const dispatch = createIpcDispatcher(handlersWith(pauseHandlers(center)), quietLog);
  return { center, told, dispatch, setClock: (next: Date) => (clock = next) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('notification pause over IPC', () => {
  it("pauses for an hour from the window: the answer, the event and the tray menu's center agree", async () => {
    const { center, told, dispatch } = setup();
    expect(await dispatch('getNotificationPause', [])).toEqual({ ok: true, value: { pausedUntil: null } });
    const hourLater = new Date(2026, 10, 25, 11, 0).toISOString();
    expect(await dispatch('pauseNotifications', ['hour'])).toEqual({ ok: true, value: { pausedUntil: hourLater } });
    expect(center.pausedUntil()?.toISOString()).toBe(hourLater);
    expect(told).toEqual([{ pausedUntil: hourLater }]);
    expect(await dispatch('getNotificationPause', [])).toEqual({ ok: true, value: { pausedUntil: hourLater } });
  });

  it('tells the window when the tray menu pauses until tomorrow 08:00, and when the window resumes', async () => {
    const { center, told, dispatch } = setup();
    center.pause('tomorrow');
    expect(told).toEqual([{ pausedUntil: new Date(2026, 10, 26, 8, 0).toISOString() }]);
    expect(await dispatch('pauseNotifications', ['resume'])).toEqual({ ok: true, value: { pausedUntil: null } });
    expect(center.pausedUntil()).toBeNull();
    expect(told.at(-1)).toEqual({ pausedUntil: null });
  });

  it('tells the window when a pause runs out', () => {
    vi.useFakeTimers();
    const { center, told, setClock } = setup();
    center.pause('hour');
    setClock(new Date(2026, 10, 25, 11, 0));
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(told).toEqual([{ pausedUntil: new Date(2026, 10, 25, 11, 0).toISOString() }, { pausedUntil: null }]);
  });

  it('refuses a request that is not hour, tomorrow or resume, and changes nothing', async () => {
    // Tried: a made-up duration and a missing argument. Must hold: a clear refusal naming the call, no pause, no event.
    const { center, told, dispatch } = setup();
    const forever = await dispatch('pauseNotifications', ['forever']);
    expect(forever.ok).toBe(false);
    expect(!forever.ok && forever.error).toContain('malformed arguments for pauseNotifications');
    expect((await dispatch('pauseNotifications', [])).ok).toBe(false);
    expect(center.pausedUntil()).toBeNull();
    expect(told).toEqual([]);
  });
});
