/**
 * A desktop killed with SIGKILL (a real process) right after Mark shared was written to its journal:
 * once before the flush sent it, once after the endpoint stored it but before the acknowledgement was
 * written, and once after the endpoint enrolled it but before it kept the token (issue 16, hole 4).
 * Started again, it sends the share, the endpoint has it exactly once, and from one person.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore } from '../../../main/core/app-core.ts';
import { plainFileTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { startEndpoint } from '../../helpers/endpoint.ts';
import { startFeedServer } from '../../helpers/http-server.ts';
import { startTsx } from '../../helpers/spawn-command.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a desktop killed between Mark shared and the end of the flush', () => {
  const killedWhen = {
    'before-send': 'before the batch left',
    'after-send': 'before the acknowledgement was written',
    'after-enroll': 'after the endpoint enrolled it, before the token was kept: it enrolls again as the same person',
  } as const;
  for (const mode of ['before-send', 'after-send', 'after-enroll'] as const) {
    it(
      `sends the share exactly once after it starts again (killed ${killedWhen[mode]})`,
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

        const child = await startTsx(
          'tests/main/sync/share-then-die.ts',
          [dataDir, feed.feedUrl, endpoint.url, endpoint.enrollmentCode, mode],
          /ready to die (\S+)/,
        );
        child.child.kill('SIGKILL');
        await child.stop();
        expect(await endpoint.rows()).toHaveLength(mode === 'after-send' ? 1 : 0);
        const people = () => endpoint.db.selectFrom('people').select('id').execute();
        expect(await people()).toHaveLength(1);

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
          deviceTokens: plainFileTokenStore(join(dataDir, 'device-token.txt')),
        });
        cleanups.push(() => core.stop());
        expect(await core.handlers.getSyncStatus()).toMatchObject({ pending: 1 });
        await core.start();
        await vi.waitUntil(async () => (await core.handlers.getSyncStatus()).state === 'ok');
        expect(await core.handlers.getSyncStatus()).toMatchObject({ state: 'ok', pending: 0 });
        expect(await endpoint.rows()).toEqual([
          expect.objectContaining({ type: 'shared', post_key: child.captured, network: 'linkedin' }),
        ]);
        expect(await people()).toHaveLength(1);
        const codes = await endpoint.db.selectFrom('enrollment_codes').select('uses').execute();
        expect(codes).toEqual([{ uses: 1 }]);
      },
    );
  }
});
