/**
 * The hub's verification of intent (W3C WebSub 5.3): a GET to the callback with hub.mode, hub.topic,
 * hub.challenge and, to subscribe, hub.lease_seconds. The challenge is echoed only for the mode and
 * topic this endpoint asked for and still awaits; anything else is answered "not found", so nobody can
 * subscribe or unsubscribe the endpoint in its name. A denial (5.2) is written down in words.
 */
import type { Db } from '../database.ts';
import {
  deleteSubscription,
  later,
  REFUSED_RETRY_MS,
  renewalTime,
  subscriptionByToken,
  updateSubscription,
} from './subscriptions.ts';

export interface VerificationQuery {
  readonly 'hub.mode'?: string;
  readonly 'hub.topic'?: string;
  readonly 'hub.challenge'?: string;
  readonly 'hub.lease_seconds'?: string;
  readonly 'hub.reason'?: string;
}

/** What to answer: the challenge to echo, an empty 200 (a denial taken note of), or not found. */
export type VerificationAnswer =
  | { readonly kind: 'challenge'; readonly challenge: string }
  | { readonly kind: 'noted' }
  | { readonly kind: 'unknown' };

/** A lease the hub granted: a whole number of seconds, at least one; else the one asked for. */
function grantedLease(text: string | undefined, asked: number): number {
  const seconds = text === undefined ? NaN : Number(text);
  return Number.isInteger(seconds) && seconds >= 1 ? seconds : asked;
}

export async function answerVerification(
  db: Db,
  token: string,
  query: VerificationQuery,
  askedLeaseSeconds: number,
  now: Date,
): Promise<VerificationAnswer> {
  const unknown = { kind: 'unknown' } as const;
  const subscription = await subscriptionByToken(db, token);
  const mode = query['hub.mode'];
  if (subscription === undefined || query['hub.topic'] !== subscription.topic) return unknown;
  if (mode === 'denied') {
    const reason = query['hub.reason']?.trim();
    await updateSubscription(
      db,
      subscription.id,
      {
        state: 'refused',
        pending_mode: null,
        expires_at: null,
        last_error: reason ? `the hub refused: ${reason.slice(0, 200)}` : 'the hub refused without saying why',
        next_action_at: later(now, REFUSED_RETRY_MS),
      },
      now,
    );
    return { kind: 'noted' };
  }
  const challenge = query['hub.challenge'];
  if (challenge === undefined || challenge === '' || mode !== subscription.pending_mode) return unknown;
  if (mode === 'unsubscribe') {
    await deleteSubscription(db, subscription.id);
    return { kind: 'challenge', challenge };
  }
  const lease = grantedLease(query['hub.lease_seconds'], askedLeaseSeconds);
  await updateSubscription(
    db,
    subscription.id,
    {
      state: 'subscribed',
      pending_mode: null,
      expires_at: later(now, lease * 1000),
      last_error: null,
      next_action_at: renewalTime(now, lease),
    },
    now,
  );
  return { kind: 'challenge', challenge };
}
