/**
 * The organisation's feeds at the endpoint: added after the same live check (and discovery) the
 * desktop runs, removed with their posts, listed with their health. Each feed has a ping secret a CMS
 * uses to say "read me now"; only its hash is kept, so it is shown once, when made.
 */
import { baseInterval, newFeedState, type FeedCheck } from '../../feeds/index.ts';
import type { Selectable } from 'kysely';
import type { Db, FeedsTable } from '../database.ts';
import { hashSecret, newToken } from '../security/secrets.ts';
import { nextPostsVersion } from './posts-version.ts';
import { storedFeedState } from './stored-state.ts';
import { forgetFeedSubscription } from '../websub/subscriptions.ts';

export interface FeedHealth {
  readonly id: number;
  /** As added: the address desktops know the feed by. */
  readonly url: string;
  /** Where it is read from now (a permanent redirect moves it). */
  readonly fetchUrl: string;
  readonly title: string;
  /** ISO 8601; null before the first read. */
  readonly checkedAt: string | null;
  readonly nextCheckAt: string;
  /** In plain words; null when the last read worked. */
  readonly lastError: string | null;
  /** Items (with a link, past any embargo) in the last read that worked. */
  readonly itemCount: number;
  /** The WebSub hub its last good read advertised, or null. */
  readonly webSubHub: string | null;
}

const HEALTH_COLUMNS = [
  'id',
  'url',
  'fetch_url',
  'title',
  'checked_at',
  'next_poll_at',
  'last_error',
  'item_count',
  'websub_hub',
] as const;
type HealthRow = Pick<Selectable<FeedsTable>, (typeof HEALTH_COLUMNS)[number]>;

export type AddFeedResult =
  | {
      readonly ok: true;
      readonly feed: FeedHealth;
      readonly pingSecret: string;
      readonly discoveredFrom: string | null;
    }
  | { readonly ok: false; readonly reason: string };

/** Adds the feed `check` found (poll it at once), or says why not. */
export async function addFeed(db: Db, check: FeedCheck, now = new Date()): Promise<AddFeedResult> {
  if (!check.ok) return { ok: false, reason: `${check.url} was not added: ${check.error}` };
  const existing = await db.selectFrom('feeds').select('id').where('url', '=', check.url).executeTakeFirst();
  if (existing) return { ok: false, reason: `${check.url} is already one of the organisation's feeds` };
  const pingSecret = newToken();
  const state = newFeedState(check.url, now.getTime(), baseInterval(undefined));
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('feeds')
      .values({
        url: check.url,
        fetch_url: check.url,
        state: JSON.stringify(state),
        title: check.title,
        checked_at: null,
        next_poll_at: now.toISOString(),
        last_error: null,
        ping_secret_hash: hashSecret(pingSecret),
        created_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.column('url').doNothing())
      .returning(HEALTH_COLUMNS)
      .executeTakeFirst();
    // The answer to GET /v1/posts changes: it counts the feeds.
    if (inserted) await nextPostsVersion(trx);
    return inserted;
  });
  if (!row) return { ok: false, reason: `${check.url} is already one of the organisation's feeds` };
  return { ok: true, feed: toHealth(row), pingSecret, discoveredFrom: check.discoveredFrom };
}

/** Removes the feed and the posts read from it (its WebSub subscription is ended); false when there was no such feed. */
export async function removeFeed(db: Db, url: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const feed = await trx.selectFrom('feeds').select('id').where('url', '=', url).executeTakeFirst();
    if (!feed) return false;
    await trx.deleteFrom('posts').where('feed_id', '=', feed.id).execute();
    await trx.deleteFrom('feeds').where('id', '=', feed.id).execute();
    await forgetFeedSubscription(trx, feed.id, now);
    await nextPostsVersion(trx);
    return true;
  });
}

const toHealth = (row: HealthRow): FeedHealth => ({
  id: row.id,
  url: row.url,
  fetchUrl: row.fetch_url,
  title: row.title,
  checkedAt: row.checked_at,
  nextCheckAt: row.next_poll_at,
  lastError: row.last_error,
  itemCount: row.item_count,
  webSubHub: row.websub_hub,
});

/** Every feed, in the order they were added. */
export async function listFeeds(db: Db): Promise<FeedHealth[]> {
  const rows = await db.selectFrom('feeds').select(HEALTH_COLUMNS).orderBy('id').execute();
  return rows.map(toHealth);
}

export async function feedCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('feeds')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A new ping secret for the feed (the old one stops working); null when there is no such feed. */
export async function renewPingSecret(db: Db, url: string): Promise<string | null> {
  const pingSecret = newToken();
  const { numUpdatedRows } = await db
    .updateTable('feeds')
    .set({ ping_secret_hash: hashSecret(pingSecret) })
    .where('url', '=', url)
    .executeTakeFirst();
  return numUpdatedRows > 0n ? pingSecret : null;
}

export interface PingAnswer {
  readonly feed: string;
  /** When it will be read: now, or later when its server asked us to wait (Retry-After). */
  readonly readAt: string;
}

/**
 * Makes the feed due now (a CMS just published): never before the time its server asked us to wait
 * until. The replica holding the poll lease reads it within seconds. Null when there is no such feed.
 */
export async function pingFeed(
  db: Db,
  by: { secret: string } | { url: string },
  now = new Date(),
): Promise<PingAnswer | null> {
  let query = db.selectFrom('feeds').select(['id', 'url', 'state']);
  query =
    'secret' in by ? query.where('ping_secret_hash', '=', hashSecret(by.secret)) : query.where('url', '=', by.url);
  const feed = await query.executeTakeFirst();
  if (!feed) return null;
  const holdUntil = storedFeedState(feed.state)?.holdUntil ?? 0;
  const readAt = new Date(Math.max(now.getTime(), holdUntil)).toISOString();
  await db.updateTable('feeds').set({ next_poll_at: readAt }).where('id', '=', feed.id).execute();
  return { feed: feed.url, readAt };
}
