/**
 * Feed and sync statuses in plain words for the diagnostics report. Times stay exact (ISO, UTC) rather
 * than "5 min ago": IT reads the report later, often beside a log.
 */
import type { Feed, FeedStatus } from '../../common/domain.ts';
import { enrollmentProblemText, rejectedText, syncProblemText } from '../../common/messages.ts';
import type { SyncStatus } from '../../common/sharing.ts';

function feedStatusWords(status: FeedStatus): string {
  switch (status.state) {
    case 'pending':
      return 'not checked yet';
    case 'ok':
      return `ok, checked ${status.checkedAt}, next check ${status.nextCheckAt}`;
    case 'error':
      return `error: ${status.message}; checked ${status.checkedAt}, next try ${status.nextCheckAt}`;
    case 'backing-off':
      return `backing off: ${status.message}; checked ${status.checkedAt}, on hold until ${status.until}`;
  }
}

/**
 * "Title: status", then the address on a line of its own (and where the feed is fetched from now, when
 * its server moved it): redaction masks a secret query value up to the next space, so an address ends its line.
 */
export function feedLines(feed: Feed): string[] {
  const moved = feed.fetchUrl === feed.url ? [] : [`  moved to ${feed.fetchUrl}`];
  return [`${feed.title || '(untitled)'}: ${feedStatusWords(feed.status)}`, `  ${feed.url}`, ...moved];
}

export function syncLines(status: SyncStatus): string[] {
  switch (status.state) {
    case 'no-endpoint':
      return ['endpoint: none configured; shares are counted on this desktop only'];
    case 'needs-enrollment':
      return [
        `endpoint: not enrolled (${enrollmentProblemText(status.problem, status.pending)}); waiting for an enrollment code`,
        `queued shares: ${String(status.pending)}`,
      ];
    case 'ok':
      return [
        'endpoint: connected',
        `queued shares: ${String(status.pending)}; refused shares: ${String(status.rejected ?? 0)}`,
        `last sync: ${status.lastSyncAt ?? 'never'}`,
      ];
    case 'waiting':
      return [
        `endpoint: waiting (${syncProblemText(status.problem, status.pending)}); next try ${status.retryAt ?? 'when the network is back'}`,
        `queued shares: ${String(status.pending)}; refused shares: ${String(status.rejected ?? 0)}`,
        ...(status.rejected ? [rejectedText(status.rejected)] : []),
      ];
  }
}
