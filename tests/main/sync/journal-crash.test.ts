/**
 * The journal killed with SIGKILL (a real process) while it records, acknowledges and compacts: every
 * share it confirmed is there after a restart, every acknowledgement it confirmed holds, nothing is
 * invented, and what a killed compaction left behind is cleaned up.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShareJournal } from '../../../main/sync/share-journal.ts';
import { startTsx } from '../../helpers/spawn-command.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const confirmed = (output: string, word: string): string[] =>
  [...output.matchAll(new RegExp(`^${word} (\\S+)$`, 'gm'))].map((match) => match[1] ?? '');

describe('share journal under SIGKILL', () => {
  it(
    'keeps every confirmed share and acknowledgement through kills in the middle of writes and compactions',
    { timeout: 60_000 },
    async () => {
      let compactions = 0;
      for (let run = 0; run < 4; run += 1) {
        const dir = await makeTempDir();
        cleanups.push(dir.remove);
        const path = join(dir.path, 'shares.jsonl');
        const writer = await startTsx('tests/main/sync/journal-writer.ts', [path], /writing/);
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 400));
        writer.child.kill('SIGKILL');
        await writer.stop();
        const recorded = confirmed(writer.output(), 'recorded');
        const acked = new Set(confirmed(writer.output(), 'acked'));
        expect(recorded.length).toBeGreaterThan(30);
        const linesLeft = (await readFile(path, 'utf8')).split('\n').filter(Boolean).length;
        if (linesLeft < recorded.length + acked.size) compactions += 1;

        const journal = await ShareJournal.open(path);
        const ids = new Set(journal.events().map((event) => event.id));
        const pending = new Set(journal.pending().map((event) => event.id));
        // Confirmed: present. Confirmed acknowledged: out of the outbox. At most the one write in flight beyond that.
        expect(recorded.filter((id) => !ids.has(id))).toEqual([]);
        expect([...acked].filter((id) => pending.has(id))).toEqual([]);
        expect(ids.size - recorded.length).toBeLessThanOrEqual(1);
        await journal.close();
        expect((await readdir(dir.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      }
      // The kills landed after compactions had run (the file is shorter than what was written).
      expect(compactions).toBeGreaterThan(0);
    },
  );
});
