import { isSyncProblem, syncStatusText } from '../../common/messages.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import { relativeTime } from '../text/relative-time.ts';

/** How counting with the endpoint is going, in the catalogue's words (common/messages.ts). */
export function syncText(status: SyncStatus, now: Date): string {
  return syncStatusText(status, now.getTime(), (iso) => relativeTime(iso, now) ?? 'a while ago');
}

export function SyncNote({ status, now }: { status: SyncStatus; now: Date }) {
  return (
    <p className={isSyncProblem(status) ? 'sync-note sync-note--problem' : 'sync-note'}>{syncText(status, now)}</p>
  );
}
