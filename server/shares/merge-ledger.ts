/**
 * What merging two people (the same human enrolled twice) changes in the standing counts. The rule:
 * per post and network the two people's states become one, and the newest event of either decides it,
 * as it would have if one person had made every click. So a post both shared on the same network counts
 * once; shared on different networks it counts once per network, as for anyone. Pure: the database code
 * loads both people's states, applies this, and writes the changes as it writes those of new events.
 */
import type { Network } from '../../common/domain.ts';
import { weekOf } from '../../common/weeks.ts';
import type { LedgerChanges, ShareState } from './share-ledger.ts';

export interface MergeInput {
  readonly keptId: number;
  /** The kept person's team (0: none): after the merge every standing share is theirs. */
  readonly keptTeam: number;
  readonly keptStates: readonly ShareState[];
  readonly removedTeam: number;
  readonly removedStates: readonly ShareState[];
}

export interface MergeChanges extends LedgerChanges {
  /** Post and network pairs both people stood shared on: counted twice before, once after. */
  readonly sharedByBoth: number;
}

const weekRows = (delta: Map<string, number>): LedgerChanges['weeks'] =>
  [...delta].map(([key, shares]) => {
    const [week = '', teamId = '0'] = key.split(' ');
    return { week, teamId: Number(teamId), shares };
  });

const stateKey = (postKey: string, network: Network): string => `${postKey}\u0000${network}`;

interface Tally {
  shares: number;
  posts: Map<string, number>;
  weeks: Map<string, number>;
}

/** Standing shares of these states, per post and per week under one team. */
function tally(states: Iterable<ShareState>, team: number): Tally {
  const result: Tally = { shares: 0, posts: new Map(), weeks: new Map() };
  for (const state of states) {
    if (!state.shared || state.sharedAt === null) continue;
    result.shares += 1;
    result.posts.set(state.postKey, (result.posts.get(state.postKey) ?? 0) + 1);
    const week = `${weekOf(state.sharedAt)} ${String(team)}`;
    result.weeks.set(week, (result.weeks.get(week) ?? 0) + 1);
  }
  return result;
}

function difference(after: Map<string, number>, ...before: Map<string, number>[]): Map<string, number> {
  const delta = new Map(after);
  for (const map of before) for (const [key, n] of map) delta.set(key, (delta.get(key) ?? 0) - n);
  return new Map([...delta].filter(([, n]) => n !== 0));
}

const peopleOn = (posts: Map<string, number>): Map<string, number> =>
  new Map([...posts.keys()].map((postKey) => [postKey, 1]));

export function mergeStates(input: MergeInput): MergeChanges {
  const merged = new Map<string, ShareState>();
  for (const state of input.keptStates) merged.set(stateKey(state.postKey, state.network), state);
  const written: ShareState[] = [];
  let sharedByBoth = 0;
  for (const state of input.removedStates) {
    const key = stateKey(state.postKey, state.network);
    const kept = merged.get(key);
    if (kept?.shared && state.shared) sharedByBoth += 1;
    if (kept && kept.lastEventId >= state.lastEventId) continue;
    const moved = { ...state, personId: input.keptId };
    merged.set(key, moved);
    written.push(moved);
  }

  const keptBefore = tally(input.keptStates, input.keptTeam);
  const removedBefore = tally(input.removedStates, input.removedTeam);
  const after = tally(merged.values(), input.keptTeam);
  const shareDelta = difference(after.posts, keptBefore.posts, removedBefore.posts);
  const peopleDelta = difference(peopleOn(after.posts), peopleOn(keptBefore.posts), peopleOn(removedBefore.posts));
  const posts = new Map<string, { shares: number; people: number }>();
  for (const postKey of new Set([...shareDelta.keys(), ...peopleDelta.keys()]))
    posts.set(postKey, { shares: shareDelta.get(postKey) ?? 0, people: peopleDelta.get(postKey) ?? 0 });
  const personDelta = after.shares - keptBefore.shares;

  return {
    states: written,
    personShares: new Map(personDelta === 0 ? [] : [[input.keptId, personDelta]]),
    posts,
    weeks: weekRows(difference(after.weeks, keptBefore.weeks, removedBefore.weeks)),
    sharedByBoth,
  };
}

/** A person's standing shares move from one team's weeks to another's when they change team. */
export function teamChangeWeeks(
  states: readonly ShareState[],
  fromTeam: number,
  toTeam: number,
): LedgerChanges['weeks'] {
  if (fromTeam === toTeam) return [];
  return weekRows(difference(tally(states, toTeam).weeks, tally(states, fromTeam).weeks));
}
