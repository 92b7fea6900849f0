/**
 * Before a batch is stored: an event whose post is not a readable URL on one of the organisation's
 * sites is answered "rejected" with the reason, so no one can count shares of invented pages; the
 * others go on with their post URL as `new URL(...).href` writes it (server/posts/post-url.ts).
 */
import type { ShareEvent } from '../../common/domain.ts';
import type { EventResult } from '../../common/protocol.ts';
import type { OrganisationHosts } from '../posts/organisation-hosts.ts';
import { readPostUrl } from '../posts/post-url.ts';

export interface ScreenedBatch {
  readonly toStore: ShareEvent[];
  /** Every event's answer in request order, from the answers to `toStore` in its order. */
  answers(stored: readonly EventResult[]): EventResult[];
}

export async function screenEvents(events: readonly ShareEvent[], hosts: OrganisationHosts): Promise<ScreenedBatch> {
  const verdicts = await Promise.all(
    events.map(async (event): Promise<ShareEvent | EventResult> => {
      const post = await readPostUrl('"postKey"', event.postKey, hosts);
      return 'problem' in post
        ? { id: event.id, status: 'rejected', reason: post.problem }
        : { ...event, postKey: post.href };
    }),
  );
  const isEvent = (verdict: ShareEvent | EventResult): verdict is ShareEvent => 'postKey' in verdict;
  return {
    toStore: verdicts.filter(isEvent),
    answers(stored) {
      let next = 0;
      return verdicts.map((verdict) =>
        isEvent(verdict) ? (stored[next++] ?? { id: verdict.id, status: 'rejected' }) : verdict,
      );
    },
  };
}
