/** The standing-count rules: the newest event per person, post and network decides, whatever the arrival order. */
import { describe, expect, it } from 'vitest';
import type { Network } from '../../common/domain.ts';
import { applyEvents, type LedgerEvent, type ShareState } from '../../server/shares/share-ledger.ts';
import { streakWeeks } from '../../server/summary/build-summary.ts';
import { recentWeeks, weekOf } from '../../common/weeks.ts';

/** Applies events in the given batches, carrying states and summing counters like the database does. */
function replay(batches: readonly (readonly LedgerEvent[])[]) {
  const states = new Map<string, ShareState>();
  const people = new Map<number, number>();
  const posts = new Map<string, { shares: number; people: number }>();
  const weeks = new Map<string, number>();
  for (const batch of batches) {
    const changes = applyEvents([...states.values()], batch, (personId) => personId % 2);
    for (const state of changes.states)
      states.set(`${String(state.personId)} ${state.postKey} ${state.network}`, state);
    for (const [id, delta] of changes.personShares) people.set(id, (people.get(id) ?? 0) + delta);
    for (const [key, delta] of changes.posts) {
      const old = posts.get(key) ?? { shares: 0, people: 0 };
      posts.set(key, { shares: old.shares + delta.shares, people: old.people + delta.people });
    }
    for (const { week, teamId, shares } of changes.weeks)
      weeks.set(`${week} ${String(teamId)}`, (weeks.get(`${week} ${String(teamId)}`) ?? 0) + shares);
  }
  const nonZero = <K, V>(map: Map<K, V>, zero: (value: V) => boolean) =>
    new Map([...map].filter(([, value]) => !zero(value)));
  return {
    people: nonZero(people, (value) => value === 0),
    posts: nonZero(posts, (value) => value.shares === 0 && value.people === 0),
    weeks: nonZero(weeks, (value) => value === 0),
  };
}

let sequence = 0;
function event(
  personId: number,
  postKey: string,
  network: Network,
  type: 'shared' | 'unshared',
  day: number,
): LedgerEvent {
  sequence += 1;
  const at = new Date(Date.UTC(2025, 0, day, 12));
  // Ids in creation order, as UUIDv7 are.
  return {
    id: `0000${String(day).padStart(4, '0')}-${String(sequence).padStart(6, '0')}`,
    personId,
    postKey,
    network,
    type,
    at: at.toISOString(),
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('applyEvents', () => {
  it('counts a share once, a take-back undoes it, and sharing again counts it in the new week', () => {
    const result = replay([
      [event(1, 'p', 'x', 'shared', 1)],
      [event(1, 'p', 'x', 'unshared', 2)],
      [event(1, 'p', 'x', 'shared', 9)],
    ]);
    expect(result.people).toEqual(new Map([[1, 1]]));
    expect(result.posts).toEqual(new Map([['p', { shares: 1, people: 1 }]]));
    expect(result.weeks).toEqual(new Map([[`${weekOf('2025-01-09T12:00:00Z')} 1`, 1]]));
  });

  it('counts a person once per post however many networks they used, and drops them when all are taken back', () => {
    const a = event(2, 'p', 'x', 'shared', 1);
    const b = event(2, 'p', 'linkedin', 'shared', 1);
    expect(replay([[a, b]]).posts).toEqual(new Map([['p', { shares: 2, people: 1 }]]));
    const undone = replay([[a, b], [event(2, 'p', 'x', 'unshared', 2)], [event(2, 'p', 'linkedin', 'unshared', 2)]]);
    expect(undone.posts).toEqual(new Map());
    expect(undone.people).toEqual(new Map());
  });

  it('ignores an older event that arrives after a newer one (a late duplicate share or take-back)', () => {
    const share = event(3, 'p', 'x', 'shared', 1);
    const undo = event(3, 'p', 'x', 'unshared', 2);
    expect(replay([[undo], [share]])).toEqual(replay([[share], [undo]]));
    expect(replay([[undo], [share]]).people).toEqual(new Map());
  });

  it('ends with the same counts for any arrival order and any batching of the same events', () => {
    const events: LedgerEvent[] = [];
    for (let i = 0; i < 300; i += 1) {
      const person = 1 + (i % 7);
      const post = `https://blog.example.com/${String(i % 5)}`;
      const network = (['x', 'linkedin', 'bluesky'] as const)[i % 3] ?? 'x';
      events.push(event(person, post, network, i % 4 === 3 ? 'unshared' : 'shared', 1 + (i % 40)));
    }
    const expected = replay([events]);
    expect(expected.people.size).toBeGreaterThan(0);
    for (const seed of [1, 2, 3, 4, 5]) {
      const order = shuffled(events, seed);
      const batches: LedgerEvent[][] = [];
      for (let start = 0; start < order.length; start += 1 + seed * 7)
        batches.push(order.slice(start, start + 1 + seed * 7));
      expect(replay(batches)).toEqual(expected);
    }
  });
});

describe('streakWeeks', () => {
  const now = new Date('2025-03-19T10:00:00Z');
  const [w1, w2, w3, w4] = recentWeeks(now, 4).reverse() as [string, string, string, string];

  it('counts back from this week, or from last week while this one has no share yet', () => {
    expect(streakWeeks(new Set([w1, w2, w3]), now)).toBe(3);
    expect(streakWeeks(new Set([w2, w3]), now)).toBe(2);
    expect(streakWeeks(new Set([w1, w3, w4]), now)).toBe(1);
    expect(streakWeeks(new Set([w3]), now)).toBe(0);
  });
});
