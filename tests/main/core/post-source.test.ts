/** The rule for where posts come from, at its edges: each reason for the desktop's own polls, and the fallback's minute. */
import { describe, expect, it } from 'vitest';
import { choosePostSource, fallbackDueAt, type SourceFacts } from '../../../main/core/post-source.ts';

const MINUTE = 60_000;
const ANSWERED = Date.parse('2026-11-25T09:00:00Z');
const facts: SourceFacts = {
  endpoint: true,
  pollFeedsOnDesktop: false,
  feeds: 2,
  reachedAt: ANSWERED,
  now: ANSWERED + MINUTE,
  fallbackAfterMs: 30 * MINUTE,
};

describe('where posts come from', () => {
  it('takes the endpoint’s while it has feeds and answered within the time, and falls back just past it', () => {
    expect(choosePostSource(facts)).toEqual({ from: 'endpoint', answeredAt: '2026-11-25T09:00:00.000Z' });
    expect(choosePostSource({ ...facts, now: ANSWERED + 30 * MINUTE })).toMatchObject({ from: 'endpoint' });
    expect(choosePostSource({ ...facts, now: ANSWERED + 30 * MINUTE + 1 })).toEqual({
      from: 'fallback',
      answeredAt: '2026-11-25T09:00:00.000Z',
      afterMinutes: 30,
    });
    expect(fallbackDueAt(facts)).toBe(ANSWERED + 30 * MINUTE + 1);
  });

  it('polls on the desktop without an endpoint, by policy, while the endpoint has no feeds or never answered; no fallback timer then', () => {
    expect(choosePostSource({ ...facts, endpoint: false })).toEqual({ from: 'desktop', why: 'no-endpoint' });
    expect(choosePostSource({ ...facts, pollFeedsOnDesktop: true })).toEqual({ from: 'desktop', why: 'policy' });
    expect(choosePostSource({ ...facts, feeds: 0 })).toEqual({ from: 'desktop', why: 'endpoint-has-no-feeds' });
    // An endpoint without feeds stays so however long ago it said so: the desktop's feeds are the only ones.
    expect(choosePostSource({ ...facts, feeds: 0, now: ANSWERED + 600 * MINUTE })).toMatchObject({ from: 'desktop' });
    expect(choosePostSource({ ...facts, feeds: null, reachedAt: null })).toEqual({
      from: 'desktop',
      why: 'endpoint-not-heard',
    });
    expect(fallbackDueAt({ ...facts, feeds: 0 })).toBeNull();
    expect(fallbackDueAt({ ...facts, pollFeedsOnDesktop: true })).toBeNull();
  });
});
