/**
 * Brings the endpoint's summary and share kits to this desktop with conditional GETs: an unchanged
 * answer is a 304 that costs nothing. The last answers live in the sync cache, so they show at start.
 */
import type { ShareKitWire, Summary } from '../../common/protocol.ts';
import type { BlockTerm } from '../../common/share/block-list.ts';
import type { EndpointClient } from './endpoint-client.ts';
import type { SyncCache } from './sync-cache.ts';

export class EndpointPull {
  #kitsByPost = new Map<string, ShareKitWire>();

  constructor(
    private readonly client: Pick<EndpointClient, 'fetchSummary' | 'fetchKits'>,
    private readonly cache: SyncCache,
  ) {
    this.#indexKits();
  }

  summary(): Summary | null {
    return this.cache.summary?.body ?? null;
  }

  /** Marketing's kit for this post, if the endpoint has one. */
  kitFor(postKey: string): ShareKitWire | null {
    return this.#kitsByPost.get(postKey) ?? null;
  }

  /** The organisation's block list as the endpoint last sent it; empty from an endpoint without one. */
  blockList(): readonly BlockTerm[] {
    return this.cache.kits?.body.blockList ?? [];
  }

  /** True when the summary or the kits changed. */
  async pull(token: string): Promise<boolean> {
    const [summary, kits] = await Promise.all([
      this.client.fetchSummary(token, this.cache.summary?.etag ?? null),
      this.client.fetchKits(token, this.cache.kits?.etag ?? null),
    ]);
    if (!summary.changed && !kits.changed) return false;
    await this.cache.update({
      ...(summary.changed ? { summary: { etag: summary.etag, body: summary.body } } : {}),
      ...(kits.changed ? { kits: { etag: kits.etag, body: kits.body } } : {}),
    });
    this.#indexKits();
    return true;
  }

  #indexKits(): void {
    this.#kitsByPost = new Map((this.cache.kits?.body.kits ?? []).map((kit) => [kit.postKey, kit]));
  }
}
