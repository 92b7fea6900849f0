/** Quiet hours in local wall-clock time; an end before the start spans midnight. */
import type { QuietHours } from '../../common/settings.ts';

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

export function isQuietTime(now: Date, quietHours: QuietHours | null): boolean {
  if (!quietHours) return false;
  const minute = now.getHours() * 60 + now.getMinutes();
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
