/** A feed's status in plain words for the settings list and the post list's warnings. */
import type { FeedStatus } from '../../common/domain.ts';
import { relativeTime } from './relative-time.ts';

const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** "14:30", "tomorrow 08:00" or "3 Dec 08:00": when something will happen next. */
export function upcomingTime(iso: string, now: Date): string {
  const time = new Date(iso);
  const clock = CLOCK.format(time);
  const dayDiff = Math.round(
    (new Date(time.getFullYear(), time.getMonth(), time.getDate()).getTime() - new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()) / 86_400_000,
  );
  if (dayDiff <= 0) return clock;
  if (dayDiff === 1) return `tomorrow ${clock}`;
  return `${DAY_MONTH.format(time)} ${clock}`;
}

export function feedStatusText(status: FeedStatus, now: Date): string {
  switch (status.state) {
    case 'pending':
      return 'Not checked yet';
    case 'ok':
      return `Working · checked ${relativeTime(status.checkedAt, now) ?? 'recently'}`;
    case 'error':
      return `${capitalize(status.message)}. Next try at ${upcomingTime(status.nextCheckAt, now)}.`;
    case 'backing-off':
      return `${capitalize(status.message)}. On hold until ${upcomingTime(status.until, now)}.`;
  }
}

export const hasProblem = (status: FeedStatus): boolean => status.state === 'error' || status.state === 'backing-off';

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).replace(/\.$/, '');
