/**
 * The pause side of the IPC contract: the window pauses and resumes through the same notification
 * center as the tray menu, and hears every change, whoever made it (window, tray menu, the clock).
 */
import type { EventMap, InvokeHandlers } from '../../common/ipc/contract.ts';
import type { NotificationPause } from '../../common/settings.ts';
import type { EventBus } from '../core/event-bus.ts';
import type { NotificationCenter } from './notification-center.ts';

type PauseControl = Pick<NotificationCenter, 'pause' | 'resume' | 'pausedUntil' | 'onPauseChange'>;

const pauseView = (center: PauseControl): NotificationPause => ({
  pausedUntil: center.pausedUntil()?.toISOString() ?? null,
});

export function pauseHandlers(
  center: PauseControl,
): Pick<InvokeHandlers, 'getNotificationPause' | 'pauseNotifications'> {
  return {
    getNotificationPause: () => Promise.resolve(pauseView(center)),
    pauseNotifications: (request) => {
      if (request === 'resume') center.resume();
      else center.pause(request);
      return Promise.resolve(pauseView(center));
    },
  };
}

/** Sends `notificationPauseChanged` to the window on every pause, resume, and pause running out. */
export function followPause(center: PauseControl, events: EventBus<EventMap>): () => void {
  return center.onPauseChange(() => {
    events.emit('notificationPauseChanged', pauseView(center));
  });
}
