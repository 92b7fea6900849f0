/**
 * Issue 16, hole 4, from the desktop: an enrollment whose answer never arrives (the connection cut) is
 * tried again with the same enrollment id, so the endpoint gives the same person and device back. What
 * must hold: one person, one device, one use of the code, and the queued share counted once. The app
 * killed with SIGKILL before it kept the token: killed-before-flush.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpFetch } from '../../../main/core/ports.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { openSyncDesktop } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const endpoint = freshEndpointPerTest();

async function enrolledOnce() {
  const people = await endpoint.db.selectFrom('people').select('display_name').execute();
  const devices = await endpoint.db.selectFrom('devices').select('id').execute();
  const uses = await endpoint.db.selectFrom('enrollment_codes').select('uses').execute();
  return { people: people.length, devices: devices.length, uses: uses.map((row) => row.uses) };
}

describe('enrollment whose answer is lost', () => {
  it('a connection cut after the endpoint enrolled: the retry is the same person, and the share goes once', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    let cut = 0;
    // The request reaches the endpoint; its answer is lost on the way back, as on a cut connection.
    const cutting: HttpFetch = async (input, init) => {
      const response = await fetch(input, init);
      if (input.endsWith('/v1/enroll') && cut === 0) {
        cut += 1;
        await response.arrayBuffer();
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      }
      return response;
    };
    const tokens = memoryTokenStore();
    const desktop = await openSyncDesktop({
      url: endpoint.url,
      dataDir: dir.path,
      fetch: cutting,
      tokens,
      enrollment: {
        current: () => ({ code: endpoint.enrollmentCode, displayName: 'Ada', team: 'Research' }),
        onChange: () => () => undefined,
      },
    });
    cleanups.push(() => desktop.stop());
    await desktop.sync.start();
    await desktop.share();
    expect(cut).toBe(1);
    expect(desktop.sync.status()).toMatchObject({ state: 'waiting', problem: 'unreachable', pending: 1 });
    expect(await enrolledOnce()).toEqual({ people: 1, devices: 1, uses: [1] });

    await desktop.sync.syncNow();
    expect(desktop.sync.status()).toMatchObject({ state: 'ok', pending: 0 });
    expect(await enrolledOnce()).toEqual({ people: 1, devices: 1, uses: [1] });
    expect(await endpoint.rows()).toHaveLength(1);
    expect(await tokens.load()).toMatch(/^\S{43}$/);
  });
});
