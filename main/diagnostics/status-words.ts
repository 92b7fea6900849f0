/**
 * Feed and sync statuses in plain words for the diagnostics report. Times stay exact (ISO, UTC) rather
 * than "5 min ago": IT reads the report later, often beside a log.
 */
import type { DesktopReason, Feed, FeedStatus, PostSource } from '../../common/domain.ts';
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

const OWN_POLLS = "this desktop's own polls of its feeds";

const DESKTOP_REASONS: { readonly [R in DesktopReason]: string } = {
  'no-endpoint': 'no endpoint is configured',
  policy: 'policy PollFeedsOnDesktop says so',
  'endpoint-has-no-feeds': 'the endpoint has no feeds of its own',
  'endpoint-not-heard': 'the endpoint has not answered with its posts yet; they are taken from it once it does',
};

/** Where the posts this desktop shows come from, and why: a post is never announced twice when this changes. */
export function postSourceLines(source: PostSource): string[] {
  switch (source.from) {
    case 'endpoint':
      return [
        'posts come from the endpoint, which polls the feeds; this desktop does not poll them itself',
        `last answer from the endpoint: ${source.answeredAt}`,
      ];
    case 'fallback':
      return [
        `posts come from ${OWN_POLLS}, because the endpoint has not answered for more than ${String(source.afterMinutes)} minutes; the posts it gave are kept, and it is asked again every 2 minutes`,
        `last answer from the endpoint: ${source.answeredAt}`,
      ];
    case 'desktop':
      return [`posts come from ${OWN_POLLS}: ${DESKTOP_REASONS[source.why]}`];
  }
}
