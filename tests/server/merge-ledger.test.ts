/** The merge counting rule as a pure function: per post and network the newest event of either person decides. */
import { describe, expect, it } from 'vitest';
import type { Network } from '../../common/domain.ts';
import { mergeStates, teamChangeWeeks } from '../../server/shares/merge-ledger.ts';
import type { ShareState } from '../../server/shares/share-ledger.ts';

const state = (personId: number, postKey: string, network: Network, id: string, at: string | null): ShareState => ({
  personId,
  postKey,
  network,
  lastEventId: id,
  shared: at !== null,
  sharedAt: at,
});
const sorted = <T>(rows: readonly T[]): T[] =>
  rows
    .map((row) => JSON.stringify(row))
    .sort()
    .map((row) => JSON.parse(row) as T);
const MONDAY = '2026-11-23T10:00:00.000Z';
const NEXT_MONDAY = '2026-11-30T10:00:00.000Z';

describe('mergeStates', () => {
  it('counts a post both shared on one network once, in the kept person’s team and the week of the newer share', () => {
    const changes = mergeStates({
      keptId: 1,
      keptTeam: 7,
      keptStates: [state(1, 'a', 'x', '01', MONDAY)],
      removedTeam: 8,
      removedStates: [state(2, 'a', 'x', '02', NEXT_MONDAY), state(2, 'a', 'linkedin', '03', MONDAY)],
    });
    expect(changes.sharedByBoth).toBe(1);
    expect(changes.states).toEqual([state(1, 'a', 'x', '02', NEXT_MONDAY), state(1, 'a', 'linkedin', '03', MONDAY)]);
    expect(changes.personShares).toEqual(new Map([[1, 1]]));
    // Before: 3 shares of "a" (x twice, LinkedIn) by 2 people; after: 2 shares (x, LinkedIn) by 1 person.
    expect(changes.posts).toEqual(new Map([['a', { shares: -1, people: -1 }]]));
    // The kept person's Monday share gave way to the newer one of the next week; every share is team 7's now.
    expect(sorted(changes.weeks)).toEqual(
      sorted([
        { week: '2026-11-30', teamId: 7, shares: 1 },
        { week: '2026-11-23', teamId: 8, shares: -1 },
        { week: '2026-11-30', teamId: 8, shares: -1 },
      ]),
    );
  });

  it('keeps the kept person’s newer take-back over an older share of the other', () => {
    const changes = mergeStates({
      keptId: 1,
      keptTeam: 0,
      keptStates: [state(1, 'a', 'x', '09', null)],
      removedTeam: 0,
      removedStates: [state(2, 'a', 'x', '02', MONDAY)],
    });
    expect(changes.states).toEqual([]);
    expect(changes.sharedByBoth).toBe(0);
    expect(changes.personShares).toEqual(new Map());
    expect(changes.posts).toEqual(new Map([['a', { shares: -1, people: -1 }]]));
    expect(changes.weeks).toEqual([{ week: '2026-11-23', teamId: 0, shares: -1 }]);
  });
});

describe('teamChangeWeeks', () => {
  it('moves each standing share from the old team to the new one in its own week, and nothing for a take-back', () => {
    const states = [
      state(1, 'a', 'x', '01', MONDAY),
      state(1, 'b', 'x', '02', NEXT_MONDAY),
      state(1, 'c', 'x', '03', null),
    ];
    expect(teamChangeWeeks(states, 3, 4)).toEqual([
      { week: '2026-11-23', teamId: 4, shares: 1 },
      { week: '2026-11-30', teamId: 4, shares: 1 },
      { week: '2026-11-23', teamId: 3, shares: -1 },
      { week: '2026-11-30', teamId: 3, shares: -1 },
    ]);
    expect(teamChangeWeeks(states, 3, 3)).toEqual([]);
  });
});
