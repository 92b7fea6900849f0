/**
 * Crash safety: the endpoint (as its own process, `server/cli.ts`) is killed with SIGKILL while devices
 * send batches. After a restart every acknowledged event is stored exactly once, the counts agree with
 * the events, and resending everything acknowledged is answered "duplicate".
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventResults, Summary } from '../../common/protocol.ts';
import { enroll } from '../../server/admin/enroll.ts';
import { ensureOrganisation } from '../../server/admin/organisation.ts';
import { openDatabase, type DbNumber } from '../../server/database.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { UNLIMITED } from '../helpers/replicas.ts';
import { startTsx, type RunningCommand } from '../helpers/spawn-command.ts';
import { TEST_POST_HOSTS_ENV } from '../helpers/post-hosts.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { testDatabaseFor } from '../helpers/test-database.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(dbPath: string): Promise<RunningCommand> {
  const server = await startTsx('server/cli.ts', ['--port', '0', '--db', dbPath], /Advocate endpoint: (\S+)/, 30_000, {
    ...UNLIMITED,
    ...TEST_POST_HOSTS_ENV,
  });
  cleanups.push(server.stop);
  return server;
}

type Batch = ReturnType<typeof shareEvent>[];

describe('kill -9 during a load of batched events', () => {
  it('keeps every acknowledged event exactly once, with counts that agree', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const database = await testDatabaseFor(dir.path);
    cleanups.push(database.drop);
    const dbPath = database.location;
    const setup = await openDatabase(dbPath);
    const first = await ensureOrganisation(setup);
    const enrolled = await enroll(setup, { code: first?.enrollmentCode ?? '', displayName: 'Load' });
    await setup.destroy();
    if (!enrolled.ok) throw new Error(enrolled.reason);
    const token = enrolled.answer.token;

    const server = await startServer(dbPath);
    const device = apiAs(server.captured, token);
    const sent: Batch[] = [];
    const acknowledged = new Set<string>();
    let stop = false;
    let killed = false;
    let inFlight = 0;
    const failures: unknown[] = [];
    let serial = 0;
    const worker = async (): Promise<void> => {
      while (!stop) {
        // Each event its own post, so the standing shares must equal the stored events.
        const batch: Batch = Array.from({ length: 100 }, () =>
          shareEvent({ postKey: `https://blog.example.com/load/${String((serial += 1))}` }),
        );
        sent.push(batch);
        inFlight += 1;
        try {
          const answer = await device.post<EventResults>('v1/events', { events: batch });
          if (answer.status === 200)
            for (const result of answer.body.results) if (result.status !== 'rejected') acknowledged.add(result.id);
        } catch (error) {
          // After the kill the server is gone; before it, a failed request is a finding.
          if (!killed) failures.push(error);
          return;
        } finally {
          inFlight -= 1;
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    // Killed with batches on the wire, whenever that moment comes on a busy machine.
    while ((acknowledged.size < 3000 || inFlight === 0) && failures.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 1));
    killed = true;
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await server.stop();
    expect(failures).toEqual([]);
    expect(server.child.signalCode).toBe('SIGKILL');
    // Batches were still in flight when it died (sent, never answered).
    expect(sent.length * 100).toBeGreaterThan(acknowledged.size);

    const again = await startServer(dbPath);
    const stored = await openDatabase(dbPath);
    cleanups.push(() => stored.destroy());
    const ids = (await stored.selectFrom('share_events').select('id').execute()).map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const storedIds = new Set(ids);
    const missing = [...acknowledged].filter((id) => !storedIds.has(id));
    expect(missing).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(3000);

    // The counts were committed with the events: they agree after the crash.
    const restarted = apiAs(again.captured, token);
    expect((await restarted.get<Summary>('v1/summary')).body.me.shares).toBe(ids.length);

    // Resending every batch: acknowledged events are duplicates; the rest are created now, once.
    for (const batch of sent) {
      const { body } = await restarted.post<EventResults>('v1/events', { events: batch });
      for (const result of body.results) {
        expect(result.status).not.toBe('rejected');
        if (acknowledged.has(result.id)) expect(result.status).toBe('duplicate');
      }
    }
    const total = sent.reduce((sum, batch) => sum + batch.length, 0);
    expect(
      await stored
        .selectFrom('share_events')
        .select((eb) => eb.fn.countAll<DbNumber>().as('n'))
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.n)),
    ).toBe(total);
    expect((await restarted.get<Summary>('v1/summary')).body.me.shares).toBe(total);
  }, 120_000);
});
