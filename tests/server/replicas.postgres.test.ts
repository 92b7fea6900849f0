/**
 * Endpoint replicas (`server/cli.ts` processes) on one PostgreSQL database, as behind a load balancer:
 * what several receive at the same moment from many devices is counted once, a replica killed with
 * kill -9 under load loses no acknowledged event, and a job's lease is held by one replica at a time
 * and moves on when its holder stops or dies.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventResults, Summary } from '../../common/protocol.ts';
import type { Db, DbNumber } from '../../server/database.ts';
import { HOUSEKEEPING_JOB } from '../../server/jobs/housekeeping.ts';
import { leaseOf, type Lease } from '../../server/jobs/lease.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { organisationWithDevices, startReplica, type Person, type Replica } from '../helpers/replicas.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { testDatabaseFor } from '../helpers/test-database.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Batch = ReturnType<typeof shareEvent>[];

/** Waits (polling, never sleeping a fixed time) until `check` stops throwing; generous for a busy machine. */
const eventually = <T>(check: () => T | Promise<T>, interval = 20): Promise<T> =>
  vi.waitFor(check, { timeout: 90_000, interval });

async function replicasOn(
  count: number,
  people: readonly Person[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ db: Db; tokens: string[]; replicas: Replica[] }> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const database = await testDatabaseFor(dir.path, 'postgres');
  cleanups.push(database.drop);
  const { db, tokens } = await organisationWithDevices(database.location, people);
  cleanups.push(() => db.destroy());
  const replicas = await Promise.all(Array.from({ length: count }, () => startReplica(database.location, env)));
  for (const replica of replicas) cleanups.push(replica.process.stop);
  return { db, tokens, replicas };
}

const peopleInTwoTeams = (count: number): Person[] =>
  Array.from({ length: count }, (_, index) => ({
    displayName: `Person ${String(index)}`,
    team: index % 2 === 0 ? 'Sales' : 'Support',
  }));

const shareEventCount = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('share_events')
        .select((eb) => eb.fn.countAll<DbNumber>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('replicas on one database', () => {
  it('counts events from many devices exactly once, sent to three replicas at the same moment', async () => {
    const people = peopleInTwoTeams(6);
    const { db, tokens, replicas } = await replicasOn(3, people);
    const at = (index: number): Replica => {
      const replica = replicas[index % replicas.length];
      if (replica === undefined) throw new Error('no replicas');
      return replica;
    };
    /**
     * Sends every batch to its replicas, all at once: one replica must create each event, the others answer duplicate.
     */
    const sendAtOnce = async (sends: readonly { token: string; to: readonly Replica[]; batch: Batch }[]) => {
      const answers = await Promise.all(
        sends.map(({ token, to, batch }) =>
          Promise.all(
            to.map((replica) => apiAs(replica.url, token).post<EventResults>('v1/events', { events: batch })),
          ),
        ),
      );
      sends.forEach(({ to, batch }, send) => {
        const fromEach = answers[send] ?? [];
        expect(fromEach.map((answer) => answer.status)).toEqual(to.map(() => 200));
        batch.forEach((event, index) => {
          const statuses = fromEach.map((answer) => answer.body.results[index]?.status).sort();
          expect(statuses, `event ${event.id}`).toEqual(['created', ...to.slice(1).map(() => 'duplicate')]);
        });
      });
    };
    const statsOf = async (posts: readonly string[]) =>
      (
        await db
          .selectFrom('post_stats')
          .select(['post_key', 'shares', 'people'])
          .where('post_key', 'in', posts)
          .orderBy('post_key')
          .execute()
      ).map((row) => [row.post_key, row.shares, row.people]);
    const postsOf = (label: string): string[] =>
      Array.from({ length: 30 }, (_, index) => `https://blog.example.com/${label}/${String(index)}`).sort();

    const rounds = 3;
    for (let round = 0; round < rounds; round += 1) {
      // Every device's batch to all three replicas at once, all devices at once.
      const everywhere = postsOf(`everywhere-${String(round)}`);
      await sendAtOnce(
        tokens.map((token) => ({
          token,
          to: replicas,
          batch: everywhere.map((postKey) => shareEvent({ postKey, network: 'linkedin' })),
        })),
      );
      expect(await statsOf(everywhere)).toEqual(everywhere.map((postKey) => [postKey, people.length, people.length]));

      // Every person shares new posts on two networks at once, each network's batch through another
      // replica: both find each post not yet shared by that person, so only the lock on the person
      // keeps its people count from counting them twice.
      const split = postsOf(`split-${String(round)}`);
      await sendAtOnce(
        tokens.flatMap((token, device) =>
          (['x', 'mastodon'] as const).map((network, offset) => ({
            token,
            to: [at(device + offset)],
            batch: split.map((postKey) => shareEvent({ postKey, network })),
          })),
        ),
      );
      expect(await statsOf(split)).toEqual(split.map((postKey) => [postKey, people.length * 2, people.length]));
    }

    const perPerson = rounds * 30 * 3;
    const total = perPerson * people.length;
    expect(await shareEventCount(db)).toBe(total);
    const teams = await db
      .selectFrom('weekly_shares')
      .innerJoin('teams', 'teams.id', 'weekly_shares.team_id')
      .select(['teams.name', (eb) => eb.fn.sum<DbNumber>('weekly_shares.shares').as('shares')])
      .groupBy('teams.name')
      .orderBy('teams.name')
      .execute();
    expect(teams.map((row) => [row.name, Number(row.shares)])).toEqual([
      ['Sales', total / 2],
      ['Support', total / 2],
    ]);
    // Whichever replica a device asks, the figures are the same.
    for (const [index, replica] of replicas.entries()) {
      const summary = (await apiAs(replica.url, tokens[index] ?? '').get<Summary>('v1/summary')).body;
      expect(summary.me.shares).toBe(perPerson);
      expect(summary.team?.shares).toBe(total / 2);
      expect(summary.organisation).toMatchObject({ people: people.length, shares: total });
    }
  }, 180_000);

  it('loses no acknowledged event when one replica is killed with kill -9 under load, and the other serves on', async () => {
    const { db, tokens, replicas } = await replicasOn(2, peopleInTwoTeams(4));
    const [a, b] = replicas as [Replica, Replica];
    const sent: { token: string; batch: Batch }[] = [];
    const acknowledged = new Set<string>();
    const failures: unknown[] = [];
    let killed = false;
    let stop = false;
    let inFlightOnA = 0;
    let acknowledgedByBAfterKill = 0;
    let serial = 0;
    // Four devices, two sending to each replica.
    const worker = async (index: number): Promise<void> => {
      const replica = index % 2 === 0 ? a : b;
      const token = tokens[index] ?? '';
      const api = apiAs(replica.url, token);
      while (!stop) {
        const batch: Batch = Array.from({ length: 100 }, () =>
          shareEvent({ postKey: `https://blog.example.com/load/${String((serial += 1))}` }),
        );
        sent.push({ token, batch });
        if (replica === a) inFlightOnA += 1;
        try {
          const answer = await api.post<EventResults>('v1/events', { events: batch });
          if (answer.status !== 200) throw new Error(`answered ${String(answer.status)}`);
          for (const result of answer.body.results) if (result.status !== 'rejected') acknowledged.add(result.id);
          if (killed && replica === b) acknowledgedByBAfterKill += 1;
        } catch (error) {
          // Replica A is gone after the kill; any other failure is a finding.
          if (!(killed && replica === a)) failures.push(error);
          if (replica === a) return;
        } finally {
          if (replica === a) inFlightOnA -= 1;
        }
      }
    };
    const workers = Array.from({ length: 4 }, (_, index) => worker(index));
    const until = (condition: () => boolean): Promise<void> =>
      eventually(() => {
        if (!condition() && failures.length === 0) throw new Error('not yet');
      }, 1);
    // Killed with batches on the wire to it, whenever that moment comes on a busy machine.
    await until(() => acknowledged.size >= 4000 && inFlightOnA > 0);
    killed = true;
    a.process.child.kill('SIGKILL');
    // The survivor keeps acknowledging after the kill.
    await until(() => acknowledgedByBAfterKill >= 10);
    stop = true;
    await Promise.all(workers);
    await a.process.stop();
    expect(failures).toEqual([]);
    expect(a.process.child.signalCode).toBe('SIGKILL');

    const stored = new Set((await db.selectFrom('share_events').select('id').execute()).map((row) => row.id));
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    // The counts were committed with the events: they agree with what is stored.
    const organisationShares = async (): Promise<number> =>
      (await apiAs(b.url, tokens[1] ?? '').get<Summary>('v1/summary')).body.organisation.shares;
    expect(await organisationShares()).toBe(stored.size);

    // Everything sent, again, to the survivor: acknowledged events are duplicates, the rest created once.
    for (const { token, batch } of sent) {
      const { body } = await apiAs(b.url, token).post<EventResults>('v1/events', { events: batch });
      for (const result of body.results) {
        expect(result.status).not.toBe('rejected');
        if (acknowledged.has(result.id)) expect(result.status).toBe('duplicate');
      }
    }
    const total = sent.length * 100;
    expect(await shareEventCount(db)).toBe(total);
    expect(await organisationShares()).toBe(total);
  }, 180_000);

  it('gives the housekeeping lease to one replica at a time, and hands it on when its holder stops or is killed', async () => {
    // Five-second leases: a dead holder's job is taken over within seconds, not the default 40.
    const { db, replicas } = await replicasOn(3, [], { ADVOCATE_LEASE_SECONDS: '5' });
    const holderOf = (lease: Lease): Replica => {
      const holder = replicas.find((replica) => replica.id === lease.holder);
      if (holder === undefined) throw new Error(`held by ${lease.holder}, none of ours`);
      return holder;
    };
    /** The lease once it is held by another than `previous` (or by anyone), and that holder's log says so. */
    const heldAfter = (previous: Lease | null): Promise<Lease> =>
      eventually(async () => {
        const lease = await leaseOf(db, HOUSEKEEPING_JOB);
        if (lease === null || lease.holder === previous?.holder) throw new Error(`still ${String(lease?.holder)}`);
        expect(holderOf(lease).leaseChanges(HOUSEKEEPING_JOB).at(-1)).toEqual({
          held: true,
          generation: lease.generation,
        });
        return lease;
      });
    /** What every log says: each generation of the lease was held by one replica, never by two. */
    const expectOneHolderPerGeneration = (): void => {
      const held = replicas.flatMap((replica) =>
        replica
          .leaseChanges(HOUSEKEEPING_JOB)
          .filter((change) => change.held)
          .map((change) => change.generation),
      );
      expect(held.length).toBeGreaterThan(0);
      expect(new Set(held).size).toBe(held.length);
    };

    const first = await heldAfter(null);
    // The holder renews it, twice over, and keeps it: the lease's end moves, its generation does not.
    let renewals = 0;
    let seenEnd = first.expiresAt;
    await eventually(async () => {
      const lease = await leaseOf(db, HOUSEKEEPING_JOB);
      expect(lease).toMatchObject({ holder: first.holder, generation: first.generation });
      if (lease !== null && lease.expiresAt !== seenEnd) [renewals, seenEnd] = [renewals + 1, lease.expiresAt];
      if (renewals < 2) throw new Error(`${String(renewals)} renewals`);
    });
    for (const replica of replicas)
      if (replica.id !== first.holder) expect(replica.leaseChanges(HOUSEKEEPING_JOB)).toEqual([]);

    // Stopped as systemd stops it: it gives the lease up on its way out, and another takes it.
    const stopped = holderOf(first);
    expect(await stopped.process.stop()).toBe(0);
    expect(stopped.leaseChanges(HOUSEKEEPING_JOB).at(-1)).toEqual({ held: false });
    const second = await heldAfter(first);
    expect(second.generation).toBeGreaterThan(first.generation);

    // Killed: it gives nothing up; the lease runs out and the last replica takes it.
    const killed = holderOf(second);
    killed.process.child.kill('SIGKILL');
    await killed.process.stop();
    const third = await heldAfter(second);
    expect(third.holder).not.toBe(first.holder);
    expect(third.generation).toBeGreaterThan(second.generation);
    expectOneHolderPerGeneration();
  }, 180_000);
});
