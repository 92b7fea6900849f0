/**
 * IT moves the desktops to another endpoint by changing the policy file: within a minute, without a
 * restart, the running core enrolls with the new endpoint and its next shares go there (two real
 * endpoints on 127.0.0.1, a real policy file, the fake clock).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore } from '../../../main/core/app-core.ts';
import { listDevices } from '../../../server/admin/devices.ts';
import { readJsonLayer } from '../../../main/settings/json-policy.ts';
import { EMPTY_LAYER, feedsToPoll } from '../../../main/settings/layers.ts';
import { PRESET_REREAD_MS, watchPresets } from '../../../main/settings/preset-watch.ts';
import { followSettings } from '../../../main/settings/settings-handlers.ts';
import { createSettingsService, memoryStore } from '../../../main/settings/settings-service.ts';
import { enrollmentFromSettings } from '../../../main/sync/enrollment-source.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { startEndpoint } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { SHIP_SMALL, startFeedServer } from '../../helpers/http-server.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function folder(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

async function endpointIn(dir: string) {
  const endpoint = await startEndpoint(dir);
  cleanups.push(async () => {
    await endpoint.close();
    await endpoint.dropDatabase();
  });
  return endpoint;
}

describe('the endpoint URL in policy, changed while the app runs', () => {
  it('enrolls with the new endpoint and sends the next shares there, without a restart', async () => {
    const [first, second] = [await endpointIn(await folder()), await endpointIn(await folder())];
    const feed = await startFeedServer('Example Blog', [
      { ...SHIP_SMALL, published: new Date(Date.now() - 3_600_000) },
    ]);
    cleanups.push(feed.close);
    const desktop = await folder();
    const policyFile = join(desktop, 'policy.json');
    const writePolicy = (endpoint: typeof first): Promise<void> =>
      writeFile(
        policyFile,
        JSON.stringify({
          EndpointUrl: endpoint.url,
          EnrollmentCode: endpoint.enrollmentCode,
          FeedUrls: [feed.feedUrl],
        }),
      );
    await writePolicy(first);
    const read = async () => ({ machine: EMPTY_LAYER, policy: await readJsonLayer(policyFile) });

    const clock = new FakeClock(Date.now());
    const settings = createSettingsService({
      store: memoryStore({ displayName: 'Ada' }),
      storeOrigin: 'test',
      ...(await read()),
      log: quietLog,
    });
    const core = await createAppCore({
      fetch,
      log: quietLog,
      dataDir: join(desktop, 'data'),
      feedUrls: feedsToPoll(settings.values()),
      endpointUrl: settings.values().endpointUrl,
      enrollment: enrollmentFromSettings(settings),
      deviceTokens: memoryTokenStore(),
      clock,
    });
    cleanups.push(() => core.stop());
    followSettings(settings, core.events, core, { feeds: feedsToPoll, endpoint: (values) => values.endpointUrl });
    const watch = watchPresets(await read(), {
      read,
      apply: (layers) => settings.replacePresets(layers),
      clock,
      log: quietLog,
    });
    cleanups.push(() => {
      watch.stop();
      return Promise.resolve();
    });
    await core.start();

    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('the feed gave no post');
    await core.handlers.markShared({ postId: post.id, network: 'linkedin' });
    await vi.waitUntil(async () => (await first.rows()).length === 1, { timeout: 20_000 });
    expect(core.organisationUrls()).toContain(first.url);

    await writePolicy(second);
    clock.advance(PRESET_REREAD_MS);
    await watch.readNow();
    expect(settings.values().endpointUrl).toBe(second.url);
    await vi.waitUntil(async () => (await listDevices(second.db)).length === 1, { timeout: 20_000 });
    await core.handlers.markShared({ postId: post.id, network: 'x' });
    await vi.waitUntil(async () => (await second.rows()).length === 1, { timeout: 20_000 });

    expect((await second.rows()).map((row) => row.network)).toEqual(['x']);
    expect((await first.rows()).map((row) => row.network)).toEqual(['linkedin']);
    expect((await listDevices(second.db)).map((device) => device.displayName)).toEqual(['Ada']);
    // The endpoint stores a share before the desktop reads its answer: wait for the desktop's own account.
    await vi.waitUntil(
      async () => {
        const status = await core.handlers.getSyncStatus();
        return status.state === 'ok' && status.pending === 0;
      },
      { timeout: 20_000 },
    );
    expect(await core.handlers.getSyncStatus()).toMatchObject({ state: 'ok', pending: 0 });
    // Links to the old endpoint are not the organisation's any more; the new one's are.
    expect(core.organisationUrls()).toContain(second.url);
    expect(core.organisationUrls()).not.toContain(first.url);
  });
});
