/**
 * "5 min ago", "3 h ago", "yesterday", "12 Mar": when a post appeared, at a glance; "08:00 tomorrow": when something
 * happens next.
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

/** Whole local calendar days from `from` to `to` (a day of 23 or 25 hours still counts as one). */
const calendarDays = (from: Date, to: Date): number => Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);

/**
 * How long ago, by elapsed time first and the calendar only after a day:
 * - under a minute: "just now"; under an hour: "N min ago" (59 min is "59 min ago");
 * - under 24 hours: "N h ago", whole hours, even across midnight: a post from 23:20 seen at 00:20 is "1 h ago", not
 *   "yesterday", which would make it sound a day old;
 * - from 24 hours on, local calendar days: "yesterday", then "N days ago" up to 6;
 * - 7 calendar days and more: the date, "12 Mar", with the year when it is not this year's ("28 Dec 2026").
 * A time ahead of `now` is a clock out of step (the feed's or this computer's): up to a day ahead it reads "just now";
 * further ahead, its date, as a far-off time would. Null when the feed gave no usable date.
 */
export function relativeTime(iso: string | null, now: Date): string | null {
  if (iso === null) return null;
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return null;
  const ago = now.getTime() - then.getTime();
  if (ago < -DAY_MS) return date(then, now);
  if (ago < MINUTE_MS) return 'just now';
  if (ago < HOUR_MS) return `${String(Math.floor(ago / MINUTE_MS))} min ago`;
  const days = calendarDays(then, now);
  // days is 0 past 24 hours only on the day clocks go back (25 hours long): still today, so still hours.
  if (ago < DAY_MS || days === 0) return `${String(Math.floor(ago / HOUR_MS))} h ago`;
  if (days === 1) return 'yesterday';
  if (days < 7) return `${String(days)} days ago`;
  return date(then, now);
}

const date = (then: Date, now: Date): string =>
  (then.getFullYear() === now.getFullYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(then);

/** The full date and time, for a tooltip and for screen readers' `dateTime`. */
export function fullTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : FULL.format(time);
}

/** "14:30" today, "08:00 tomorrow" or "3 Dec 08:00": when something will happen next. */
export function upcomingTime(iso: string, now: Date): string {
  const time = new Date(iso);
  const clock = CLOCK.format(time);
  const days = calendarDays(now, time);
  if (days <= 0) return clock;
  if (days === 1) return `${clock} tomorrow`;
  return `${DAY_MONTH.format(time)} ${clock}`;
}
