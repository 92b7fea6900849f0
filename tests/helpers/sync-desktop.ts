/**
 * One desktop's sync without the rest of the core: its journal and its EndpointSync against an
 * endpoint URL, and `share` to record a share as Mark shared does (durably, then a flush).
 */
import { join } from 'node:path';
import type { ShareEvent } from '../../common/domain.ts';
import { uuidv7 } from '../../common/uuid.ts';
import {
  assumeOnline,
  type Clock,
  type DeviceTokenStore,
  type HttpFetch,
  type Logger,
  type NetworkStatus,
} from '../../main/core/ports.ts';
import type { EnrollmentSource } from '../../main/sync/device-auth.ts';
import { openEndpointSync, type EndpointSync } from '../../main/sync/endpoint-sync.ts';
import type { RetryPolicy } from '../../main/sync/retry-policy.ts';
import { ShareJournal } from '../../main/sync/share-journal.ts';
import { memoryTokenStore } from '../../main/sync/token-stand-ins.ts';
import { FakeClock } from './fake-clock.ts';

export const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface SyncDesktopOptions {
  readonly url: string;
  readonly dataDir: string;
  readonly enrollment?: EnrollmentSource;
  readonly tokens?: DeviceTokenStore;
  readonly network?: NetworkStatus;
  readonly fetch?: HttpFetch;
  readonly clock?: Clock;
  readonly retry?: RetryPolicy;
  readonly log?: Logger;
}

export interface SyncDesktop {
  readonly journal: ShareJournal;
  readonly sync: EndpointSync;
  /** Records a share (at the clock's time unless given) and flushes, as Mark shared does. */
  readonly share: (overrides?: Partial<ShareEvent>) => Promise<ShareEvent>;
  readonly stop: () => Promise<void>;
}

export const noEnrollment: EnrollmentSource = {
  current: () => ({ code: null, displayName: 'Test', team: '' }),
  onChange: () => () => undefined,
};

export async function openSyncDesktop(options: SyncDesktopOptions): Promise<SyncDesktop> {
  const clock = options.clock ?? new FakeClock(Date.now());
  const journal = await ShareJournal.open(join(options.dataDir, 'shares.jsonl'));
  const sync = await openEndpointSync({
    url: options.url,
    fetch: options.fetch ?? fetch,
    dataDir: options.dataDir,
    journal,
    tokens: options.tokens ?? memoryTokenStore(),
    enrollment: options.enrollment ?? noEnrollment,
    network: options.network ?? assumeOnline,
    clock,
    random: Math.random,
    ...(options.retry ? { retry: options.retry } : {}),
    log: options.log ?? quietLog,
    onChange: () => undefined,
  });
  return {
    journal,
    sync,
    share: async (overrides = {}) => {
      const event: ShareEvent = {
        id: uuidv7(clock.now()),
        type: 'shared',
        postKey: 'https://blog.example.com/a',
        network: 'linkedin',
        at: new Date(clock.now()).toISOString(),
        ...overrides,
      };
      await journal.record(event);
      await sync.flush();
      return event;
    },
    stop: async () => {
      await sync.stop();
      await journal.close();
    },
  };
}
