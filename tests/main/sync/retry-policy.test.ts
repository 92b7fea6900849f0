/** When the outbox tries again: doubling waits with jitter, capped, never sooner than Retry-After. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, nextRetryDelay, parseRetryAfter } from '../../../main/sync/retry-policy.ts';

const policy = { firstDelayMs: 5_000, maxDelayMs: 30 * 60_000 };
const now = Date.parse('2026-03-02T09:00:00Z');

describe('backoff', () => {
  it('doubles with each failure, between half and all of the step, up to the cap', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, policy, () => 0))).toEqual([
      2_500, 5_000, 10_000, 20_000,
    ]);
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, policy, () => 1))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
    expect(backoffDelay(50, policy, () => 1)).toBe(policy.maxDelayMs);
    expect(backoffDelay(50, policy, () => 0)).toBe(policy.maxDelayMs / 2);
  });

  it('spreads desktops that failed together: different dice, different waits, none at once', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy, Math.random)));
    expect(waits.size).toBeGreaterThan(40);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(10_000);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter(new Date(now - 90_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });

  it('caps a wait of years at a day: a misconfigured endpoint cannot park every desktop', () => {
    expect(parseRetryAfter(String(10 * 365 * 24 * 3600), now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('waits for the endpoint when it asks for longer than the backoff, and for the backoff otherwise', () => {
    expect(nextRetryDelay(1, 120_000, policy, () => 1)).toBe(120_000);
    expect(nextRetryDelay(10, 120_000, policy, () => 1)).toBe(policy.maxDelayMs);
    expect(nextRetryDelay(1, null, policy, () => 1)).toBe(5_000);
  });
});
