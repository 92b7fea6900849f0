/**
 * Every counted sentence of the window with 0, 1, 2 and many, and with the person among the sharers:
 * the person is "you", never their own colleague, and the words agree with the numbers.
 */
import { describe, expect, it } from 'vitest';
import { formatCount, plural, pluralWord } from '../../../common/plural.ts';
import {
  groupText,
  postSharersText,
  rankText,
  recentSharingText,
  timesText,
  whoShared,
} from '../../../renderer/text/counts.ts';
import { summary } from '../fake-api.ts';

describe('plural (Intl.PluralRules)', () => {
  it('chooses the form by the language rule for 0, 1, 2 and many, with grouped digits', () => {
    expect([0, 1, 2, 12_000].map((count) => plural(count, 'share'))).toEqual([
      '0 shares',
      '1 share',
      '2 shares',
      '12,000 shares',
    ]);
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect([1, 2].map((count) => pluralWord(count, 'was', 'were'))).toEqual(['was', 'were']);
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('whoShared', () => {
  it('names the person "you" when among the sharers, and counts only the others as colleagues', () => {
    expect([0, 1, 2, 30].map((people) => whoShared(people, false))).toEqual([
      '0 colleagues',
      '1 colleague',
      '2 colleagues',
      '30 colleagues',
    ]);
    expect([1, 2, 3, 30].map((people) => whoShared(people, true))).toEqual([
      'you',
      'you and 1 colleague',
      'you and 2 colleagues',
      'you and 29 colleagues',
    ]);
  });

  it('never goes below "you" when the figures lag behind a share just made', () => {
    expect(whoShared(0, true)).toBe('you');
  });
});

describe('postSharersText', () => {
  it('counts colleagues who shared a post the person has not shared: 0, 1, 2, many', () => {
    expect(postSharersText(0, 0, false)).toBe('No one has shared it yet. Be the first.');
    expect(postSharersText(1, 1, false)).toBe('Shared by 1 colleague');
    expect(postSharersText(2, 3, false)).toBe('Shared by 2 colleagues');
    expect(postSharersText(40, 90, false)).toBe('Shared by 40 colleagues');
  });

  it('says "you" when the only sharer is the person, and "you and N colleagues" when others shared too', () => {
    expect(postSharersText(1, 1, true)).toBe('Shared by you');
    expect(postSharersText(2, 2, true)).toBe('Shared by you and 1 colleague');
    expect(postSharersText(3, 4, true)).toBe('Shared by you and 2 colleagues');
    expect(postSharersText(40, 90, true)).toBe('Shared by you and 39 colleagues');
  });

  it('says "you" at once after a share the endpoint has not counted yet', () => {
    expect(postSharersText(0, 0, true)).toBe('Shared by you');
  });

  it('falls back to the share count when the endpoint gave no people, and says nothing without an endpoint', () => {
    expect(postSharersText(null, 0, false)).toBe('No one has shared it yet. Be the first.');
    expect(postSharersText(null, 1, false)).toBe('Shared once at your organisation');
    expect(postSharersText(null, 3, false)).toBe('Shared 3 times at your organisation');
    expect(postSharersText(null, null, false)).toBeNull();
    expect(postSharersText(null, null, true)).toBeNull();
  });
});

describe('groupText', () => {
  it('counts the shares and the people who made them, the person named as "you"', () => {
    expect(groupText({ shares: 0, people: 0 }, false)).toBe('no shares yet');
    expect(groupText({ shares: 1, people: 1 }, false)).toBe('1 share by 1 colleague');
    expect(groupText({ shares: 1, people: 1 }, true)).toBe('1 share by you');
    expect(groupText({ shares: 2, people: 2 }, true)).toBe('2 shares by you and 1 colleague');
    expect(groupText({ shares: 4, people: 3 }, false)).toBe('4 shares by 3 colleagues');
    expect(groupText({ shares: 4_000, people: 300 }, true)).toBe('4,000 shares by you and 299 colleagues');
  });
});

describe('timesText', () => {
  it('reads once, 2 times, many times', () => {
    expect([0, 1, 2, 1500].map(timesText)).toEqual(['0 times', 'once', '2 times', '1,500 times']);
  });
});

describe('recentSharingText (the guide)', () => {
  const weeks = (...shares: number[]) =>
    shares.map((count, index) => ({ week: `2026-11-0${String(index + 1)}`, shares: count }));
  const figures = (me: number[], team: number[] | null, everyone: number[]) => {
    const base = summary();
    return {
      me: { ...base.me, weekly: weeks(...me) },
      team: team === null ? null : { name: 'Research', people: 1, shares: 1, weekly: weeks(...team) },
      organisation: { people: 1, shares: 1, weekly: weeks(...everyone) },
    };
  };

  it('says nobody shared when no one did', () => {
    expect(recentSharingText(figures([0], [0], [0]))).toBe(
      'Nobody at your organisation has shared a post in the last two months: yours can be the first.',
    );
  });

  it('when the only share was the person’s own: once, and that share was theirs', () => {
    expect(recentSharingText(figures([1], [1], [1]))).toBe(
      'In the last two months your team shared posts once, and everyone at your organisation once. That share was yours.',
    );
  });

  it('when all the shares were the person’s own', () => {
    expect(recentSharingText(figures([2], [2], [2]))).toBe(
      'In the last two months your team shared posts 2 times, and everyone at your organisation 2 times. All of them were yours.',
    );
  });

  it('with others sharing too: 1 of them, then many', () => {
    expect(recentSharingText(figures([1], [1, 1], [1, 2]))).toBe(
      'In the last two months your team shared posts 2 times, and everyone at your organisation 3 times. 1 of those shares was yours.',
    );
    expect(recentSharingText(figures([2, 3], [10], [70, 90]))).toBe(
      'In the last two months your team shared posts 10 times, and everyone at your organisation 160 times. 5 of those shares were yours.',
    );
  });

  it('without a team, and without a share of the person’s own', () => {
    expect(recentSharingText(figures([0], null, [2]))).toBe(
      'In the last two months people at your organisation shared posts 2 times.',
    );
  });
});

describe('rankText', () => {
  it('agrees in number', () => {
    expect(rankText(12, 0)).toBe('Your rank: 12, with 0 shares.');
    expect(rankText(3, 1)).toBe('Your rank: 3, with 1 share.');
    expect(rankText(2, 2)).toBe('Your rank: 2, with 2 shares.');
  });
});
