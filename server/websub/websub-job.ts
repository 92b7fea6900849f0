/**
 * The WebSub subscriptions job, under the `websub` lease so one replica asks the hubs: subscribes
 * feeds whose last read advertised a hub, renews before the lease the hub granted ends, asks again
 * after a refusal or a verification that never came, follows a feed to a new hub, and unsubscribes
 * removed feeds. Only while the endpoint has a public address the hubs can call back.
 */
import type { Db } from '../database.ts';
import { LeaseKeeper, type LeaseKeeperOptions } from '../jobs/lease-keeper.ts';
import { askHub } from './hub-request.ts';
import {
  addMissingSubscriptions,
  deleteSubscription,
  dueSubscriptions,
  later,
  markRefused,
  UNCONFIRMED_RETRY_MS,
  UNSUBSCRIBE_WAIT_MS,
  updateSubscription,
  type DueSubscription,
} from './subscriptions.ts';

export const WEBSUB_JOB = 'websub';
/** Ten days, as the recommendation suggests hubs default to; a hub may grant another length. */
export const DEFAULT_ASKED_LEASE_SECONDS = 864_000;
const DEFAULT_TICK_MS = 30_000;

export interface WebSubJobOptions extends Omit<LeaseKeeperOptions, 'job'> {
  /** How often the holder looks for work (a new hub is asked within this). */
  readonly tickMs?: number;
  readonly askedLeaseSeconds?: number;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => Date;
  /** Told what was asked of a hub and what it answered (for logs): null when it accepted. */
  readonly onAsked?: (hub: string, mode: 'subscribe' | 'unsubscribe', refusal: string | null) => void;
}

/** Where the hub calls back for this subscription. */
export const callbackUrl = (publicUrl: string, token: string): string =>
  new URL(`v1/feeds/websub/${token}`, publicUrl).href;

export function startWebSubJob(db: Db, publicUrl: string, options: WebSubJobOptions): { stop: () => Promise<void> } {
  const now = options.now ?? (() => new Date());
  const fetch = options.fetch ?? globalThis.fetch;
  const leaseSeconds = options.askedLeaseSeconds ?? DEFAULT_ASKED_LEASE_SECONDS;
  let running: Promise<void> | null = null;

  async function ask(row: DueSubscription, mode: 'subscribe' | 'unsubscribe', at: Date): Promise<void> {
    const answer = await askHub(
      {
        hub: row.hub,
        mode,
        topic: row.topic,
        callback: callbackUrl(publicUrl, row.callback_token),
        secret: row.secret,
        leaseSeconds,
      },
      fetch,
    );
    options.onAsked?.(row.hub, mode, answer.ok ? null : answer.reason);
    if (answer.ok) return;
    if (mode === 'unsubscribe') await deleteSubscription(db, row.id);
    else await markRefused(db, row.id, answer.reason, at);
  }

  async function act(row: DueSubscription): Promise<void> {
    const at = now();
    if (row.feed_id === null) {
      if (row.state === 'unsubscribe-sent') return deleteSubscription(db, row.id);
      // Written before asking: the hub may verify before it answers.
      await updateSubscription(
        db,
        row.id,
        { state: 'unsubscribe-sent', pending_mode: 'unsubscribe', next_action_at: later(at, UNSUBSCRIBE_WAIT_MS) },
        at,
      );
      return ask(row, 'unsubscribe', at);
    }
    // The feed no longer names a hub: its lease at the old one is left to run out.
    if (row.feedHub === null || row.feedTopic === null) return deleteSubscription(db, row.id);
    const moved = row.feedHub !== row.hub || row.feedTopic !== row.topic;
    const target = { ...row, hub: row.feedHub, topic: row.feedTopic };
    await updateSubscription(
      db,
      row.id,
      {
        hub: target.hub,
        topic: target.topic,
        // A renewal keeps saying "subscribed" until the hub's lease ends.
        state: row.state === 'subscribed' && !moved ? 'subscribed' : 'requested',
        ...(moved ? { expires_at: null } : {}),
        pending_mode: 'subscribe',
        next_action_at: later(at, UNCONFIRMED_RETRY_MS),
      },
      at,
    );
    return ask(target, 'subscribe', at);
  }

  async function round(): Promise<void> {
    if (!keeper.isHeld()) return;
    await addMissingSubscriptions(db, now());
    for (const row of await dueSubscriptions(db, now())) {
      if (!keeper.isHeld()) return;
      await act(row);
    }
  }

  function tick(): void {
    if (running || !keeper.isHeld()) return;
    running = round()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  }

  const keeper = new LeaseKeeper(db, {
    ...options,
    job: WEBSUB_JOB,
    onChange: (lease) => {
      options.onChange?.(lease);
      if (lease) tick();
    },
  });
  keeper.start();
  const timer = setInterval(tick, options.tickMs ?? DEFAULT_TICK_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await keeper.stop();
    },
  };
}
