/**
 * Issue 16, hole 4, from the desktop: an enrollment whose answer never arrives (the connection cut,
 * the app killed with SIGKILL before it kept the token) is tried again with the same enrollment id,
 * so the endpoint gives the same person and device back. What must hold: one person, one device, one
 * use of the code, and the queued share counted once.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore } from '../../../main/core/app-core.ts';
import type { HttpFetch } from '../../../main/core/ports.ts';
import { memoryTokenStore, plainFileTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { freshEndpointPerTest, startEndpoint, type TestEndpoint } from '../../helpers/endpoint.ts';
import { startFeedServer } from '../../helpers/http-server.ts';
import { startTsx } from '../../helpers/spawn-command.ts';
import { openSyncDesktop, quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function enrolledOnce(endpoint: TestEndpoint) {
  const people = await endpoint.db.selectFrom('people').select('display_name').execute();
  const devices = await endpoint.db.selectFrom('devices').select('id').execute();
  const uses = await endpoint.db.selectFrom('enrollment_codes').select('uses').execute();
  return { people: people.length, devices: devices.length, uses: uses.map((row) => row.uses) };
}

describe('enrollment whose answer is lost', () => {
  const endpoint = freshEndpointPerTest();

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
    expect(await enrolledOnce(endpoint)).toEqual({ people: 1, devices: 1, uses: [1] });

    await desktop.sync.syncNow();
    expect(desktop.sync.status()).toMatchObject({ state: 'ok', pending: 0 });
    expect(await enrolledOnce(endpoint)).toEqual({ people: 1, devices: 1, uses: [1] });
    expect(await endpoint.rows()).toHaveLength(1);
    expect(await tokens.load()).toMatch(/^\S{43}$/);
  });
});

describe('a desktop killed between the enrollment and keeping its token', () => {
  it(
    'enrolls again after the restart as the same person, and its queued share is counted once',
    { timeout: 30_000 },
    async () => {
      const dir = await makeTempDir();
      cleanups.push(dir.remove);
      const feed = await startFeedServer('Example Blog', [
        {
          title: 'One',
          link: 'https://blog.example.com/one',
          description: '<p>One.</p>',
          published: new Date(Date.now() - 3_600_000),
        },
      ]);
      cleanups.push(feed.close);
      const endpoint = await startEndpoint(dir.path);
      cleanups.push(endpoint.close);
      const dataDir = join(dir.path, 'desktop');
      const tokenFile = join(dataDir, 'device-token.txt');

      const child = await startTsx(
        'tests/main/sync/share-then-die.ts',
        [dataDir, feed.feedUrl, endpoint.url, endpoint.enrollmentCode, 'after-enroll'],
        /ready to die (\S+)/,
      );
      child.child.kill('SIGKILL');
      await child.stop();
      expect(await enrolledOnce(endpoint)).toEqual({ people: 1, devices: 1, uses: [1] });
      expect(await plainFileTokenStore(tokenFile).load()).toBeNull();

      const core = await createAppCore({
        fetch,
        log: quietLog,
        dataDir,
        feedUrls: [feed.feedUrl],
        endpointUrl: endpoint.url,
        enrollment: {
          current: () => ({ code: endpoint.enrollmentCode, displayName: 'Killed', team: '' }),
          onChange: () => () => undefined,
        },
        deviceTokens: plainFileTokenStore(tokenFile),
      });
      cleanups.push(() => core.stop());
      await core.start();
      await vi.waitUntil(async () => (await core.handlers.getSyncStatus()).state === 'ok');
      expect(await core.handlers.getSyncStatus()).toMatchObject({ state: 'ok', pending: 0 });
      expect(await enrolledOnce(endpoint)).toEqual({ people: 1, devices: 1, uses: [1] });
      expect(await endpoint.rows()).toEqual([
        expect.objectContaining({ post_key: child.captured, network: 'linkedin' }),
      ]);
    },
  );
});
