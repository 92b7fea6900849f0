/**
 * Calendar maths for counts, shared by the endpoint and the desktop: weeks run Monday to Sunday and months start on the
 * 1st, both in UTC.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function mondayMs(time: Date): number {
  const midnight = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
  return midnight - ((time.getUTCDay() + 6) % 7) * DAY_MS;
}

/** The Monday (YYYY-MM-DD) of the week an ISO time falls in. */
export const weekOf = (iso: string): string => day(mondayMs(new Date(iso)));

/** The last `count` weeks, oldest first, ending with the week of `now`. */
export function recentWeeks(now: Date, count: number): string[] {
  const thisMonday = mondayMs(now);
  return Array.from({ length: count }, (_, index) => day(thisMonday - (count - 1 - index) * 7 * DAY_MS));
}

export const weekStart = (now: Date): string => new Date(mondayMs(now)).toISOString();

export const monthStart = (now: Date): string =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();

/** The week before the given Monday. */
export const previousWeek = (week: string): string => day(Date.parse(`${week}T00:00:00Z`) - 7 * DAY_MS);
