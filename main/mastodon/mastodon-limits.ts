/**
 * The Mastodon limits the window counts against: those of the person's server, read in the background
 * and kept per server, refreshed once a day (an hour after a failed read). Until a server has answered,
 * and when it never does, Mastodon's defaults apply; a server that answered once keeps its figures through
 * a failed refresh.
 */
import { normalizeMastodonInstance } from '../../common/share/intents.ts';
import { DEFAULT_MASTODON_LIMITS, type MastodonLimits } from '../../common/share/length.ts';
import type { Clock, HttpFetch, Logger } from '../core/ports.ts';
import { readInstanceLimits, type InstanceReadLimits } from './instance-limits.ts';

const HOUR_MS = 60 * 60 * 1000;
/** A server's limits change when its admin reconfigures it: rarely. */
export const LIMITS_REFRESH_MS = 24 * HOUR_MS;
export const LIMITS_RETRY_MS = HOUR_MS;

export interface MastodonLimitsOptions {
  readonly fetch: HttpFetch;
  readonly clock: Clock;
  readonly log: Logger;
  /** The Mastodon server setting as it is now ('' until the person names one). */
  readonly instance: string;
  readonly readLimits?: InstanceReadLimits;
}

export interface MastodonLimitsService {
  /** The limits for the person's server now: read ones, or the defaults (`instance: null`). */
  current(): MastodonLimits;
  /** The person named another server (or none): its known limits at once, a read if they are due. */
  setInstance(instance: string): void;
  /** Called whenever `current()` changes. */
  onChange(listener: (limits: MastodonLimits) => void): () => void;
  /** Resolves when no read is in flight. */
  settled(): Promise<void>;
  stop(): void;
}

interface Known {
  readonly limits: MastodonLimits | null;
  readonly checkedAt: number;
  readonly failed: boolean;
}

const same = (a: MastodonLimits, b: MastodonLimits): boolean =>
  a.instance === b.instance &&
  a.maxCharacters === b.maxCharacters &&
  a.charactersReservedPerUrl === b.charactersReservedPerUrl;

export function createMastodonLimits(options: MastodonLimitsOptions): MastodonLimitsService {
  const { fetch, clock, log } = options;
  const known = new Map<string, Known>();
  const reading = new Map<string, Promise<void>>();
  const listeners = new Set<(limits: MastodonLimits) => void>();
  let instance = normalizeMastodonInstance(options.instance);
  let cancelTimer: (() => void) | null = null;
  let stopped = false;

  const limitsOf = (host: string | null): MastodonLimits =>
    (host === null ? null : known.get(host)?.limits) ?? DEFAULT_MASTODON_LIMITS;
  const announce = (limits: MastodonLimits): void => {
    for (const listener of listeners) listener(limits);
  };
  const dueAt = (entry: Known | undefined): number =>
    entry === undefined ? 0 : entry.checkedAt + (entry.failed ? LIMITS_RETRY_MS : LIMITS_REFRESH_MS);

  function wake(): void {
    cancelTimer?.();
    cancelTimer = null;
    if (stopped || instance === null) return;
    const wait = dueAt(known.get(instance)) - clock.now();
    if (wait > 0) cancelTimer = clock.setTimer(wake, wait);
    else void read(instance);
  }

  function read(host: string): Promise<void> {
    const running = reading.get(host);
    if (running) return running;
    const before = limitsOf(host);
    const done = readInstanceLimits(fetch, host, options.readLimits)
      .then(
        (limits) => {
          known.set(host, { limits, checkedAt: clock.now(), failed: false });
          log.info('read the Mastodon server limits', { instance: host, maxCharacters: limits.maxCharacters });
        },
        (error: unknown) => {
          const kept = known.get(host)?.limits ?? null;
          known.set(host, { limits: kept, checkedAt: clock.now(), failed: true });
          log.warn('could not read the Mastodon server limits', {
            instance: host,
            reason: error instanceof Error ? error.message : String(error),
            counting: kept ? 'with the last figures it gave' : "with Mastodon's defaults",
          });
        },
      )
      .finally(() => {
        reading.delete(host);
        if (stopped || host !== instance) return;
        const after = limitsOf(host);
        if (!same(before, after)) announce(after);
        wake();
      });
    reading.set(host, done);
    return done;
  }

  wake();
  return {
    current: () => limitsOf(instance),
    setInstance(next) {
      const host = normalizeMastodonInstance(next);
      if (host === instance) return;
      const before = limitsOf(instance);
      instance = host;
      const after = limitsOf(host);
      if (!same(before, after)) announce(after);
      wake();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async settled() {
      while (reading.size > 0) await Promise.all(reading.values());
    },
    stop() {
      stopped = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
