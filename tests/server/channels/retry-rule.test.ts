/** When a post is tried again: Retry-After as seconds or a date, backoff that doubles to an hour, and the stop after 24 hours. */
import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER_MS, nextTry } from '../../../server/channels/retry-rule.ts';
import { retryAfterMs } from '../../../server/channels/send-to-channel.ts';

const first = new Date('2026-12-08T09:00:00Z');
const at = (minutes: number) => new Date(first.getTime() + minutes * 60_000);
const half = () => 0; // the shortest jitter: half the backoff

describe('the retry rule', () => {
  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    expect(retryAfterMs('7', first)).toBe(7000);
    expect(retryAfterMs('Tue, 08 Dec 2026 09:01:00 GMT', first)).toBe(60_000);
    expect(retryAfterMs('Tue, 08 Dec 2026 08:00:00 GMT', first)).toBe(0);
    expect(retryAfterMs('soon', first)).toBeNull();
    expect(retryAfterMs(null, first)).toBeNull();
  });

  it('waits as the receiver asked, else doubles from 30 seconds up to an hour, with jitter between half and all of it', () => {
    expect(nextTry({ attempts: 1, firstTriedAt: first, now: first, retryAfterMs: 5000, random: half })).toEqual({
      at: new Date(first.getTime() + 5000),
    });
    const waits = [1, 2, 3, 10, 20].map((attempts) => {
      const next = nextTry({ attempts, firstTriedAt: first, now: first, retryAfterMs: null, random: () => 1 });
      return 'at' in next ? next.at.getTime() - first.getTime() : null;
    });
    expect(waits).toEqual([30_000, 60_000, 120_000, 3600_000, 3600_000]);
    const jittered = nextTry({ attempts: 1, firstTriedAt: first, now: first, retryAfterMs: null, random: half });
    expect(jittered).toEqual({ at: new Date(first.getTime() + 15_000) });
  });

  it('gives up once the next try would fall more than 24 hours after the post was first queued', () => {
    const late = at(GIVE_UP_AFTER_MS / 60_000 - 10);
    expect(nextTry({ attempts: 30, firstTriedAt: first, now: late, retryAfterMs: null, random: () => 1 })).toEqual({
      giveUp: true,
    });
    expect(nextTry({ attempts: 30, firstTriedAt: first, now: late, retryAfterMs: 60_000, random: half })).toEqual({
      at: new Date(late.getTime() + 60_000),
    });
  });
});
