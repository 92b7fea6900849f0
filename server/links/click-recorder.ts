/**
 * Counts clicks on tracked links without making the visitor wait for the disk: clicks are buffered and
 * written in one transaction every few hundred milliseconds (and on shutdown). A kill -9 or power cut
 * can lose that last fraction of a second of clicks on that replica (a count, never a share event:
 * those are stored before they are acknowledged). While the database is out of reach the clicks are
 * kept in memory, up to a bound, and written when it is back.
 */
import type { Db } from '../database.ts';
import { compareKeys } from '../dialect.ts';

export interface Click {
  readonly code: string;
  readonly personId: number;
  readonly postKey: string;
  readonly clickedAt: string;
  readonly visitor: string;
}

const ROWS_PER_STATEMENT = 500;
/** Clicks kept while the database is away: a few minutes of a busy day; beyond it the oldest go. */
const MAX_KEPT = 100_000;

export class ClickRecorder {
  #pending: Click[] = [];
  #flushing: Promise<void> = Promise.resolve();
  /** The last write failed: wait for the timer to try again rather than on every click. */
  #failing = false;
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
    flushIntervalMs = 250,
    private readonly maxPending = 2000,
  ) {
    this.#timer = setInterval(() => void this.flush(), flushIntervalMs);
    this.#timer.unref();
  }

  record(click: Click): void {
    this.#pending.push(click);
    if (this.#pending.length >= this.maxPending && !this.#failing) void this.flush();
  }

  /** Writes everything recorded so far. */
  flush(): Promise<void> {
    const clicks = this.#pending;
    if (clicks.length === 0) return this.#flushing;
    this.#pending = [];
    this.#flushing = this.#flushing
      .then(() => this.#write(clicks))
      .then(() => {
        this.#failing = false;
      })
      .catch((error: unknown) => {
        this.#failing = true;
        this.onError(error);
        const kept = [...clicks, ...this.#pending];
        this.#pending = kept.slice(Math.max(0, kept.length - MAX_KEPT));
      });
    return this.#flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  async #write(clicks: readonly Click[]): Promise<void> {
    const perPerson = new Map<number, number>();
    const perPost = new Map<string, number>();
    for (const click of clicks) {
      perPerson.set(click.personId, (perPerson.get(click.personId) ?? 0) + 1);
      perPost.set(click.postKey, (perPost.get(click.postKey) ?? 0) + 1);
    }
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < clicks.length; start += ROWS_PER_STATEMENT) {
        const chunk = clicks.slice(start, start + ROWS_PER_STATEMENT);
        await trx
          .insertInto('clicks')
          .values(chunk.map((click) => ({ code: click.code, clicked_at: click.clickedAt, visitor: click.visitor })))
          .execute();
      }
      // In key order, as the event writer does: replicas never wait on each other crosswise.
      for (const [personId, count] of [...perPerson].sort(([a], [b]) => a - b)) {
        await trx
          .updateTable('people')
          .set((eb) => ({ clicks: eb('clicks', '+', count) }))
          .where('id', '=', personId)
          .execute();
      }
      for (const [postKey, count] of [...perPost].sort(([a], [b]) => compareKeys(a, b))) {
        await trx
          .insertInto('post_stats')
          .values({ post_key: postKey, shares: 0, people: 0, clicks: count, first_seen_at: now })
          .onConflict((conflict) =>
            conflict
              .column('post_key')
              .doUpdateSet((eb) => ({ clicks: eb('post_stats.clicks', '+', eb.ref('excluded.clicks')) })),
          )
          .execute();
      }
    });
  }
}
