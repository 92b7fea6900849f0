/**
 * The channel sends: a job under the `channel-sends` lease, so one replica posts to Slack, Teams and
 * webhooks. It looks at the ledger every couple of seconds, and at once when this replica's poller has
 * stored new posts (wake). Each claimed post is sent, then its answer recorded (delivery-ledger.ts).
 */
import type { Db } from '../database.ts';
import type { LeaseKeeperOptions } from '../jobs/lease-keeper.ts';
import { startLeasedJob, type LeasedJob } from '../jobs/leased-job.ts';
import { channelPostFor } from './channel-post.ts';
import { getChannel } from './channel-store.ts';
import { claimDue, recordAnswer, type ClaimedDelivery } from './delivery-ledger.ts';
import { sendToChannel, type SendAnswer } from './send-to-channel.ts';

export const CHANNEL_SEND_JOB = 'channel-sends';
const DEFAULT_TICK_MS = 2_000;

export interface ChannelSenderOptions extends Omit<LeaseKeeperOptions, 'job'> {
  readonly fetch?: typeof fetch;
  readonly tickMs?: number;
  readonly random?: () => number;
  readonly now?: () => Date;
  /** The first backoff after a failure worth retrying (default 30 s; tests make it short). */
  readonly firstWaitMs?: number;
  /** Told after each send (for logs): the channel, the delivery, the answer in words. */
  readonly onAnswer?: (channelId: number, delivery: ClaimedDelivery, answer: SendAnswer) => void;
}

/** wake(): look for posts to send now, if this replica holds the lease. */
export type ChannelSender = LeasedJob;

const GONE: SendAnswer = { outcome: 'stop', words: 'the post or the channel was removed before it could be sent' };

export function startChannelSender(db: Db, options: ChannelSenderOptions): ChannelSender {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  async function sendOne(delivery: ClaimedDelivery, generation: number): Promise<void> {
    const channel = await getChannel(db, delivery.channel_id);
    const post = channel === null ? null : await channelPostFor(db, delivery);
    const answer =
      channel === null || post === null
        ? GONE
        : await sendToChannel(channel, post, { fetch: options.fetch, now: now() });
    await recordAnswer(db, delivery, generation, answer, {
      now: now(),
      random,
      ...(options.firstWaitMs === undefined ? {} : { firstWaitMs: options.firstWaitMs }),
    });
    options.onAnswer?.(delivery.channel_id, delivery, answer);
  }

  return startLeasedJob(
    db,
    { ...options, job: CHANNEL_SEND_JOB, tickMs: options.tickMs ?? DEFAULT_TICK_MS },
    async (lease) => {
      const claimed = await claimDue(db, lease, now());
      await Promise.all(claimed.map((delivery) => sendOne(delivery, lease.generation)));
      // Each channel's next post, if it has more.
      return claimed.length > 0;
    },
  );
}
