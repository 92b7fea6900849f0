/**
 * Moves pending shares from the journal to the endpoint and brings the counts back. One flush runs at a
 * time; a flush asked for while one runs is done right after it, so no share waits for the next cycle.
 */
import { MAX_EVENTS_PER_BATCH, type Summary } from '../../common/protocol.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import type { Logger } from '../core/ports.ts';
import type { EndpointClient } from './endpoint-client.ts';
import type { ShareJournal } from './share-journal.ts';

export class ShareSync {
  #running: Promise<void> | null = null;
  /** Counts flush requests, so a run can tell whether another came in while it worked. */
  #requests = 0;
  #lastSyncAt: string | null = null;
  #lastError: string | null = null;

  constructor(
    private readonly journal: ShareJournal,
    private readonly client: EndpointClient,
    private readonly onSummary: (summary: Summary) => void,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  status(): SyncStatus {
    const pending = this.journal.pending().length;
    return this.#lastError === null
      ? { state: 'ok', pending, lastSyncAt: this.#lastSyncAt }
      : { state: 'waiting', pending, message: this.#lastError, retryAt: null };
  }

  /** Resolves when everything pending at the time of the call has been tried. */
  flush(): Promise<void> {
    this.#requests += 1;
    if (this.#running) return this.#running;
    this.#running = this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #run(): Promise<void> {
    let handled: number;
    do {
      handled = this.#requests;
      try {
        await this.#sendPending();
        this.#lastSyncAt = new Date(this.now()).toISOString();
        this.#lastError = null;
        this.onSummary(await this.client.fetchSummary());
      } catch (error) {
        this.#lastError = error instanceof Error ? error.message : String(error);
        this.log.warn('sync failed; shares stay queued', { reason: this.#lastError });
        return;
      }
    } while (handled !== this.#requests);
  }

  async #sendPending(): Promise<void> {
    const pending = this.journal.pending();
    for (let start = 0; start < pending.length; start += MAX_EVENTS_PER_BATCH) {
      const batch = pending.slice(start, start + MAX_EVENTS_PER_BATCH);
      const { results } = await this.client.sendEvents(batch);
      // A duplicate means the endpoint already has it: as good as created. Rejected events stay for a person to see.
      const done = results.filter((result) => result.status !== 'rejected').map((result) => result.id);
      for (const result of results) {
        if (result.status === 'rejected') this.log.warn('endpoint rejected a share', { id: result.id, reason: result.reason });
      }
      await this.journal.acknowledge(done);
    }
  }
}
