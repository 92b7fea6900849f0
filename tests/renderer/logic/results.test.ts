/** The results view's maths and the guide's real numbers. */
import { describe, expect, it } from 'vitest';
import { whyItMatters } from '../../../renderer/guide/why-it-matters.ts';
import { barHeight, niceMax, weekLabel } from '../../../renderer/results/chart-scale.ts';
import { ownFigures } from '../../../renderer/results/own-figures.ts';
import { feedAddress, withoutLocked } from '../../../renderer/settings/form-change.ts';
import { EMPTY_RESULTS, summary } from '../fake-api.ts';

describe('chart scale', () => {
  it('rounds the top up to 1, 2 or 5 × 10ⁿ', () => {
    expect(niceMax([])).toBe(1);
    expect(niceMax([0, 0])).toBe(1);
    expect(niceMax([3])).toBe(5);
    expect(niceMax([7, 2])).toBe(10);
    expect(niceMax([12])).toBe(20);
    expect(niceMax([20])).toBe(20);
    expect(niceMax([430])).toBe(500);
  });

  it('scales bars, showing any non-zero week', () => {
    expect(barHeight(5, 10, 40)).toBe(20);
    expect(barHeight(0, 10, 40)).toBe(0);
    expect(barHeight(1, 10_000, 40)).toBe(1);
    expect(barHeight(50, 10, 40)).toBe(40);
  });

  it('labels a week by its Monday', () => {
    expect(weekLabel('2026-11-23')).toBe('23 Nov');
  });
});

describe('ownFigures', () => {
  it("uses the desktop's journal alone without an endpoint, with no clicks", () => {
    const local = { ...EMPTY_RESULTS.local, sharesThisWeek: 2, sharesThisMonth: 3, streakWeeks: 1 };
    expect(ownFigures({ local, summary: null })).toEqual({ ...local, clicks: null });
  });

  it("takes the larger figure: a fresh share counts at once, other desktops' shares are not hidden", () => {
    const remote = summary();
    const local = {
      sharesThisWeek: 3,
      sharesThisMonth: 1,
      streakWeeks: 0,
      weekly: remote.me.weekly.map((week, index) => ({ ...week, shares: index === 8 ? 3 : 0 })),
    };
    const figures = ownFigures({ local, summary: remote });
    expect(figures).toMatchObject({ sharesThisWeek: 3, sharesThisMonth: 5, streakWeeks: 4, clicks: 42 });
    expect(figures.weekly.map((week) => week.shares)).toEqual([0, 0, 1, 0, 1, 1, 1, 1, 3]);
  });

  it('keeps nine weeks when the journal and the summary straddle a Monday', () => {
    const remote = summary({}, new Date('2026-11-22T12:00:00Z'));
    const local = { ...EMPTY_RESULTS.local, weekly: summary({}, new Date('2026-11-23T12:00:00Z')).me.weekly };
    const weeks = ownFigures({ local, summary: remote }).weekly.map((week) => week.week);
    expect(weeks).toHaveLength(9);
    expect(weeks.at(-1)).toBe('2026-11-23');
  });
});

describe('whyItMatters', () => {
  it("gives the team's and everyone's real numbers and the person's clicks", () => {
    const lines = whyItMatters({ ...EMPTY_RESULTS, summary: summary() });
    expect(lines[1]).toBe(
      'In the last two months your team shared posts 30 times, and everyone at your organisation 160 times. 7 of those shares were yours.',
    );
    expect(lines[2]).toBe('Your own links brought 42 visits to the blog.');
  });

  it("falls back to the person's own month without an endpoint", () => {
    expect(whyItMatters({ ...EMPTY_RESULTS, local: { ...EMPTY_RESULTS.local, sharesThisMonth: 2 } })).toHaveLength(2);
    expect(whyItMatters(EMPTY_RESULTS)).toHaveLength(1);
  });
});

describe('settings forms', () => {
  it('never sends a key policy locks', () => {
    expect(withoutLocked({ displayName: 'Ada', team: 'R' }, { team: 'set by your organisation' })).toEqual({
      displayName: 'Ada',
    });
  });

  it('reads a bare host as https, keeps any scheme typed', () => {
    expect(feedAddress(' blog.example.com ')).toBe('https://blog.example.com');
    expect(feedAddress('http://blog.example.com/feed')).toBe('http://blog.example.com/feed');
  });
});
