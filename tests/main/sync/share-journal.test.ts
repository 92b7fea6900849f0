/** The share journal: what a crash mid-write leaves behind must never lose or invent a share. */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShareEvent } from '../../../common/domain.ts';
import { uuidv7 } from '../../../common/uuid.ts';
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
});
