/** The pure text rules the window shows feed content and times with. */
import { describe, expect, it } from 'vitest';
import { displayLink, displayText } from '../../../renderer/text/display-text.ts';
import { feedStatusText } from '../../../renderer/text/feed-status.ts';
import { pauseText } from '../../../renderer/text/pause-text.ts';
import { plural } from '../../../common/plural.ts';
import { relativeTime, upcomingTime } from '../../../renderer/text/relative-time.ts';
import { safeImageUrl } from '../../../renderer/text/safe-image-url.ts';

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
  const now = new Date(2026, 10, 25, 15, 0);
  const ago = (ms: number): string => new Date(now.getTime() - ms).toISOString();
  it.each([
    [ago(20_000), 'just now'],
    [ago(5 * 60_000), '5 min ago'],
    [ago(3 * 3600_000), '3 h ago'],
    [new Date(2026, 10, 24, 9, 0).toISOString(), 'yesterday'],
    [new Date(2026, 10, 21, 9, 0).toISOString(), '4 days ago'],
    [new Date(2026, 2, 12, 9, 0).toISOString(), '12 Mar'],
    [new Date(2025, 2, 12, 9, 0).toISOString(), '12 Mar 2025'],
    [new Date(now.getTime() + 3600_000).toISOString(), 'just now'],
  ])('%s reads "%s"', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
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
