/**
 * PostgreSQL going away under a running endpoint and coming back (a throwaway cluster of this test's
 * own, stopped and started on its port): while it is away, calls are answered 503 with Retry-After
 * and words saying nothing is lost, and /healthz takes the endpoint out of rotation; once it is back,
 * serving resumes without a restart, the batch refused meanwhile is counted, and what was acknowledged
 * before is a duplicate.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventResults, Summary } from '../../common/protocol.ts';
import { buildServer } from '../../server/app.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { findPostgresBinaries, startCluster } from '../helpers/postgres-cluster.ts';
import { TEST_POST_HOSTS } from '../helpers/post-hosts.ts';
import { organisationWithDevices } from '../helpers/replicas.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const batchOf = (label: string) =>
  Array.from({ length: 20 }, (_, index) =>
    shareEvent({ postKey: `https://blog.example.com/${label}/${String(index)}` }),
  );

describe('the database going away while the endpoint serves', () => {
  it('answers 503 with Retry-After while it is away, and counts everything once it is back', async () => {
    const bin = findPostgresBinaries();
    if (bin === null) throw new Error('This test stops and starts a PostgreSQL of its own: apt-get install postgresql');
    const cluster = await startCluster(bin);
    cleanups.push(cluster.remove);
    const { db, tokens } = await organisationWithDevices(cluster.url, [{ displayName: 'Ada', team: 'Sales' }]);
    cleanups.push(() => db.destroy());
    const app = await buildServer({ db, postHosts: TEST_POST_HOSTS });
    cleanups.push(() => app.close());
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/`;
    const device = apiAs(url, tokens[0] ?? '');
    const health = () => apiAs(url, null).get<{ ok: boolean; message?: string }>('healthz');

    const before = batchOf('before');
    expect((await device.post<EventResults>('v1/events', { events: before })).status).toBe(200);

    await cluster.stop();
    const during = batchOf('during');
    const refused = await device.post<{ message: string }>('v1/events', { events: during });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body.message).toBe(
      'the endpoint cannot reach its database right now; nothing is lost, try again in 5 seconds',
    );
    expect((await device.get('v1/summary')).status).toBe(503);
    const down = await health();
    expect([down.status, down.body]).toEqual([503, { ok: false, message: 'the endpoint cannot reach its database' }]);
    expect(down.headers.get('retry-after')).toBe('5');

    await cluster.start();
    // The pool connects afresh by itself: no restart of the endpoint.
    await vi.waitFor(async () => expect((await health()).status).toBe(200), { timeout: 60_000, interval: 100 });
    const resent = await device.post<EventResults>('v1/events', { events: during });
    expect(resent.body.results.map((result) => result.status)).toEqual(during.map(() => 'created'));
    const again = await device.post<EventResults>('v1/events', { events: before });
    expect(again.body.results.map((result) => result.status)).toEqual(before.map(() => 'duplicate'));
    expect((await device.get<Summary>('v1/summary')).body.me.shares).toBe(before.length + during.length);
  }, 120_000);
});
