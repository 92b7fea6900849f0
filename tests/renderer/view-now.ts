/**
 * The window's "now" in view tests: Wednesday 25 November 2026, 15:00 on the wall clock of whatever time zone
 * the run is in. The views read the time themselves (`useNow`), so a test that shows "1 h ago", a week's count
 * or "until 16:00" pins Date there, and reads the same at any hour of any day.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export const VIEW_NOW = new Date(2026, 10, 25, 15, 0);

/** `hours` before VIEW_NOW, as an ISO time (negative: after it). */
export const hoursAgo = (hours: number): string => new Date(VIEW_NOW.getTime() - hours * 3600_000).toISOString();

/** Freezes Date at VIEW_NOW for every test of the calling file; timers stay real. */
export function pinViewNow(): void {
  beforeEach(() => {
    vi.setSystemTime(VIEW_NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
