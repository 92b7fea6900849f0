/**
 * When to try a post again after an answer that was worth another try: when the receiver asked
 * (Retry-After), else with exponential backoff and jitter; never past 24 hours from the first try,
 * after which the post stops and the dashboard says why.
 */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 3600_000;

export type NextTry = { readonly at: Date } | { readonly giveUp: true };

export function nextTry(options: {
  readonly attempts: number;
  readonly firstTriedAt: Date;
  readonly now: Date;
  readonly retryAfterMs: number | null;
  readonly random: () => number;
  readonly firstWaitMs?: number;
}): NextTry {
  const backoff = Math.min(
    LONGEST_WAIT_MS,
    (options.firstWaitMs ?? FIRST_WAIT_MS) * 2 ** Math.max(0, options.attempts - 1),
  );
  const wait = options.retryAfterMs ?? backoff * (0.5 + options.random() / 2);
  const at = new Date(options.now.getTime() + wait);
  if (at.getTime() - options.firstTriedAt.getTime() > GIVE_UP_AFTER_MS) return { giveUp: true };
  return { at };
}
