/** A feed's status in plain words for the settings list and the post list's warnings. */
import type { FeedStatus } from '../../common/domain.ts';
import { relativeTime, upcomingTime } from './relative-time.ts';

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
