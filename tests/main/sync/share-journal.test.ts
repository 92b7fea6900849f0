/**
 * The share journal and its outbox: what a crash mid-write leaves behind must never lose or invent a
 * share, a refused share leaves the outbox but not the figures, and compaction changes neither.
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShareEvent } from '../../../common/domain.ts';
import { uuidv7 } from '../../../common/uuid.ts';
import { localResults } from '../../../main/sync/local-results.ts';
import { ShareJournal } from '../../../main/sync/share-journal.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => dir.remove());

const event = (network: ShareEvent['network'] = 'linkedin'): ShareEvent => ({
  id: uuidv7(),
  type: 'shared',
  postKey: 'https://blog.example.com/a',
  network,
  at: new Date().toISOString(),
});

describe('ShareJournal', () => {
  it('keeps events pending until acknowledged, across a reopen', async () => {
    const path = join(dir.path, 'shares.jsonl');
    const journal = await ShareJournal.open(path);
    const [a, b] = [event(), event('x')];
    await journal.record(a);
    await journal.record(b);
    await journal.acknowledge([a.id]);
    await journal.close();

    const reopened = await ShareJournal.open(path);
    expect(reopened.events()).toEqual([a, b]);
    expect(reopened.pending()).toEqual([b]);
    await reopened.close();
  });

  it('ignores a line torn by a crash mid-write and keeps every complete record, old and new', async () => {
    const path = join(dir.path, 'shares.jsonl');
    const journal = await ShareJournal.open(path);
    const kept = event();
    await journal.record(kept);
    await journal.close();
    await appendFile(path, '{"kind":"event","event":{"id":"torn');

    const reopened = await ShareJournal.open(path);
    expect(reopened.pending()).toEqual([kept]);
    const later = event('bluesky');
    await reopened.record(later);
    await reopened.close();

    const third = await ShareJournal.open(path);
    expect(third.pending()).toEqual([kept, later]);
    await third.close();
    expect((await readFile(path, 'utf8')).split('\n').filter((line) => line.startsWith('{"kind"'))).toHaveLength(3);
  });

  it('writes concurrent records as whole lines, none lost', async () => {
    const path = join(dir.path, 'shares.jsonl');
    const journal = await ShareJournal.open(path);
    const events = Array.from({ length: 50 }, () => event());
    await Promise.all(events.map((one) => journal.record(one)));
    await journal.close();
    const reopened = await ShareJournal.open(path);
    expect(reopened.pending()).toHaveLength(50);
    await reopened.close();
  });
  it('sets a refused event aside: out of the outbox, still in the figures, with its reason, across a reopen', async () => {
    const path = join(dir.path, 'shares.jsonl');
    const journal = await ShareJournal.open(path);
    const [refused, kept] = [event(), event('x')];
    await journal.record(refused);
    await journal.record(kept);
    await journal.reject([{ id: refused.id, reason: '"at" is more than a day in the future' }]);
    // A verdict on an event already settled changes nothing.
    await journal.acknowledge([refused.id]);
    await journal.close();

    const reopened = await ShareJournal.open(path);
    expect(reopened.pending()).toEqual([kept]);
    expect(reopened.pendingCount()).toBe(1);
    expect(reopened.events()).toEqual([refused, kept]);
    expect(reopened.rejected()).toEqual([{ event: refused, reason: '"at" is more than a day in the future' }]);
    await reopened.close();
  });

  it('compacts: fewer lines, the same outbox, the same figures, the same state after a reopen', async () => {
    const path = join(dir.path, 'shares.jsonl');
    const journal = await ShareJournal.open(path, { compactAtLines: 40 });
    const now = new Date('2026-03-04T12:00:00.000Z');
    // Ten posts shared, taken back and shared again on LinkedIn, all acknowledged; then five more still pending.
    let minute = 0;
    const at = (): string => new Date(Date.parse('2026-03-02T09:00:00.000Z') + (minute += 1) * 60_000).toISOString();
    for (let round = 0; round < 3; round += 1) {
      for (let post = 0; post < 10; post += 1) {
        const one: ShareEvent = {
          id: uuidv7(),
          type: round === 1 ? 'unshared' : 'shared',
          postKey: `https://blog.example.com/${String(post)}`,
          network: 'linkedin',
          at: at(),
        };
        await journal.record(one);
        await journal.acknowledge([one.id]);
      }
    }
    const refused = { ...event('x'), at: at() };
    await journal.record(refused);
    await journal.reject([{ id: refused.id, reason: 'refused' }]);
    const pending = Array.from({ length: 5 }, () => ({ ...event('bluesky'), at: at() }));
    for (const one of pending) await journal.record(one);
    const figures = localResults(journal.events(), now);

    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    // 60 + 2 + 5 records written; compaction keeps 10 decisive events, 1 refused and 5 pending (+ verdict lines).
    expect(lines.length).toBeLessThan(40);
    expect(journal.pending()).toEqual(pending);
    expect(journal.rejected()).toEqual([{ event: refused, reason: 'refused' }]);
    expect(localResults(journal.events(), now)).toEqual(figures);
    // Ten posts on LinkedIn, post a on X (refused by the endpoint, still the person's act) and on Bluesky.
    expect(figures.sharesThisWeek).toBe(12);
    await journal.close();

    const reopened = await ShareJournal.open(path, { compactAtLines: 40 });
    expect(reopened.pending()).toEqual(pending);
    expect(reopened.rejected()).toEqual([{ event: refused, reason: 'refused' }]);
    expect(localResults(reopened.events(), now)).toEqual(figures);
    await reopened.close();
  });

  it('ignores and removes what a compaction killed half-way left beside the journal', async () => {
    const path = join(dir.path, 'shares.jsonl');
    const journal = await ShareJournal.open(path);
    const kept = event();
    await journal.record(kept);
    await journal.close();
    // A crash between writing the compacted copy and renaming it over the journal.
    await writeFile(`${path}.4242-1.tmp`, '{"kind":"event","event":{"id":"half');

    const reopened = await ShareJournal.open(path);
    expect(reopened.pending()).toEqual([kept]);
    await reopened.close();
    expect(await readdir(dir.path)).toEqual(['shares.jsonl']);
  });
});
