/**
 * The person's tracked /r/ links for a post, asked of the endpoint once per post and then kept (it
 * hands out the same links on every call), so Copy and Open composer carry them even offline later.
 * Not asked while the sync waits (offline, backing off, not enrolled) and never waited on for long:
 * without them the window gets the UTM link (main/core/share-links.ts).
 */
import { Value } from 'typebox/value';
import { NETWORKS } from '../../common/domain.ts';
import { PostKeySchema } from '../../common/protocol.ts';
import type { Logger } from '../core/ports.ts';
import type { TrackedLinkSource } from '../core/share-links.ts';
import type { DeviceAuth } from './device-auth.ts';
import type { EndpointClient } from './endpoint-client.ts';
import type { SyncCache, TrackedLinks } from './sync-cache.ts';

/** How long opening a post may wait for its links before the UTM link is used instead. */
export const LINKS_TIMEOUT_MS = 3000;

/** Only web links are handed to the window's composer, whatever the endpoint sends. */
function isWebLink(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function trackedLinkSource(options: {
  readonly client: Pick<EndpointClient, 'trackedLinks'>;
  readonly auth: Pick<DeviceAuth, 'token'>;
  readonly cache: SyncCache;
  /** Whether the endpoint may be called now. */
  readonly reachable: () => boolean;
  readonly log: Logger;
}): TrackedLinkSource {
  const { client, auth, cache, reachable, log } = options;
  return {
    async linksFor(postKey) {
      const known = cache.linksFor(postKey);
      if (known) return known;
      if (!reachable() || !Value.Check(PostKeySchema, postKey)) return null;
      try {
        const { links } = await client.trackedLinks(
          await auth.token(),
          { postKey, networks: [...NETWORKS] },
          LINKS_TIMEOUT_MS,
        );
        const usable: TrackedLinks = Object.fromEntries(
          links.filter((link) => isWebLink(link.url)).map((link) => [link.network, link.url]),
        );
        if (Object.keys(usable).length === 0) return null;
        await cache.rememberLinks(postKey, usable);
        return usable;
      } catch (error) {
        log.info('no tracked link for now; sharing the UTM link', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return null;
      }
    },
  };
}
