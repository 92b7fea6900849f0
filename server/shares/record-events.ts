/**
 * Stores share events and keeps the standing counts in step, inside the caller's transaction.
 * Insert-or-ignore on the client's UUIDv7 makes a retry a "duplicate"; an id that comes back with
 * different content is "rejected" rather than silently taken for the first one.
 *
 * Several replicas may write at once: the submitters' people rows are locked first, so the states read
 * below cannot change before the counts derived from them are written, and every multi-row write goes
 * in key order, so two transactions never wait on each other crosswise.
 */
import type { Transaction } from 'kysely';
import type { ShareEvent } from '../../common/domain.ts';
import type { EventResult } from '../../common/protocol.ts';
import type { Database } from '../database.ts';
import { compareKeys, lockRows } from '../dialect.ts';
import { rejectionReason } from './event-checks.ts';
import { UNKNOWN_POST, unknownPostClaims } from './known-posts.ts';
import { applyEvents, type LedgerChanges, type LedgerEvent, type ShareState } from './share-ledger.ts';

/**
 * The person a device token named when the request came in was merged into another before its events
 * were written (admin/merge-people.ts): nothing is stored, and the device sends them again (the
 * endpoint answers 503 with Retry-After), this time as the person kept.
 */
export class SubmitterMergedError extends Error {
  constructor() {
    super('the person of this device was merged into another one just now; nothing was stored, send it again');
  }
}

export interface Submitter {
  readonly personId: number;
  readonly teamId: number | null;
}

export interface Submission {
  readonly submitter: Submitter;
  readonly events: readonly ShareEvent[];
}

/** Rows per multi-row statement: well under SQLite's limit on bound parameters. */
const ROWS_PER_STATEMENT = 400;

function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

type StoredEvent = Pick<
  Database['share_events'],
  'id' | 'person_id' | 'type' | 'post_key' | 'network' | 'at' | 'variant'
>;

const sameEvent = (stored: StoredEvent, personId: number, event: ShareEvent): boolean =>
  stored.person_id === personId &&
  stored.type === event.type &&
  stored.post_key === event.postKey &&
  stored.network === event.network &&
  stored.at === event.at &&
  stored.variant === (event.variant ?? null);

export async function recordSubmissions(
  trx: Transaction<Database>,
  submissions: readonly Submission[],
  now: Date,
  options: { readonly allowOutsidePosts?: boolean } = {},
): Promise<EventResult[][]> {
  const receivedAt = now.toISOString();
  const results: EventResult[][] = submissions.map((submission) =>
    submission.events.map((event) => ({ id: event.id, status: 'rejected' })),
  );
  const answer = (at: { submission: number; index: number }, result: EventResult): void => {
    const batch = results[at.submission];
    if (batch) batch[at.index] = result;
  };
  const checked: { submission: number; index: number; personId: number; event: ShareEvent }[] = [];
  submissions.forEach(({ submitter, events }, submission) => {
    events.forEach((event, index) => {
      const reason = rejectionReason(event, now);
      if (reason === null) checked.push({ submission, index, personId: submitter.personId, event });
      else answer({ submission, index }, { id: event.id, status: 'rejected', reason });
    });
  });
  const unknown = await unknownPostClaims(
    trx,
    checked.map(({ personId, event }) => ({ personId, postKey: event.postKey, type: event.type })),
    options.allowOutsidePosts ?? false,
  );
  const candidates = checked.filter((candidate, position) => {
    if (!unknown.has(position)) return true;
    answer(candidate, { id: candidate.event.id, status: 'rejected', reason: UNKNOWN_POST });
    return false;
  });
  if (candidates.length === 0) return results;
  const submitters = [...new Set(candidates.map(({ personId }) => personId))];
  await lockRows(trx, 'people', submitters);
  const present = await trx.selectFrom('people').select('id').where('id', 'in', submitters).execute();
  if (present.length < submitters.length) throw new SubmitterMergedError();

  const inserted = new Set<string>();
  const byId = [...candidates].sort((a, b) => compareKeys(a.event.id, b.event.id));
  for (const chunk of chunks(byId)) {
    const rows = await trx
      .insertInto('share_events')
      .values(
        chunk.map(({ personId, event }) => ({
          id: event.id,
          person_id: personId,
          type: event.type,
          post_key: event.postKey,
          network: event.network,
          at: event.at,
          received_at: receivedAt,
          variant: event.variant ?? null,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .execute();
    for (const row of rows) inserted.add(row.id);
  }

  // The first occurrence of an inserted id created it; every other one is compared with what is stored.
  const created: LedgerEvent[] = [];
  const others: typeof candidates = [];
  for (const candidate of candidates) {
    if (inserted.delete(candidate.event.id)) {
      answer(candidate, { id: candidate.event.id, status: 'created' });
      created.push({ ...candidate.event, personId: candidate.personId });
    } else {
      others.push(candidate);
    }
  }
  if (others.length > 0) {
    const stored = new Map<string, StoredEvent>();
    for (const chunk of chunks([...new Set(others.map(({ event }) => event.id))])) {
      const rows = await trx
        .selectFrom('share_events')
        .select(['id', 'person_id', 'type', 'post_key', 'network', 'at', 'variant'])
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows) stored.set(row.id, row);
    }
    for (const candidate of others) {
      const { personId, event } = candidate;
      const row = stored.get(event.id);
      answer(
        candidate,
        row && sameEvent(row, personId, event)
          ? { id: event.id, status: 'duplicate' }
          : { id: event.id, status: 'rejected', reason: 'this id was already used for a different event' },
      );
    }
  }
  if (created.length > 0) await updateCounts(trx, submissions, created, receivedAt);
  return results;
}

const toShareState = (row: Database['share_states']): ShareState => ({
  personId: row.person_id,
  postKey: row.post_key,
  network: row.network,
  lastEventId: row.last_event_id,
  shared: row.shared === 1,
  sharedAt: row.shared_at,
});

/** Every state of one person: what a merge or a team change works on. */
export async function personStates(trx: Transaction<Database>, personId: number): Promise<ShareState[]> {
  return (await trx.selectFrom('share_states').selectAll().where('person_id', '=', personId).execute()).map(
    toShareState,
  );
}

async function loadStates(trx: Transaction<Database>, events: readonly LedgerEvent[]): Promise<ShareState[]> {
  // Exactly the (person, post) pairs touched: a plain IN on each column would match every pairing.
  const pairs = new Map(
    events.map((event) => [`${String(event.personId)} ${event.postKey}`, [event.personId, event.postKey] as const]),
  );
  const states: ShareState[] = [];
  for (const chunk of chunks([...pairs.values()])) {
    const rows = await trx
      .selectFrom('share_states')
      .selectAll()
      .where((eb) =>
        eb(
          eb.refTuple('person_id', 'post_key'),
          'in',
          chunk.map(([personId, postKey]) => eb.tuple(personId, postKey)),
        ),
      )
      .execute();
    states.push(...rows.map(toShareState));
  }
  return states;
}

async function updateCounts(
  trx: Transaction<Database>,
  submissions: readonly Submission[],
  created: readonly LedgerEvent[],
  receivedAt: string,
): Promise<void> {
  const teams = new Map(submissions.map(({ submitter }) => [submitter.personId, submitter.teamId ?? 0]));
  const changes = applyEvents(await loadStates(trx, created), created, (personId) => teams.get(personId) ?? 0);
  await writeLedgerChanges(trx, changes, receivedAt);
}

/**
 * Writes what the ledger worked out: states, then the counts raised or lowered in place, each in key
 * order. `seenAt` is the first-seen time of a post that had no counts yet.
 */
export async function writeLedgerChanges(
  trx: Transaction<Database>,
  changes: LedgerChanges,
  seenAt: string,
): Promise<void> {
  const states = [...changes.states].sort(
    (a, b) => a.personId - b.personId || compareKeys(a.postKey, b.postKey) || compareKeys(a.network, b.network),
  );
  for (const chunk of chunks(states)) {
    await trx
      .insertInto('share_states')
      .values(
        chunk.map((state) => ({
          person_id: state.personId,
          post_key: state.postKey,
          network: state.network,
          last_event_id: state.lastEventId,
          shared: state.shared ? 1 : 0,
          shared_at: state.sharedAt,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['person_id', 'post_key', 'network']).doUpdateSet((eb) => ({
          last_event_id: eb.ref('excluded.last_event_id'),
          shared: eb.ref('excluded.shared'),
          shared_at: eb.ref('excluded.shared_at'),
        })),
      )
      .execute();
  }
  for (const [personId, delta] of [...changes.personShares].sort(([a], [b]) => a - b)) {
    await trx
      .updateTable('people')
      .set((eb) => ({ shares: eb('shares', '+', delta) }))
      .where('id', '=', personId)
      .execute();
  }
  for (const chunk of chunks([...changes.posts].sort(([a], [b]) => compareKeys(a, b)))) {
    await trx
      .insertInto('post_stats')
      .values(
        chunk.map(([postKey, delta]) => ({
          post_key: postKey,
          shares: delta.shares,
          people: delta.people,
          clicks: 0,
          first_seen_at: seenAt,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('post_key').doUpdateSet((eb) => ({
          shares: eb('post_stats.shares', '+', eb.ref('excluded.shares')),
          people: eb('post_stats.people', '+', eb.ref('excluded.people')),
        })),
      )
      .execute();
  }
  const weeks = [...changes.weeks].sort((a, b) => compareKeys(a.week, b.week) || a.teamId - b.teamId);
  for (const chunk of chunks(weeks)) {
    await trx
      .insertInto('weekly_shares')
      .values(chunk.map(({ week, teamId, shares }) => ({ week, team_id: teamId, shares })))
      .onConflict((conflict) =>
        conflict
          .columns(['week', 'team_id'])
          .doUpdateSet((eb) => ({ shares: eb('weekly_shares.shares', '+', eb.ref('excluded.shares')) })),
      )
      .execute();
  }
}
