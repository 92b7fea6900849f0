/** Whether notifications are paused, in words: "Notifications on", "Notifications paused until 08:00 tomorrow". */
import type { NotificationPause } from '../../common/settings.ts';
import { upcomingTime } from './relative-time.ts';

/** True while the pause has not run out (main also says when it does; this covers the minute between). */
export function isPaused(pause: NotificationPause, now: Date): boolean {
  return pause.pausedUntil !== null && new Date(pause.pausedUntil) > now;
}

export function pauseText(pause: NotificationPause, now: Date): string {
  return pause.pausedUntil !== null && isPaused(pause, now)
    ? `Notifications paused until ${upcomingTime(pause.pausedUntil, now)}`
    : 'Notifications on';
}
