/** The pure text rules the window shows feed content and times with. */
import { describe, expect, it } from 'vitest';
import { displayLink, displayText } from '../../../renderer/text/display-text.ts';
import { feedStatusText } from '../../../renderer/text/feed-status.ts';
import { pauseText } from '../../../renderer/text/pause-text.ts';
import { plural } from '../../../common/plural.ts';
import { relativeTime, upcomingTime } from '../../../renderer/text/relative-time.ts';
import { safeImageUrl } from '../../../renderer/text/safe-image-url.ts';
import { inTimeZone } from '../../helpers/time-zone.ts';

describe('displayText', () => {
  it('keeps short clean text as it is', () => {
    expect(displayText('Ship small, ship often', 160)).toBe('Ship small, ship often');
  });

  it('cuts a 100 KB title to the limit with an ellipsis, cheaply', () => {
    const shown = displayText('a'.repeat(100_000), 160);
    expect(Array.from(shown)).toHaveLength(160);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('never splits an emoji or a flag when cutting', () => {
    const shown = displayText('👩‍👩‍👧‍👦'.repeat(10), 4);
    expect(shown).toBe('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦…');
  });

  it('cuts a run of heavily accented letters at a whole letter', () => {
    const letter = `e${'\u0301'.repeat(20)}`;
    expect(displayText(letter.repeat(20), 5)).toBe(`${letter.repeat(4)}…`);
    expect(displayText(letter.repeat(5), 5)).toBe(letter.repeat(5));
  });

  it('keeps text of exactly the limit whole', () => {
    expect(displayText('🇩🇪🇫🇷', 2)).toBe('🇩🇪🇫🇷');
  });

  it('drops right-to-left overrides and isolates that disguise text (gpj.exe)', () => {
    expect(displayText('invoice\u202Egpj.exe', 80)).toBe('invoicegpj.exe');
    expect(displayText('a\u2066b\u2069c\u202Ad\u202Ce', 80)).toBe('abcde');
  });

  it('turns control characters and line breaks into single spaces', () => {
    expect(displayText('one\n\ttwo\u0000three\u2028four  five', 80)).toBe('one two three four five');
  });

  it('shows a link without its scheme, shortened', () => {
    expect(displayLink('https://blog.example.com/one')).toBe('blog.example.com/one');
    expect(displayLink(`https://blog.example.com/${'x'.repeat(200)}`, 30)).toHaveLength(30);
  });
});

describe('relativeTime', () => {
  // Every "now" and post time is local wall-clock time, so each case reads the same in any time zone.
  const now = new Date(2026, 10, 25, 15, 0); // Wednesday 25 November 2026, 15:00
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const before = (ms: number, from = now): string => new Date(from.getTime() - ms).toISOString();
  const local = (...parts: [number, number, number, number, number]): string => new Date(...parts).toISOString();

  it.each([
    ['20 s', 'just now', before(20_000)],
    ['59 s', 'just now', before(59_000)],
    ['1 min', '1 min ago', before(MINUTE)],
    ['59 min', '59 min ago', before(59 * MINUTE)],
    ['1 h', '1 h ago', before(HOUR)],
    ['3 h', '3 h ago', before(3 * HOUR)],
    ['23 h 59 min', '23 h ago', before(24 * HOUR - MINUTE)],
    ['24 h', 'yesterday', before(24 * HOUR)],
    ['yesterday 09:00', 'yesterday', local(2026, 10, 24, 9, 0)],
    ['Monday 15:00', '2 days ago', local(2026, 10, 23, 15, 0)],
    ['6 days', '6 days ago', local(2026, 10, 19, 9, 0)],
    ['7 days', '18 Nov', local(2026, 10, 18, 15, 0)],
    ['March', '12 Mar', local(2026, 2, 12, 9, 0)],
    ['last year', '12 Mar 2025', local(2025, 2, 12, 9, 0)],
  ])('%s before Wednesday 15:00 reads "%s"', (_case, expected, iso) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  // Across midnight, hours up to a day: a post from 23:20 seen at 00:20 is an hour old, not "yesterday". Past 24 hours,
  // calendar days: Tuesday 23:00 is two days before Thursday, however early on Thursday. The year shows from 1 January.
  const justAfterMidnight = new Date(2026, 10, 26, 0, 20); // Thursday 00:20
  const newYear = new Date(2027, 0, 1, 0, 10);
  it.each([
    ['Wednesday 23:20 seen Thursday 00:20', '1 h ago', justAfterMidnight, local(2026, 10, 25, 23, 20)],
    ['Wednesday 00:30 seen Thursday 00:20', '23 h ago', justAfterMidnight, local(2026, 10, 25, 0, 30)],
    ['Wednesday 00:20 seen Thursday 00:20', 'yesterday', justAfterMidnight, local(2026, 10, 25, 0, 20)],
    ['Tuesday 23:00 seen Thursday 00:20', '2 days ago', justAfterMidnight, local(2026, 10, 24, 23, 0)],
    ['New Year’s Eve 23:50 seen 1 January 00:10', '20 min ago', newYear, local(2026, 11, 31, 23, 50)],
    ['New Year’s Eve 08:00 seen 1 January 00:10', '16 h ago', newYear, local(2026, 11, 31, 8, 0)],
    ['30 December seen 1 January 00:10', '2 days ago', newYear, local(2026, 11, 30, 12, 0)],
    ['Christmas seen 1 January 00:10', '25 Dec 2026', newYear, local(2026, 11, 25, 12, 0)],
    ['1 January, seen on 31 December', '1 Jan', new Date(2027, 11, 31, 23, 0), local(2027, 0, 1, 0, 5)],
  ])('%s reads "%s"', (_case, expected, seenAt, iso) => {
    expect(relativeTime(iso, seenAt)).toBe(expected);
  });

  it('reads a time ahead of the clock (skew) as "just now", and one far ahead as its date', () => {
    expect(relativeTime(before(-MINUTE), now)).toBe('just now');
    expect(relativeTime(before(-23 * HOUR), now)).toBe('just now');
    expect(relativeTime(local(2026, 10, 28, 9, 0), now)).toBe('28 Nov');
    expect(relativeTime(local(2027, 1, 3, 9, 0), now)).toBe('3 Feb 2027');
  });

  it('counts the hours that passed and the calendar days on the nights clocks change (Berlin)', () => {
    inTimeZone('Europe/Berlin', () => {
      // 28 March 2027 has 23 hours: 00:45 that day to 00:30 the next is 22 h 45 min.
      const afterSpring = new Date(2027, 2, 29, 0, 30);
      expect(relativeTime(local(2027, 2, 28, 0, 45), afterSpring)).toBe('22 h ago');
      expect(relativeTime(local(2027, 2, 28, 10, 0), new Date(2027, 2, 29, 12, 0))).toBe('yesterday');
      expect(relativeTime(local(2027, 2, 23, 12, 0), new Date(2027, 2, 29, 12, 0))).toBe('6 days ago');
      // 25 October 2026 has 25 hours: 00:10 to 23:50 is 24 h 40 min, and still the same day.
      expect(relativeTime(local(2026, 9, 25, 0, 10), new Date(2026, 9, 25, 23, 50))).toBe('24 h ago');
      expect(relativeTime(local(2026, 9, 24, 23, 50), new Date(2026, 9, 25, 23, 50))).toBe('yesterday');
    });
  });

  it('says nothing for a missing or broken date', () => {
    expect(relativeTime(null, now)).toBeNull();
    expect(relativeTime('not a date', now)).toBeNull();
  });
});

describe('feed status in words', () => {
  const now = new Date(2026, 10, 25, 15, 0);
  it('says when a working feed was checked', () => {
    expect(
      feedStatusText(
        { state: 'ok', checkedAt: new Date(2026, 10, 25, 14, 50).toISOString(), nextCheckAt: now.toISOString() },
        now,
      ),
    ).toBe('Working · checked 10 min ago');
  });

  it("gives the error in the engine's words and the next try", () => {
    const status = {
      state: 'error',
      message: 'the server sent an HTML page, maybe a login page',
      checkedAt: now.toISOString(),
      nextCheckAt: new Date(2026, 10, 25, 15, 30).toISOString(),
    } as const;
    expect(feedStatusText(status, now)).toBe('The server sent an HTML page, maybe a login page. Next try at 15:30.');
  });

  it('says until when a feed is on hold', () => {
    const status = {
      state: 'backing-off',
      message: 'the server asked us to wait',
      checkedAt: now.toISOString(),
      until: new Date(2026, 10, 26, 8, 0).toISOString(),
    } as const;
    expect(feedStatusText(status, now)).toBe('The server asked us to wait. On hold until 08:00 tomorrow.');
    expect(upcomingTime(new Date(2026, 11, 3, 8, 0).toISOString(), now)).toBe('3 Dec 08:00');
  });

  it('says a new feed is not checked yet', () => {
    expect(feedStatusText({ state: 'pending' }, now)).toBe('Not checked yet');
  });
});

describe('notification pause in words', () => {
  const now = new Date(2026, 10, 25, 15, 0);
  it('says notifications are on when not paused, or when the pause has run out', () => {
    expect(pauseText({ pausedUntil: null }, now)).toBe('Notifications on');
    expect(pauseText({ pausedUntil: new Date(2026, 10, 25, 14, 59).toISOString() }, now)).toBe('Notifications on');
  });

  it('says until when: a time today, "08:00 tomorrow", or a date further on', () => {
    expect(pauseText({ pausedUntil: new Date(2026, 10, 25, 16, 0).toISOString() }, now)).toBe(
      'Notifications paused until 16:00',
    );
    expect(pauseText({ pausedUntil: new Date(2026, 10, 26, 8, 0).toISOString() }, now)).toBe(
      'Notifications paused until 08:00 tomorrow',
    );
    expect(pauseText({ pausedUntil: new Date(2026, 11, 3, 8, 0).toISOString() }, now)).toBe(
      'Notifications paused until 3 Dec 08:00',
    );
  });
});

describe('safeImageUrl', () => {
  it('lets only https images through, of a sane length', () => {
    expect(safeImageUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(safeImageUrl('http://cdn.example.com/a.png')).toBeNull();
    expect(safeImageUrl('javascript:alert(1)')).toBeNull();
    expect(safeImageUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(safeImageUrl(`https://cdn.example.com/${'a'.repeat(3000)}`)).toBeNull();
    expect(safeImageUrl('not a url')).toBeNull();
    expect(safeImageUrl(null)).toBeNull();
  });
});

describe('plural', () => {
  it('counts in words', () => {
    expect(plural(1, 'share')).toBe('1 share');
    expect(plural(0, 'share')).toBe('0 shares');
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect(plural(12_000, 'visit')).toBe('12,000 visits');
  });
});
