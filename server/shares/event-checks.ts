/**
 * Checks of an event's time a schema cannot express (its post URL is checked before, in
 * screen-events.ts). An event that fails one is answered "rejected" with the reason and not stored; the
 * rest of its batch is still counted.
 */
import type { ShareEvent } from '../../common/domain.ts';

/** A desktop clock a little ahead is normal; a day ahead is a wrong clock whose shares would land in the wrong week. */
const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.parse('2020-01-01T00:00:00Z');

export function rejectionReason(event: ShareEvent, now: Date): string | null {
  const at = Date.parse(event.at);
  if (Number.isNaN(at)) return `"at" is not a real time: ${event.at}`;
  if (at > now.getTime() + MAX_CLOCK_AHEAD_MS)
    return `"at" is more than a day in the future (${event.at}); check the computer's clock`;
  if (at < EARLIEST) return `"at" is before 2020 (${event.at}); check the computer's clock`;
  return null;
}
