/**
 * Moves the outbox to the endpoint and brings the counts back. One run at a time; a run asked for while
 * one works follows right after it. Only the endpoint's verdict takes an event out of the outbox:
 * created or duplicate (it has it), or rejected (it never will; kept in the journal and logged).
 *
 * Between runs the sync waits for exactly one thing: offline, the network's "back" signal (no timer
 * at all); after a failure, a backoff timer with jitter, never sooner than the endpoint's Retry-After;
 * without a usable enrollment, a change of code, name or team; otherwise the next scheduled pull.
 */
import { Value } from 'typebox/value';
import type { ShareEvent } from '../../common/domain.ts';
import { ShareEventSchema, type EventResult } from '../../common/protocol.ts';
import { nextArchiveBatch, type ArchiveOutbox } from '../compliance/archive-outbox.ts';
import type { EnrollmentProblem, SyncProblem } from '../../common/messages.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import type { Clock, Logger, NetworkStatus } from '../core/ports.ts';
import { NeedsEnrollment, type DeviceAuth } from './device-auth.ts';
import { EndpointError, type EndpointClient } from './endpoint-client.ts';
import type { EndpointPull } from './endpoint-pull.ts';
import { nextBatch } from './event-batches.ts';
import { nextRetryDelay, parseRetryAfter, type RetryPolicy } from './retry-policy.ts';
import type { ShareJournal } from './share-journal.ts';

export interface ShareSyncOptions {
  readonly journal: ShareJournal;
  readonly client: Pick<EndpointClient, 'sendEvents' | 'sendArchive'>;
  /** Shares' texts for the endpoint's compliance archive (policy ArchiveToEndpoint), sent after the events. */
  readonly archive?: Pick<ArchiveOutbox, 'pending' | 'acknowledge'>;
  readonly auth: Pick<DeviceAuth, 'token' | 'refused'>;
  readonly pull: Pick<EndpointPull, 'pull'>;
  readonly network: NetworkStatus;
  readonly clock: Clock;
  readonly random: () => number;
  readonly retry: RetryPolicy;
  /** How often the summary and kits are pulled when nothing else happens (± 10 %). */
  readonly pullIntervalMs: number;
  readonly log: Logger;
  /** The status, the summary or the kits may have changed. */
  readonly onChange: () => void;
}

type Waiting =
  | { readonly kind: 'enrollment'; readonly problem: EnrollmentProblem }
  | { readonly kind: 'offline' }
  | { readonly kind: 'backoff'; readonly until: number; readonly problem: SyncProblem; readonly serverAsked: boolean };

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function localProblem(event: ShareEvent): string | null {
  if (Value.Check(ShareEventSchema, event)) return null;
  const [first] = Value.Errors(ShareEventSchema, event);
  return `this desktop cannot send it: ${first ? `${first.instancePath || 'the event'} ${first.message}` : 'it does not match the protocol'}`;
}

export class ShareSync {
  #waiting: Waiting | null = null;
  #failures = 0;
  #lastSyncAt: string | null = null;
  #running: Promise<void> | null = null;
  /** A run was asked for during one: 'soft' runs again only if that one succeeded; 'force' even if it now waits. */
  #again: 'soft' | 'force' | null = null;
  #cancelTimer: (() => void) | null = null;
  #stopped = false;

  constructor(private readonly options: ShareSyncOptions) {}

  status(): SyncStatus {
    const { journal, clock } = this.options;
    const pending = journal.pendingCount();
    const rejected = journal.rejected().length;
    const extra = rejected > 0 ? { rejected } : {};
    const waiting = this.#waiting;
    if (waiting === null) return { state: 'ok', pending, lastSyncAt: this.#lastSyncAt, ...extra };
    if (waiting.kind === 'enrollment') return { state: 'needs-enrollment', problem: waiting.problem, pending };
    if (waiting.kind === 'offline') return { state: 'waiting', pending, problem: 'offline', retryAt: null, ...extra };
    return {
      state: 'waiting',
      pending,
      problem: waiting.problem,
      retryAt: new Date(Math.max(waiting.until, clock.now())).toISOString(),
      ...extra,
    };
  }

  /** Whether a call to the endpoint may be made now (links for a post): online, enrolled, not backing off. */
  reachable(): boolean {
    return this.#waiting === null && this.options.network.isOnline();
  }

  /** Something to send or pull: runs now unless the sync is waiting for something that has not happened. */
  flush(): Promise<void> {
    const waiting = this.#waiting;
    if (this.#stopped || waiting?.kind === 'enrollment') return this.#running ?? Promise.resolve();
    if (waiting?.kind === 'backoff' && waiting.until > this.options.clock.now())
      return this.#running ?? Promise.resolve();
    if (waiting?.kind === 'offline' && !this.options.network.isOnline()) return Promise.resolve();
    return this.#run('soft');
  }

  /**
   * The figures were looked at: when they were not checked in the last `maxAgeMs`, a run as for a share
   * (which waits, as a share does, for the network, a backoff or an enrollment).
   */
  refreshIfOlder(maxAgeMs: number): Promise<void> {
    const last = this.#lastSyncAt === null ? null : Date.parse(this.#lastSyncAt);
    if (last !== null && this.options.clock.now() - last < maxAgeMs) return this.#running ?? Promise.resolve();
    return this.flush();
  }

  /** The person asked ("Refresh now"): try at once, unless the endpoint itself asked us to wait. */
  syncNow(): Promise<void> {
    if (this.#stopped || this.#serverAskedToWait()) return this.#running ?? Promise.resolve();
    return this.#run('force');
  }

  #serverAskedToWait(): boolean {
    const waiting = this.#waiting;
    return waiting?.kind === 'backoff' && waiting.serverAsked && waiting.until > this.options.clock.now();
  }

  /** The network may be back: whatever waited on it (or on a backoff it caused) goes now. */
  networkBack(): void {
    const waiting = this.#waiting;
    if (this.#running || waiting?.kind === 'offline' || (waiting?.kind === 'backoff' && !waiting.serverAsked))
      void this.#run('force');
  }

  /** The enrollment code, name or team changed: if the sync waited for that, it tries again. */
  enrollmentChanged(): void {
    if (this.#running || this.#waiting?.kind === 'enrollment') void this.#run('force');
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    await this.idle();
  }

  #run(kind: 'soft' | 'force'): Promise<void> {
    if (this.#running) {
      if (this.#again !== 'force') this.#again = kind;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #loop(): Promise<void> {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    do {
      this.#again = null;
      await this.#attempt();
    } while (this.#runAgain());
    this.#scheduleNext();
    this.options.onChange();
  }

  #runAgain(): boolean {
    if (this.#stopped) return false;
    return this.#again === 'force' ? !this.#serverAskedToWait() : this.#again === 'soft' && this.#waiting === null;
  }

  async #attempt(): Promise<void> {
    const { auth, network, clock, log } = this.options;
    if (!network.isOnline()) {
      this.#waiting = { kind: 'offline' };
      return;
    }
    let token: string;
    try {
      token = await auth.token();
      await this.#sendPending(token);
      await this.#sendArchive(token);
    } catch (error) {
      await this.#failed(error);
      return;
    }
    this.#failures = 0;
    this.#waiting = null;
    try {
      await this.options.pull.pull(token);
      // Only now are the figures as the endpoint has them: "up to date" is measured from here.
      this.#lastSyncAt = new Date(clock.now()).toISOString();
    } catch (error) {
      // Shares went through; a failed pull only leaves the figures as they were, until the next one.
      if (error instanceof EndpointError && error.status === 401) await this.#failed(error);
      else log.warn('could not pull the summary and kits from the endpoint', { reason: reasonOf(error) });
    }
  }

  async #failed(error: unknown): Promise<void> {
    const { auth, network, clock, retry, random, log } = this.options;
    if (error instanceof NeedsEnrollment) {
      this.#waiting = { kind: 'enrollment', problem: error.problem };
      log.warn('shares wait for an enrollment', { problem: error.problem, reason: error.message });
      return;
    }
    if (error instanceof EndpointError && error.status === 401) {
      await auth.refused();
      this.#waiting = { kind: 'enrollment', problem: 'device-removed' };
      return;
    }
    if (error instanceof EndpointError && error.status === null && !network.isOnline()) {
      this.#waiting = { kind: 'offline' };
      return;
    }
    this.#failures += 1;
    const retryAfter = error instanceof EndpointError ? parseRetryAfter(error.retryAfter, clock.now()) : null;
    const delay = nextRetryDelay(this.#failures, retryAfter, retry, random);
    const problem = error instanceof EndpointError ? error.problem : 'endpoint-error';
    this.#waiting = { kind: 'backoff', until: clock.now() + delay, problem, serverAsked: retryAfter !== null };
    log.warn('could not sync shares; they stay queued', {
      problem,
      reason: reasonOf(error),
      failures: this.#failures,
      retryInSeconds: Math.round(delay / 1000),
    });
  }

  async #sendPending(token: string): Promise<void> {
    for (;;) {
      const batch = nextBatch(this.options.journal.pending());
      if (batch.length === 0) return;
      await this.#send(token, batch);
    }
  }

  async #sendArchive(token: string): Promise<void> {
    const { archive, client } = this.options;
    if (!archive) return;
    for (let batch = nextArchiveBatch(archive.pending()); batch.length > 0;) {
      try {
        await client.sendArchive(token, batch);
      } catch (error) {
        // Unreachable, busy or 401: the usual backoff or enrollment, the entries kept.
        if (!(error instanceof EndpointError) || error.status === null || error.status === 401) throw error;
        if (error.status === 429 || error.status >= 500) throw error;
        if (error.status === 404) {
          // An endpoint from before the archive: the texts wait here for its upgrade; the shares' counts go on.
          this.options.log.warn('the endpoint has no compliance archive yet; the texts wait on this desktop');
          return;
        }
        // Refused for good (400, 413): kept in the local archive, not sent again, so the outbox moves on.
        this.options.log.warn('the endpoint refused shares for its compliance archive; they stay in the local one', {
          shares: batch.length,
          reason: reasonOf(error),
        });
      }
      // Stored now, already there, or refused for good: the outbox is done with them.
      await archive.acknowledge(batch.map((entry) => entry.id));
      batch = nextArchiveBatch(archive.pending());
    }
  }

  async #send(token: string, batch: readonly ShareEvent[]): Promise<void> {
    const { journal, client } = this.options;
    const invalid = batch.flatMap((event) => {
      const reason = localProblem(event);
      return reason === null ? [] : [{ id: event.id, reason }];
    });
    if (invalid.length > 0) {
      await this.#reject(invalid);
      return;
    }
    let results: EventResult[];
    try {
      ({ results } = await client.sendEvents(token, batch));
    } catch (error) {
      // Too large for the endpoint (or a proxy before it): halve until it fits, or set the one event aside.
      if (!(error instanceof EndpointError && error.status === 413)) throw error;
      if (batch.length === 1) {
        await this.#reject(batch.map((event) => ({ id: event.id, reason: error.message })));
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.#send(token, batch.slice(0, half));
      await this.#send(token, batch.slice(half));
      return;
    }
    const sent = new Set(batch.map((event) => event.id));
    const verdicts = results.filter((result) => sent.has(result.id));
    // A duplicate means the endpoint already has it: as good as created.
    await journal.acknowledge(verdicts.filter((result) => result.status !== 'rejected').map((result) => result.id));
    await this.#reject(
      verdicts
        .filter((result) => result.status === 'rejected')
        .map((result) => ({ id: result.id, reason: result.reason ?? 'no reason given' })),
    );
    if (verdicts.length === 0) throw new Error('the endpoint answered without a verdict on the shares sent');
  }

  async #reject(verdicts: readonly { readonly id: string; readonly reason: string }[]): Promise<void> {
    if (verdicts.length === 0) return;
    await this.options.journal.reject(verdicts);
    for (const { id, reason } of verdicts)
      this.options.log.warn('a share was refused and set aside; it stays in the journal but is not sent again', {
        id,
        reason,
      });
  }

  #scheduleNext(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    const { clock, random, pullIntervalMs } = this.options;
    const waiting = this.#waiting;
    if (this.#stopped || waiting?.kind === 'offline' || waiting?.kind === 'enrollment') return;
    const delay = waiting === null ? pullIntervalMs * (0.9 + 0.2 * random()) : Math.max(0, waiting.until - clock.now());
    this.#cancelTimer = clock.setTimer(() => {
      this.#cancelTimer = null;
      void this.#run('force');
    }, delay);
  }
}
