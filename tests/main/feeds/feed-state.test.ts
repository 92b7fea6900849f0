/**
 * Per-feed state on disk: it round-trips, a crash in the middle of a write (a real process killed with
 * SIGKILL) leaves the old or the new state and never a broken one, and a damaged file is set aside.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedStateStore, newFeedState } from '../../../main/feeds/feed-state.ts';
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
