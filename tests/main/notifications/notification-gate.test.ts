/** Quiet hours, pauses and the daily cap: when notifications are held back. Times are local wall-clock times. */
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../main/core/ports.ts';
import { gateNotices, localDay, pauseEnd } from '../../../main/notifications/notification-gate.ts';
import { isQuietTime } from '../../../main/notifications/quiet-hours.ts';

const at = (hours: number, minutes = 0, day = 25): Date => new Date(2026, 10, day, hours, minutes);
const notices = (count: number): Notice[] =>
  Array.from({ length: count }, (_, index) => ({ title: `Post ${String(index)}`, body: '', postId: String(index) }));
const open = { pausedUntil: null, quietHours: null, dailyCap: 10, shownToday: 0 };

describe('quiet hours', () => {
  it('span midnight when the end is before the start', () => {
    const night = { start: '22:00', end: '07:00' };
    expect(isQuietTime(at(23, 30), night)).toBe(true);
    expect(isQuietTime(at(6, 59), night)).toBe(true);
    expect(isQuietTime(at(7, 0), night)).toBe(false);
    expect(isQuietTime(at(21, 59), night)).toBe(false);
  });

  it('work within a day, and not at all when unset', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(isQuietTime(at(12, 0), lunch)).toBe(true);
    expect(isQuietTime(at(13, 30), lunch)).toBe(false);
    expect(isQuietTime(at(3, 0), null)).toBe(false);
  });
});

describe('pauses', () => {
  it('last an hour, or until 08:00 on the next calendar day', () => {
    expect(pauseEnd('hour', at(14, 20))).toEqual(at(15, 20));
    expect(pauseEnd('tomorrow', at(14, 20))).toEqual(at(8, 0, 26));
    expect(pauseEnd('tomorrow', at(23, 59))).toEqual(at(8, 0, 26));
    expect(pauseEnd('tomorrow', new Date(2026, 11, 31, 18, 0))).toEqual(new Date(2027, 0, 1, 8, 0));
  });

  it('counts days in local time', () => {
    expect(localDay(at(0, 5))).toBe('2026-11-25');
    expect(localDay(new Date(2027, 0, 1, 23, 59))).toBe('2027-01-01');
  });
});

describe('gateNotices', () => {
  it('lets everything through when nothing holds it back', () => {
    expect(gateNotices(notices(2), at(10), open)).toEqual({ show: notices(2), withheld: null });
  });

  it('holds everything while paused, until the pause ends', () => {
    expect(gateNotices(notices(1), at(10), { ...open, pausedUntil: at(11) })).toEqual({ show: [], withheld: 'paused' });
    expect(gateNotices(notices(1), at(11), { ...open, pausedUntil: at(11) })).toEqual({
      show: notices(1),
      withheld: null,
    });
  });

  it('holds everything in quiet hours', () => {
    expect(gateNotices(notices(1), at(23), { ...open, quietHours: { start: '22:00', end: '07:00' } })).toEqual({
      show: [],
      withheld: 'quiet hours',
    });
  });

  it('shows only what fits under the daily cap; a cap of 0 shows nothing', () => {
    expect(gateNotices(notices(2), at(10), { ...open, dailyCap: 10, shownToday: 9 })).toEqual({
      show: notices(1),
      withheld: 'daily cap',
    });
    expect(gateNotices(notices(1), at(10), { ...open, dailyCap: 0 })).toEqual({ show: [], withheld: 'daily cap' });
  });
});
