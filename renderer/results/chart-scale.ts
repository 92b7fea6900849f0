/** The maths of the results view's weekly bar charts: a round top value and bar heights under it. */

/** The smallest 1, 2 or 5 × 10ⁿ at or above the largest value, so the axis label reads naturally; at least 1. */
export function niceMax(values: readonly number[]): number {
  const largest = Math.max(0, ...values);
  if (largest <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= largest) ?? 10;
  return step * magnitude;
}

/** A bar's height in a chart `height` tall; a non-zero value always shows at least one unit. */
export function barHeight(value: number, max: number, height: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, (Math.min(value, max) / max) * height);
}

const WEEK = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "4 Nov" for the Monday 2026-11-04 (weeks are UTC Mondays, see common/weeks.ts). */
export function weekLabel(monday: string): string {
  const time = new Date(`${monday}T00:00:00Z`);
  return Number.isNaN(time.getTime()) ? monday : WEEK.format(time);
}
