import type { SyncStatus } from '../../common/sharing.ts';
import { plural } from '../../common/plural.ts';
import { relativeTime } from '../text/relative-time.ts';

/** How counting with the endpoint is going, in one sentence. */
export function syncText(status: SyncStatus, now: Date): string {
  switch (status.state) {
    case 'no-endpoint':
      return 'Your shares are counted on this desktop only.';
    case 'needs-enrollment':
      return `Not connected: ${status.reason}. Enter your enrollment code in Settings.`;
    case 'ok':
      if (status.pending > 0) return `Sending ${plural(status.pending, 'share')}…`;
      return status.lastSyncAt
        ? `Up to date · synced ${relativeTime(status.lastSyncAt, now) ?? 'recently'}`
        : 'Connected';
    case 'waiting':
      return `${plural(status.pending, 'share')} waiting to be sent: ${status.message}. Nothing is lost.`;
  }
}

export function SyncNote({ status, now }: { status: SyncStatus; now: Date }) {
  const problem = status.state === 'needs-enrollment' || status.state === 'waiting';
  return <p className={problem ? 'sync-note sync-note--problem' : 'sync-note'}>{syncText(status, now)}</p>;
}
