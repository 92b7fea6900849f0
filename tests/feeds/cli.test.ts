/**
 * `npm run feeds -- check` as IT runs it, as a separate process: a feed prints as JSON with exit code 0,
 * an unreadable one prints its error in plain words with exit code 1, a wrong call prints the usage.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFeedServer, startLocalServer } from '../helpers/http-server.ts';
import { runTsx } from '../helpers/spawn-command.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CLI = 'feeds/cli.ts';

describe('npm run feeds -- check', () => {
  it('prints a feed at an address as normalized JSON', async () => {
    const feed = await startFeedServer('Example Blog', [
      {
        title: 'Ship fast & often',
        link: 'https://blog.example.com/ship',
        description: '<p>We ship daily now. Here is how.</p>',
        published: new Date('2026-03-01T10:00:00Z'),
      },
    ]);
    cleanups.push(feed.close);
    const result = await runTsx(CLI, ['check', feed.feedUrl]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.output)).toEqual({
      url: feed.feedUrl,
      discoveredFrom: null,
      format: 'RSS 2.0',
      encoding: 'utf-8 (valid utf-8)',
      title: 'Example Blog',
      warnings: [],
      items: [
        {
          id: 'https://blog.example.com/ship',
          link: 'https://blog.example.com/ship',
          title: 'Ship fast & often',
          pitch: 'We ship daily now.',
          image: null,
          published: '2026-03-01T10:00:00.000Z',
        },
      ],
    });
  });

  it('reads a file too, and fails with the reason and exit code 1 when it is not a feed', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const good = join(dir.path, 'feed.json');
    await writeFile(
      good,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [{ id: '1', url: 'https://blog.example.com/1', title: 'One' }],
      }),
    );
    const ok = await runTsx(CLI, ['check', good]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.output)).toMatchObject({
      format: 'JSON Feed 1.1',
      title: 'J',
      items: [{ id: '1', title: 'One' }],
    });
    const bad = join(dir.path, 'page.html');
    await writeFile(bad, '<html><body>Login</body></html>');
    expect(await runTsx(CLI, ['check', bad])).toEqual({
      code: 1,
      output: 'error: the server sent an HTML page, maybe a login page, not a feed\n',
    });
  });

  it('fails with exit code 1 on an HTTP error, and 2 with the usage on a wrong call', async () => {
    const server = await startLocalServer((_request, response) => response.writeHead(503).end());
    cleanups.push(server.close);
    expect(await runTsx(CLI, ['check', server.url])).toEqual({
      code: 1,
      output: 'error: the server is unavailable for now (503)\n',
    });
    const usage = await runTsx(CLI, ['fetch']);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('usage: npm run feeds -- check <http(s) address or file>');
  });
});
