/**
 * Per-feed state on disk: it round-trips, a crash in the middle of a write (a real process killed with
 * SIGKILL) leaves the old or the new state and never a broken one, and a damaged file is set aside.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newFeedState } from '../../../feeds/index.ts';
import { FeedStateStore } from '../../../main/feeds/feed-state-store.ts';
import { startTsx } from '../../helpers/spawn-command.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

describe('feed state store', () => {
  it('saves and loads a state as it was', async () => {
    const dataDir = await tempDir();
    const state = {
      ...newFeedState('https://blog.example.com/feed', 1000, 1_800_000),
      etag: 'W/"1"',
      seen: { abc: 5 },
    };
    await new FeedStateStore(dataDir).save('f1', state);
    const loaded = await new FeedStateStore(dataDir).loadAll();
    expect(loaded).toEqual({ states: new Map([['f1', state]]), problems: [] });
  });

  it('reads a file as the desktop wrote it before the engine moved to feeds/, so nothing seen is announced again', async () => {
    const dataDir = await tempDir();
    const written = {
      version: 1,
      url: 'https://blog.example.com/feed',
      fetchUrl: 'https://blog.example.com/feed.xml',
      title: 'Blog',
      etag: 'W/"5f3c"',
      lastModified: null,
      bodyHash: 'ab'.repeat(32),
      ttlMinutes: null,
      intervalMs: 1_800_000,
      failures: 0,
      lastError: null,
      checkedAt: 1_772_442_000_000,
      nextPollAt: 1_772_443_800_000,
      holdUntil: null,
      firstPollDone: true,
      seen: { '0123456789abcdef': 1_772_442_000_000 },
      items: [
        {
          id: 'urn:post:a',
          link: 'https://blog.example.com/a',
          title: 'Post a',
          pitch: 'About a.',
          imageUrl: null,
          publishedAt: '2026-03-02T08:00:00.000Z',
          messages: { linkedin: 'Read this.' },
          hashtags: ['blog'],
          embargoUntil: null,
        },
      ],
    };
    await mkdir(join(dataDir, 'feeds'));
    await writeFile(join(dataDir, 'feeds', 'f1.json'), JSON.stringify(written));
    expect(await new FeedStateStore(dataDir).loadAll()).toEqual({ states: new Map([['f1', written]]), problems: [] });
  });

  it(
    'survives being killed mid-write: the file holds the old or the new state, whole',
    { timeout: 30_000 },
    async () => {
      for (let run = 0; run < 3; run += 1) {
        const dataDir = await tempDir();
        const writer = await startTsx('tests/main/feeds/state-writer.ts', [dataDir], /writing/);
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
        writer.child.kill('SIGKILL');
        await writer.stop();
        const { states, problems } = await new FeedStateStore(dataDir).loadAll();
        expect(problems).toEqual([]);
        expect(['A', 'B']).toContain(states.get('feed')?.title);
        expect(states.get('feed')?.items).toHaveLength(400);
        // What the killed write left behind is cleaned up on load.
        expect((await readdir(join(dataDir, 'feeds'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      }
    },
  );

  it('sets a damaged or foreign file aside and loads the others', async () => {
    const dataDir = await tempDir();
    const store = new FeedStateStore(dataDir);
    await store.save('good', newFeedState('https://blog.example.com/feed', 0, 1_800_000));
    await writeFile(join(dataDir, 'feeds', 'broken.json'), '{"version":1,"url":');
    await writeFile(join(dataDir, 'feeds', 'future.json'), JSON.stringify({ version: 2 }));
    const { states, problems } = await new FeedStateStore(dataDir).loadAll();
    expect([...states.keys()]).toEqual(['good']);
    expect([...problems].sort()).toEqual([
      'broken.json: not a feed state this version can read; starting that feed afresh',
      'future.json: not a feed state this version can read; starting that feed afresh',
    ]);
    expect((await readdir(join(dataDir, 'feeds'))).sort()).toEqual([
      'broken.json.unreadable',
      'future.json.unreadable',
      'good.json',
    ]);
  });
});
