/**
 * "5 min ago", "yesterday", "12 Mar": when a post appeared, at a glance; "08:00 tomorrow": when something happens next.
 */

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// Formatters are costly to make and the list formats a date per row: made once.
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const FULL = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

const startOfDay = (time: Date): number => new Date(time.getFullYear(), time.getMonth(), time.getDate()).getTime();

/** Null when the feed gave no usable date. A time in the future (a skewed clock) reads as "just now". */
export function relativeTime(iso: string | null, now: Date): string | null {
  if (iso === null) return null;
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return null;
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE_MS) return 'just now';
  if (ago < HOUR_MS) return `${String(Math.floor(ago / MINUTE_MS))} min ago`;
  const days = Math.round((startOfDay(now) - startOfDay(then)) / DAY_MS);
  if (days === 0) return `${String(Math.floor(ago / HOUR_MS))} h ago`;
  if (days === 1) return 'yesterday';
  if (days < 7) return `${String(days)} days ago`;
  return (then.getFullYear() === now.getFullYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(then);
}

/** The full date and time, for a tooltip and for screen readers' `dateTime`. */
export function fullTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : FULL.format(time);
}

/** "14:30" today, "08:00 tomorrow" or "3 Dec 08:00": when something will happen next. */
export function upcomingTime(iso: string, now: Date): string {
  const time = new Date(iso);
  const clock = CLOCK.format(time);
  const days = Math.round((startOfDay(time) - startOfDay(now)) / DAY_MS);
  if (days <= 0) return clock;
  if (days === 1) return `${clock} tomorrow`;
  return `${DAY_MONTH.format(time)} ${clock}`;
}
