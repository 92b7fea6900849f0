/** The person's results from the local journal: standing shares only, weeks from Monday, streaks. */
import { describe, expect, it } from 'vitest';
import type { ShareEvent } from '../../../common/domain.ts';
import { localResults } from '../../../main/sync/local-results.ts';

let next = 0;
const event = (at: string, overrides: Partial<ShareEvent> = {}): ShareEvent => ({
  id: `id-${String((next += 1))}`,
  type: 'shared',
  postKey: 'https://blog.example.com/a',
  network: 'linkedin',
  at,
  ...overrides,
});

// Wednesday 25 November 2026; that week's Monday is the 23rd.
const now = new Date('2026-11-25T12:00:00.000Z');

describe('localResults', () => {
  it('counts standing shares this week and month, and ignores a share taken back', () => {
    const results = localResults(
      [
        event('2026-11-23T08:00:00.000Z'),
        event('2026-11-24T08:00:00.000Z', { network: 'x' }),
        event('2026-11-24T09:00:00.000Z', { network: 'x', type: 'unshared' }),
        event('2026-11-02T08:00:00.000Z', { postKey: 'https://blog.example.com/b' }),
        event('2026-10-30T08:00:00.000Z', { postKey: 'https://blog.example.com/c' }),
      ],
      now,
    );
    expect(results).toMatchObject({ sharesThisWeek: 1, sharesThisMonth: 2 });
    expect(results.weekly).toHaveLength(9);
    expect(results.weekly.at(-1)).toEqual({ week: '2026-11-23', shares: 1 });
  });

  it('decides by the newest event whatever the order they are listed in', () => {
    const events = [event('2026-11-24T10:00:00.000Z', { type: 'unshared' }), event('2026-11-24T09:00:00.000Z')];
    expect(localResults(events, now).sharesThisWeek).toBe(0);
  });

  it('counts a streak of weeks up to last week when this week has no share yet', () => {
    const events = [
      event('2026-11-17T08:00:00.000Z', { postKey: 'https://blog.example.com/1' }),
      event('2026-11-10T08:00:00.000Z', { postKey: 'https://blog.example.com/2' }),
      event('2026-10-20T08:00:00.000Z', { postKey: 'https://blog.example.com/3' }),
    ];
    expect(localResults(events, now).streakWeeks).toBe(2);
  });

  it('has nothing to count for a new person', () => {
    expect(localResults([], now)).toMatchObject({ sharesThisWeek: 0, sharesThisMonth: 0, streakWeeks: 0 });
  });
});
