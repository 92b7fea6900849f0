/**
 * What a set of new share events changes in the standing counts. Per person, post and network, the
 * event with the highest id (UUIDv7: the newest click) decides whether it stands shared, so the result
 * does not depend on the order events arrive in, and a late take-back undoes exactly one share.
 * Pure: the database code loads the current states, applies this, and writes the changes.
 */
import type { Network, ShareEventType } from '../../common/domain.ts';
import { weekOf } from '../../common/weeks.ts';

export interface ShareState {
  readonly personId: number;
  readonly postKey: string;
  readonly network: Network;
  readonly lastEventId: string;
  readonly shared: boolean;
  readonly sharedAt: string | null;
}

export interface LedgerEvent {
  readonly id: string;
  readonly personId: number;
  readonly type: ShareEventType;
  readonly postKey: string;
  readonly network: Network;
  readonly at: string;
}

export interface LedgerChanges {
  /** States to write (new or changed). */
  readonly states: ShareState[];
  /** Person id → change in standing shares. */
  readonly personShares: Map<number, number>;
  /** Post → change in standing shares and in people who have it shared on some network. */
  readonly posts: Map<string, { shares: number; people: number }>;
  /** Week and team (0: no team) → change in shares made that week. */
  readonly weeks: { week: string; teamId: number; shares: number }[];
}

const personPostKey = (personId: number, postKey: string): string => `${String(personId)}\u0000${postKey}`;

function add<K>(map: Map<K, number>, key: K, delta: number): void {
  map.set(key, (map.get(key) ?? 0) + delta);
}

export function applyEvents(
  current: readonly ShareState[],
  events: readonly LedgerEvent[],
  teamOf: (personId: number) => number,
): LedgerChanges {
  // Person and post → network → state: everything the rules below look up.
  const states = new Map<string, Map<Network, ShareState>>();
  const statesOf = (personId: number, postKey: string): Map<Network, ShareState> => {
    const key = personPostKey(personId, postKey);
    let networks = states.get(key);
    if (!networks) {
      networks = new Map();
      states.set(key, networks);
    }
    return networks;
  };
  for (const state of current) statesOf(state.personId, state.postKey).set(state.network, state);

  const hasShared = (networks: Map<Network, ShareState>): boolean =>
    [...networks.values()].some((state) => state.shared);
  const sharedBefore = new Map<string, boolean>();
  for (const event of events) {
    const key = personPostKey(event.personId, event.postKey);
    if (!sharedBefore.has(key)) sharedBefore.set(key, hasShared(statesOf(event.personId, event.postKey)));
  }
  const changed = new Map<string, ShareState>();
  const personShares = new Map<number, number>();
  const postShares = new Map<string, number>();
  const weekShares = new Map<string, number>();

  const count = (state: ShareState, sign: 1 | -1): void => {
    if (!state.shared || state.sharedAt === null) return;
    add(personShares, state.personId, sign);
    add(postShares, state.postKey, sign);
    add(weekShares, `${weekOf(state.sharedAt)} ${String(teamOf(state.personId))}`, sign);
  };

  for (const event of events) {
    const networks = statesOf(event.personId, event.postKey);
    const old = networks.get(event.network);
    if (old && old.lastEventId >= event.id) continue;
    const next: ShareState = {
      personId: event.personId,
      postKey: event.postKey,
      network: event.network,
      lastEventId: event.id,
      shared: event.type === 'shared',
      // In UTC, so stored times compare correctly as text whatever offset the desktop sent.
      sharedAt: event.type === 'shared' ? new Date(event.at).toISOString() : null,
    };
    if (old) count(old, -1);
    count(next, 1);
    networks.set(event.network, next);
    changed.set(`${personPostKey(event.personId, event.postKey)}\u0000${event.network}`, next);
  }

  const posts = new Map<string, { shares: number; people: number }>();
  for (const [postKey, shares] of postShares) posts.set(postKey, { shares, people: 0 });
  for (const [key, before] of sharedBefore) {
    const networks = states.get(key);
    const delta = Number(networks !== undefined && hasShared(networks)) - Number(before);
    if (delta === 0) continue;
    const postKey = key.slice(key.indexOf('\u0000') + 1);
    posts.set(postKey, { shares: posts.get(postKey)?.shares ?? 0, people: (posts.get(postKey)?.people ?? 0) + delta });
  }

  return {
    states: [...changed.values()],
    personShares: new Map([...personShares].filter(([, delta]) => delta !== 0)),
    posts: new Map([...posts].filter(([, delta]) => delta.shares !== 0 || delta.people !== 0)),
    weeks: [...weekShares]
      .filter(([, delta]) => delta !== 0)
      .map(([key, shares]) => {
        const [week = '', teamId = '0'] = key.split(' ');
        return { week, teamId: Number(teamId), shares };
      }),
  };
}
