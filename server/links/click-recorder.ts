/**
 * Counts clicks on tracked links without making the visitor wait for the disk: clicks are buffered and
 * written in one transaction every few hundred milliseconds (and on shutdown). A kill -9 or power cut
 * can lose that last fraction of a second of clicks on that replica (a count, never a share event:
 * those are stored before they are acknowledged). While the database is out of reach the clicks are
 * kept in memory, up to a bound, and written when it is back.
 *
 * Whose click it is is looked up when it is written, not when it happened: a merge of two people
 * (admin/merge-people.ts) may have moved the link, or made it an alias of the kept person's link.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../database.ts';
import { compareKeys, lockRows } from '../dialect.ts';

export interface Click {
  readonly code: string;
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
    const perPost = new Map<string, number>();
    for (const click of clicks) perPost.set(click.postKey, (perPost.get(click.postKey) ?? 0) + 1);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const owners = await linkOwners(trx, [...new Set(clicks.map((click) => click.code))]);
      const perPerson = new Map<number, number>();
      for (let start = 0; start < clicks.length; start += ROWS_PER_STATEMENT) {
        const chunk = clicks.slice(start, start + ROWS_PER_STATEMENT);
        await trx
          .insertInto('clicks')
          .values(
            chunk.map((click) => ({
              code: owners.get(click.code)?.code ?? click.code,
              clicked_at: click.clickedAt,
              visitor: click.visitor,
            })),
          )
          .execute();
      }
      for (const click of clicks) {
        const owner = owners.get(click.code);
        if (owner) perPerson.set(owner.personId, (perPerson.get(owner.personId) ?? 0) + 1);
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

/**
 * Each code's link (itself, or the link it was merged into) and its person. The people are locked and
 * the codes looked up again, so a merge that committed while this waited is seen.
 */
async function linkOwners(
  trx: Transaction<Database>,
  codes: readonly string[],
): Promise<Map<string, { code: string; personId: number }>> {
  const lookUp = async () => {
    const owners = new Map<string, { code: string; personId: number }>();
    for (let start = 0; start < codes.length; start += ROWS_PER_STATEMENT) {
      const chunk = codes.slice(start, start + ROWS_PER_STATEMENT);
      const direct = await trx
        .selectFrom('tracked_links')
        .select(['code', 'person_id'])
        .where('code', 'in', chunk)
        .execute();
      for (const row of direct) owners.set(row.code, { code: row.code, personId: row.person_id });
      const merged = await trx
        .selectFrom('merged_links')
        .innerJoin('tracked_links', 'tracked_links.code', 'merged_links.into_code')
        .select(['merged_links.code', 'tracked_links.code as into', 'tracked_links.person_id'])
        .where('merged_links.code', 'in', chunk)
        .execute();
      for (const row of merged) owners.set(row.code, { code: row.into, personId: row.person_id });
    }
    return owners;
  };
  const first = await lookUp();
  await lockRows(
    trx,
    'people',
    [...first.values()].map((owner) => owner.personId),
  );
  return lookUp();
}
