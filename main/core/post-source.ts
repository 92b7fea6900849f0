/**
 * Where this desktop's posts come from, as a pure rule: the endpoint when it has feeds and answered
 * lately; the desktop's own polls when there is no endpoint, policy says so, the endpoint has no feeds
 * (or has not answered yet), or it has been away longer than the policy's time (the fallback, which also
 * polls the feeds the endpoint named).
 */
import type { PostSource } from '../../common/domain.ts';

export interface SourceFacts {
  readonly endpoint: boolean;
  readonly pollFeedsOnDesktop: boolean;
  /** The organisation's feeds at the endpoint's last answer; null when it never answered. */
  readonly feeds: number | null;
  /** When the endpoint last answered a posts request (ms), or null. */
  readonly reachedAt: number | null;
  readonly now: number;
  readonly fallbackAfterMs: number;
}

export function choosePostSource(facts: SourceFacts): PostSource {
  if (!facts.endpoint) return { from: 'desktop', why: 'no-endpoint' };
  if (facts.pollFeedsOnDesktop) return { from: 'desktop', why: 'policy' };
  if (facts.feeds === null || facts.reachedAt === null) return { from: 'desktop', why: 'endpoint-not-heard' };
  if (facts.feeds === 0) return { from: 'desktop', why: 'endpoint-has-no-feeds' };
  const answeredAt = new Date(facts.reachedAt).toISOString();
  return facts.now - facts.reachedAt > facts.fallbackAfterMs
    ? { from: 'fallback', answeredAt, afterMinutes: Math.round(facts.fallbackAfterMs / 60_000) }
    : { from: 'endpoint', answeredAt };
}

/** When the endpoint source turns into the fallback if the endpoint stays silent (ms), or null. */
export function fallbackDueAt(facts: SourceFacts): number | null {
  const source = choosePostSource(facts);
  return source.from === 'endpoint' && facts.reachedAt !== null ? facts.reachedAt + facts.fallbackAfterMs + 1 : null;
}
