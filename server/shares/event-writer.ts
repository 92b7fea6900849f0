/**
 * Group commit: batches that arrive while the database is busy are written together in one
 * transaction, so concurrent devices share one disk flush (synchronous=FULL makes each commit wait for
 * the disk). Every caller is answered only after the commit that holds its events.
 */
import type { EventResult } from '../../common/protocol.ts';
import type { Db } from '../database.ts';
import { isDatabaseUnavailable, isRetryableTransactionError } from '../dialect.ts';
import { recordSubmissions, type Submission } from './record-events.ts';

interface Job {
  readonly submission: Submission;
  readonly resolve: (results: EventResult[]) => void;
  readonly reject: (error: unknown) => void;
}

/** Bounds one transaction, so a burst cannot hold the database for long. */
const MAX_JOBS_PER_COMMIT = 64;
/** PostgreSQL may roll back a transaction that crossed another replica's (a deadlock): it is run again. */
const MAX_ATTEMPTS = 3;

export class EventWriter {
  #queue: Job[] = [];
  #draining = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    /** Count shares of URLs none of the organisation's feeds has (off: they are rejected as "unknown post"). */
    private readonly allowOutsidePosts = false,
  ) {}

  write(submission: Submission): Promise<EventResult[]> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ submission, resolve, reject });
      if (!this.#draining) {
        this.#draining = true;
        // Let the requests already read from the network join this commit.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const jobs = this.#queue.splice(0, MAX_JOBS_PER_COMMIT);
      await this.#commit(jobs);
    }
    this.#draining = false;
  }

  async #commit(jobs: readonly Job[], attempt = 1): Promise<void> {
    try {
      const results = await this.db.transaction().execute((trx) =>
        recordSubmissions(
          trx,
          jobs.map((job) => job.submission),
          this.now(),
          { allowOutsidePosts: this.allowOutsidePosts },
        ),
      );
      jobs.forEach((job, index) => job.resolve(results[index] ?? []));
    } catch (error) {
      if (isRetryableTransactionError(error) && attempt < MAX_ATTEMPTS) {
        await this.#commit(jobs, attempt + 1);
        return;
      }
      // Without a database no batch can be written: answer them all now (503), not one after another.
      if (jobs.length === 1 || isDatabaseUnavailable(error)) {
        for (const job of jobs) job.reject(error);
        return;
      }
      // One bad batch must not fail its neighbours: retry each on its own.
      for (const job of jobs) await this.#commit([job]);
    }
  }
}
