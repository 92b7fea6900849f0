/**
 * When to try the endpoint again after a failure: exponential backoff with jitter, never sooner than
 * the endpoint's own Retry-After. Thousands of desktops lose the same endpoint at the same moment;
 * the jitter keeps them from all coming back in the same second.
 */
export interface RetryPolicy {
  /** The wait after the first failure (before jitter). */
  readonly firstDelayMs: number;
  /** The longest wait, however many failures. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 5_000, maxDelayMs: 30 * 60_000 };

/** A Retry-After further away than this is read as this: a misconfigured endpoint cannot park desktops for months. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * The wait after `failures` failures in a row (1 or more): between half and all of
 * first × 2^(failures − 1), capped. Half is fixed so that no draw of the dice retries at once.
 */
export function backoffDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(Math.max(failures, 1) - 1, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  // An HTTP date has a weekday or month in words; anything else that is not whole seconds is unreadable.
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : /[a-z]{3}/i.test(text) ? Date.parse(text) - now : Number.NaN;
  if (Number.isNaN(ms)) return null;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** The wait before the next try: the backoff, or longer when the endpoint asked for longer. */
export function nextRetryDelay(
  failures: number,
  retryAfterMs: number | null,
  policy: RetryPolicy,
  random: () => number,
): number {
  return Math.max(backoffDelay(failures, policy, random), retryAfterMs ?? 0);
}
