/**
 * The delivery ledger: one row per channel and post, made in the transaction that first stores the
 * post, so a post is never missed and never queued twice (the key is the pair). A sender claims a row
 * by stamping it "sending" with its lease's generation; a row left "sending" by an older generation
 * was a replica that died mid-send, and is tried again. The result is written only while the claim is
 * still this generation's, so a replica that lost its lease cannot overwrite the next holder's result.
 * Slack and Teams take no idempotency key: the window in which a crash can repeat a post is the time
 * between the receiver's answer and the one update that records it.
 */
import type { Updateable } from 'kysely';
import type { ChannelDeliveriesTable, Db } from '../database.ts';
import { stillHeld, type Lease } from '../jobs/lease.ts';
import { nextTry } from './retry-rule.ts';
import type { SendAnswer } from './send-to-channel.ts';

export interface DeliveryKey {
  readonly channel_id: number;
  readonly feed_id: number;
  readonly item_key: string;
}

export interface ClaimedDelivery extends DeliveryKey {
  readonly attempts: number;
  readonly created_at: string;
}

/**
 * Queues the feed's new posts for every channel that takes all posts, inside the caller's transaction.
 * Channels for some teams get none yet: kits do not name an audience (docs/endpoint.md).
 */
export async function queueDeliveries(trx: Db, feedId: number, itemKeys: readonly string[], now: Date): Promise<void> {
  if (itemKeys.length === 0) return;
  const channels = await trx
    .selectFrom('channels')
    .select('id')
    .where('teams', '=', '[]')
    .where('created_at', '<=', now.toISOString())
    .execute();
  const at = now.toISOString();
  const rows = channels.flatMap((channel) =>
    itemKeys.map((key) => ({
      channel_id: channel.id,
      feed_id: feedId,
      item_key: key,
      state: 'pending' as const,
      next_attempt_at: at,
      created_at: at,
    })),
  );
  if (rows.length === 0) return;
  await trx
    .insertInto('channel_deliveries')
    .values(rows)
    .onConflict((conflict) => conflict.columns(['channel_id', 'feed_id', 'item_key']).doNothing())
    .execute();
}

const sameRow = (key: DeliveryKey) =>
  ({ channel_id: key.channel_id, feed_id: key.feed_id, item_key: key.item_key }) as const;

/** Rows other generations could still have been sending, or waiting rows whose time has come. */
const LOOK_AHEAD = 200;

/**
 * Claims the oldest due post of each channel (one at a time per channel, so a channel's posts arrive
 * in order and a 429 holds back only that channel). Nothing when the lease is no longer ours.
 */
export async function claimDue(db: Db, lease: Lease, now: Date): Promise<ClaimedDelivery[]> {
  return db.transaction().execute(async (trx) => {
    if (!(await stillHeld(trx, lease))) return [];
    const due = await trx
      .selectFrom('channel_deliveries')
      .select(['channel_id', 'feed_id', 'item_key', 'attempts', 'created_at', 'state', 'claimed_generation'])
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now.toISOString())]),
          eb.and([eb('state', '=', 'sending'), eb('claimed_generation', '<', lease.generation)]),
        ]),
      )
      .orderBy('created_at')
      .orderBy('item_key')
      .limit(LOOK_AHEAD)
      .execute();
    const firstPerChannel = new Map<number, (typeof due)[number]>();
    for (const row of due) if (!firstPerChannel.has(row.channel_id)) firstPerChannel.set(row.channel_id, row);
    const claimed: ClaimedDelivery[] = [];
    for (const row of firstPerChannel.values()) {
      const { numUpdatedRows } = await trx
        .updateTable('channel_deliveries')
        .set({ state: 'sending', claimed_generation: lease.generation, attempts: row.attempts + 1 })
        .where('channel_id', '=', row.channel_id)
        .where('feed_id', '=', row.feed_id)
        .where('item_key', '=', row.item_key)
        .where('state', '=', row.state)
        .executeTakeFirst();
      if (numUpdatedRows > 0n)
        claimed.push({ ...sameRow(row), attempts: row.attempts + 1, created_at: row.created_at });
    }
    return claimed;
  });
}

/** Records the receiver's answer, if the claim is still this generation's; true when it was recorded. */
export async function recordAnswer(
  db: Db,
  delivery: ClaimedDelivery,
  generation: number,
  answer: SendAnswer,
  options: { readonly now: Date; readonly random: () => number; readonly firstWaitMs?: number },
): Promise<boolean> {
  const at = options.now.toISOString();
  let change: Updateable<ChannelDeliveriesTable>;
  if (answer.outcome === 'sent') change = { state: 'sent', sent_at: at, last_answer: answer.words };
  else if (answer.outcome === 'stop') change = { state: 'failed', next_attempt_at: at, last_answer: answer.words };
  else {
    const next = nextTry({
      attempts: delivery.attempts,
      firstTriedAt: new Date(delivery.created_at),
      now: options.now,
      retryAfterMs: answer.retryAfterMs,
      random: options.random,
      ...(options.firstWaitMs === undefined ? {} : { firstWaitMs: options.firstWaitMs }),
    });
    change =
      'giveUp' in next
        ? { state: 'failed', next_attempt_at: at, last_answer: `tried for 24 hours; the last answer: ${answer.words}` }
        : { state: 'pending', next_attempt_at: next.at.toISOString(), last_answer: answer.words };
  }
  const { numUpdatedRows } = await db
    .updateTable('channel_deliveries')
    .set(change)
    .where('channel_id', '=', delivery.channel_id)
    .where('feed_id', '=', delivery.feed_id)
    .where('item_key', '=', delivery.item_key)
    .where('state', '=', 'sending')
    .where('claimed_generation', '=', generation)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}
