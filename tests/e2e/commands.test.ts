/**
 * The commands a newcomer runs (`npm run preview`, `npm run server`), as separate processes: they start
 * with no setup, answer at the address they print, stop cleanly, and refuse a bad flag clearly.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcAnswer } from '../../common/ipc/contract.ts';
import type { PostView } from '../../common/domain.ts';
import { runTsx, startTsx } from '../helpers/spawn-command.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('npm run preview', () => {
  it('serves the window with the bridge, and the built-in sample feed when no feed is configured', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const preview = await startTsx('main/preview/cli.ts', ['--port', '0', '--data', dir.path], /Advocate preview: (\S+)/);
    cleanups.push(preview.stop);
    const html = await (await fetch(preview.captured)).text();
    expect(html).toContain('<script src="/preview-bridge.js"></script>');
    const answer = (await (
      await fetch(new URL('ipc/listPosts', preview.captured), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })
    ).json()) as IpcAnswer<PostView[]>;
    expect(answer.ok && answer.value.length).toBe(3);
    expect(await preview.stop()).toBe(0);
  });

  it('refuses a port that is not a number, saying which flag is wrong', async () => {
    const result = await runTsx('main/preview/cli.ts', ['--port', 'abc']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('--port must be a whole number');
  });
});

describe('npm run server', () => {
  it('starts on an embedded SQLite file with no other setup and answers /healthz', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const server = await startTsx('server/cli.ts', ['--port', '0', '--db', join(dir.path, 'endpoint.sqlite')], /Advocate endpoint: (\S+)/);
    cleanups.push(server.stop);
    const response = await fetch(new URL('healthz', server.captured));
    expect(await response.json()).toEqual({ ok: true });
    expect(await server.stop()).toBe(0);
  });
});
