/**
 * Everything between this desktop and its endpoint, put together for the core: the device token and
 * enrollment, the outbox flush with its backoff, the summary and kits pulls, tracked links, and the
 * organisation's posts (started by the core only when it takes its posts from the endpoint), over one cache file. Electron-free: the token store, the network signal and the clock come in as ports.
 */
import type { BlockTerm } from '../../common/share/block-list.ts';
import type { ArchiveOutbox } from '../compliance/archive-outbox.ts';
import { join } from 'node:path';
import type { ProfileOutcome } from '../../common/messages.ts';
import type { MeUpdate, ShareKitWire, Summary } from '../../common/protocol.ts';
import { RESULTS_FRESH_MS, type SyncStatus } from '../../common/sharing.ts';
import type { Clock, DeviceTokenStore, HttpFetch, Logger, NetworkStatus } from '../core/ports.ts';
import type { TrackedLinkSource } from '../core/share-links.ts';
import { DeviceAuth, type EnrollmentSource } from './device-auth.ts';
import { createEndpointClient } from './endpoint-client.ts';
import { EndpointPosts } from './endpoint-posts.ts';
import { EndpointPull } from './endpoint-pull.ts';
import { tellProfile } from './profile-sync.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
import type { ShareJournal } from './share-journal.ts';
import { ShareSync } from './share-sync.ts';
import { SyncCache } from './sync-cache.ts';
import { trackedLinkSource } from './tracked-links.ts';

/** Summary and kits are pulled this often when nothing else brings them (± 10 %), and after every flush. */
export const PULL_INTERVAL_MS = 15 * 60_000;

export interface EndpointSyncOptions {
  readonly url: string;
  readonly fetch: HttpFetch;
  /** Where sync-cache.json lives (userData). */
  readonly dataDir: string;
  readonly journal: ShareJournal;
  readonly tokens: DeviceTokenStore;
  readonly enrollment: EnrollmentSource;
  readonly network: NetworkStatus;
  readonly clock: Clock;
  readonly random: () => number;
  readonly retry?: RetryPolicy;
  readonly log: Logger;
  /** The status, the summary or the kits may have changed. */
  readonly onChange: () => void;
  /** Texts for the endpoint's compliance archive, when policy ArchiveToEndpoint is on. */
  readonly archive?: ArchiveOutbox;
}

export interface EndpointSync {
  status(): SyncStatus;
  summary(): Summary | null;
  kitFor(postKey: string): ShareKitWire | null;
  /** The endpoint's block list (combined with the policy's by the core). */
  blockList(): readonly BlockTerm[];
  readonly links: TrackedLinkSource;
  /** The organisation's posts from GET /v1/posts; its timer runs only once the core starts it. */
  readonly posts: EndpointPosts;
  /** A share was recorded: send it, unless the sync is waiting for the network, a backoff or an enrollment. */
  flush(): Promise<void>;
  /** "Refresh now": try at once (unless the endpoint asked us to wait). */
  syncNow(): Promise<void>;
  /** The figures are on screen: checked again when older than RESULTS_FRESH_MS. */
  refreshIfStale(): Promise<void>;
  /** The display name or team changed in Settings: what the endpoint made of it. */
  updateProfile(update: MeUpdate): Promise<ProfileOutcome>;
  /** Resolves when no flush is in progress. */
  idle(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function openEndpointSync(options: EndpointSyncOptions): Promise<EndpointSync> {
  const { journal, clock, log, enrollment, network } = options;
  const client = createEndpointClient(options.fetch, options.url);
  const cache = await SyncCache.load(join(options.dataDir, 'sync-cache.json'), log);
  if (cache.endpoint !== options.url) {
    // Moved to another endpoint: the token, links, kits and figures of the last one mean nothing there.
    if (cache.endpoint !== null) {
      await options.tokens.clear();
      log.info('the endpoint changed; this desktop enrolls with the new one');
    }
    await cache.startOver(options.url);
  }
  const auth = new DeviceAuth(options.tokens, client, enrollment, cache, log);
  const pull = new EndpointPull(client, cache);
  const sync = new ShareSync({
    journal,
    client,
    auth,
    pull,
    network,
    clock,
    random: options.random,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    pullIntervalMs: PULL_INTERVAL_MS,
    log,
    onChange: options.onChange,
    ...(options.archive ? { archive: options.archive } : {}),
  });
  const posts = new EndpointPosts({ client, auth, cache, network, clock, random: options.random, log });
  const unsubscribe: (() => void)[] = [];

  return {
    status: () => sync.status(),
    summary: () => pull.summary(),
    kitFor: (postKey) => pull.kitFor(postKey),
    blockList: () => pull.blockList(),
    links: trackedLinkSource({ client, auth, cache, reachable: () => sync.reachable(), log }),
    posts,
    flush: () => sync.flush(),
    syncNow: () => sync.syncNow(),
    refreshIfStale: () => sync.refreshIfOlder(RESULTS_FRESH_MS),
    async updateProfile(update) {
      const outcome = await tellProfile(client, auth, update, log);
      // The summary names the person: fetch it again rather than show the old name until the next pull.
      if (outcome === 'told') await sync.syncNow();
      return outcome;
    },
    idle: () => sync.idle(),
    async start() {
      unsubscribe.push(
        network.onOnline(() => sync.networkBack()),
        enrollment.onChange(() => sync.enrollmentChanged()),
      );
      await sync.flush();
    },
    async stop() {
      for (const stop of unsubscribe.splice(0)) stop();
      await sync.stop();
      await posts.stop();
      await cache.flushed();
    },
  };
}
