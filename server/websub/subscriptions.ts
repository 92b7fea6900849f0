/**
 * WebSub subscriptions in the database, so that whichever replica the hub's requests reach can answer
 * them: the callback token names the subscription, the secret checks signatures, `pending_mode` says
 * which verification is awaited. States: `new` (the feed has a hub, nothing asked yet), `requested`
 * (asked, the hub has not confirmed), `subscribed` (until `expires_at`), `refused` (the hub said no or
 * could not be reached: `last_error`), `removing` (the feed was removed: unsubscribe) and
 * `unsubscribe-sent` (waiting for the hub to confirm; the row goes after a day at the latest).
 * `next_action_at` is when the subscription job looks at the row again.
 */
import type { Selectable } from 'kysely';
import type { Db, WebSubState, WebSubSubscriptionsTable } from '../database.ts';
import { newToken } from '../security/secrets.ts';

export type Subscription = Selectable<WebSubSubscriptionsTable>;

const HOUR_MS = 3_600_000;
/** Asked, and no verification came: ask again after this. */
export const UNCONFIRMED_RETRY_MS = HOUR_MS;
/** Refused or unreachable: ask again after this. */
export const REFUSED_RETRY_MS = 6 * HOUR_MS;
/** An unsubscription the hub never confirms: the row is dropped after this. */
export const UNSUBSCRIBE_WAIT_MS = 24 * HOUR_MS;

export const later = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

/** Renewed when three quarters of the lease have passed: well before it ends, however long it is. */
export const renewalTime = (now: Date, leaseSeconds: number): string => later(now, leaseSeconds * 750);

/** A `new` row for every feed whose last read advertised a hub and that has none yet. */
export async function addMissingSubscriptions(db: Db, now: Date): Promise<void> {
  const feeds = await db
    .selectFrom('feeds')
    .leftJoin('websub_subscriptions as s', 's.feed_id', 'feeds.id')
    .select(['feeds.id', 'feeds.websub_hub', 'feeds.websub_topic'])
    .where('feeds.websub_hub', 'is not', null)
    .where('s.id', 'is', null)
    .execute();
  for (const feed of feeds) {
    if (feed.websub_hub === null || feed.websub_topic === null) continue;
    await db
      .insertInto('websub_subscriptions')
      .values({
        callback_token: newToken(),
        feed_id: feed.id,
        hub: feed.websub_hub,
        topic: feed.websub_topic,
        secret: newToken(),
        state: 'new',
        pending_mode: null,
        expires_at: null,
        last_error: null,
        next_action_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.column('feed_id').doNothing())
      .execute();
  }
}

export interface DueSubscription extends Subscription {
  /** What the feed advertises now (null: no longer a hub, or the feed is gone). */
  readonly feedHub: string | null;
  readonly feedTopic: string | null;
}

/** Rows whose time has come, and rows whose feed now names another hub or topic (or none). */
export async function dueSubscriptions(db: Db, now: Date): Promise<DueSubscription[]> {
  const rows = await db
    .selectFrom('websub_subscriptions as s')
    .leftJoin('feeds', 'feeds.id', 's.feed_id')
    .selectAll('s')
    .select(['feeds.websub_hub as feedHub', 'feeds.websub_topic as feedTopic'])
    .where((eb) =>
      eb.or([
        eb('s.next_action_at', '<=', now.toISOString()),
        eb.and([
          eb('s.feed_id', 'is not', null),
          eb.or([
            eb('feeds.websub_hub', 'is', null),
            eb('feeds.websub_hub', '<>', eb.ref('s.hub')),
            eb('feeds.websub_topic', '<>', eb.ref('s.topic')),
          ]),
        ]),
      ]),
    )
    .orderBy('s.next_action_at')
    .execute();
  return rows;
}

export async function updateSubscription(
  db: Db,
  id: number,
  changes: Partial<Omit<Subscription, 'id' | 'callback_token' | 'secret'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('websub_subscriptions')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function deleteSubscription(db: Db, id: number): Promise<void> {
  await db.deleteFrom('websub_subscriptions').where('id', '=', id).execute();
}

/** A refusal, told in words, and asked again later. Only while this request is still the one awaited. */
export async function markRefused(db: Db, id: number, reason: string, now: Date): Promise<void> {
  await updateSubscription(
    db,
    id,
    { state: 'refused', pending_mode: null, last_error: reason, next_action_at: later(now, REFUSED_RETRY_MS) },
    now,
  );
}

/** Removing a feed (in its transaction): unsubscribe where the hub may know us, forget the rest. */
export async function forgetFeedSubscription(db: Db, feedId: number, now: Date): Promise<void> {
  const never: WebSubState[] = ['new', 'refused'];
  await db.deleteFrom('websub_subscriptions').where('feed_id', '=', feedId).where('state', 'in', never).execute();
  await db
    .updateTable('websub_subscriptions')
    .set({
      feed_id: null,
      state: 'removing',
      pending_mode: null,
      next_action_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('feed_id', '=', feedId)
    .execute();
}

export const subscriptionByToken = (db: Db, token: string): Promise<Subscription | undefined> =>
  db.selectFrom('websub_subscriptions').selectAll().where('callback_token', '=', token).executeTakeFirst();

/** For the dashboard: each feed's subscription. */
export async function subscriptionsByFeed(db: Db): Promise<Map<number, Subscription>> {
  const rows = await db.selectFrom('websub_subscriptions').selectAll().where('feed_id', 'is not', null).execute();
  return new Map(rows.map((row) => [row.feed_id ?? 0, row]));
}

/** Whom a notification to this callback is for: the secret that signs it and its feed (null: removed). */
export async function notificationTarget(
  db: Db,
  token: string,
): Promise<{ readonly secret: string; readonly feedUrl: string | null } | undefined> {
  return db
    .selectFrom('websub_subscriptions as s')
    .leftJoin('feeds', 'feeds.id', 's.feed_id')
    .select(['s.secret', 'feeds.url as feedUrl'])
    .where('s.callback_token', '=', token)
    .executeTakeFirst();
}
