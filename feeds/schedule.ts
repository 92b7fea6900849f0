/**
 * When to poll a feed again. Pure functions of the interval, the server's hints, the failure count and a
 * random number (injected, so tests pin it): every desktop draws its own jitter, so thousands of them
 * installed from one MSI never poll a company's blog in the same second.
 */
const DEFAULT_INTERVAL_MS = 30 * 60 * 1000;
/** No policy, header or ttl makes a desktop poll more often than this. */
export const MIN_INTERVAL_MS = 5 * 60 * 1000;
/** Neither backoff nor a server's hints make a desktop wait longer than this. */
export const MAX_DELAY_MS = 24 * 60 * 60 * 1000;
/** Up to this fraction of the interval is added (normal polls) or taken off (backoff) at random. */
const JITTER_FRACTION = 0.1;

/** The configured interval, never below the floor. */
export const baseInterval = (configuredMs: number | undefined): number =>
  Math.max(MIN_INTERVAL_MS, configuredMs ?? DEFAULT_INTERVAL_MS);

/** Cache-Control max-age and RSS <ttl> lengthen the interval, never shorten it, and never past a day. */
export function feedInterval(baseMs: number, maxAgeMs: number | null, ttlMinutes: number | null): number {
  const hinted = Math.max(maxAgeMs ?? 0, (ttlMinutes ?? 0) * 60 * 1000);
  return Math.max(baseMs, Math.min(hinted, MAX_DELAY_MS));
}

/** The delay to the next poll after a successful one. */
export const nextPollDelay = (intervalMs: number, random: () => number): number =>
  intervalMs * (1 + JITTER_FRACTION * random());

/**
 * The delay after a failure: the server's Retry-After when it sent one, otherwise the interval doubled
 * for each failure in a row; jittered, at least the floor, at most a day.
 */
export function backoffDelay(
  intervalMs: number,
  failures: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  if (retryAfterMs !== null) return Math.min(MAX_DELAY_MS, Math.max(MIN_INTERVAL_MS, retryAfterMs));
  const doubled = intervalMs * 2 ** Math.min(Math.max(failures - 1, 0), 30);
  return Math.max(MIN_INTERVAL_MS, Math.min(MAX_DELAY_MS, doubled) * (1 - JITTER_FRACTION * random()));
}
