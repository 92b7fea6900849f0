/**
 * The local share archive on real files: shares kept across a restart, a torn last line (a crash
 * mid-append) skipped on read and stepped over by the next append without losing anything else, shares
 * past the policy's days dropped, and the CSV and JSON exports.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveFileText, type ArchivedShare } from '../../../common/archive.ts';
import { ShareArchive } from '../../../main/compliance/share-archive.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-11-25T15:00:00.000Z');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const share = (id: string, daysAgo: number, text = `Message ${id}`): ArchivedShare => ({
  id,
  at: new Date(NOW - daysAgo * DAY_MS).toISOString(),
  network: 'linkedin',
  postKey: 'https://blog.example.com/ship-small',
  title: 'Ship small',
  link: 'https://advocate.example.com/r/abc',
  text,
  kitVersion: 'derived',
});

async function archiveIn(keepDays = 365): Promise<{ path: string; open: () => Promise<ShareArchive> }> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const path = join(dir.path, 'archive.jsonl');
  return {
    path,
    open: async () => {
      const archive = await ShareArchive.open(path, { keepDays: () => keepDays, now: () => NOW });
      cleanups.push(() => archive.close());
      return archive;
    },
  };
}

describe('the share archive', () => {
  it('keeps every share, in order, across a restart', async () => {
    const { open } = await archiveIn();
    const first = await open();
    await Promise.all([first.append(share('a', 2)), first.append(share('b', 1)), first.append(share('c', 0))]);
    await first.close();
    expect((await open()).shares().map((kept) => kept.id)).toEqual(['a', 'b', 'c']);
  });

  it('skips a torn last line (a crash mid-append), and the next share starts a line of its own', async () => {
    const { path, open } = await archiveIn();
    await writeFile(path, `${JSON.stringify(share('a', 1))}\n`);
    // What a crash half-way through writing the second share leaves.
    await appendFile(path, JSON.stringify(share('b', 0)).slice(0, 40));
    const archive = await open();
    expect(archive.shares().map((kept) => kept.id)).toEqual(['a']);
    await archive.append(share('c', 0));
    await archive.close();
    expect((await open()).shares().map((kept) => kept.id)).toEqual(['a', 'c']);
    // The rewrite at open left only whole lines.
    const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as ArchivedShare).id)).toEqual(['a', 'c']);
  });

  it('skips lines that are not a share (another shape, an unknown network) and keeps the rest', async () => {
    const { path, open } = await archiveIn();
    await writeFile(
      path,
      [
        JSON.stringify(share('a', 1)),
        JSON.stringify({ ...share('b', 1), network: 'myspace' }),
        '{"kind":"event"}',
        JSON.stringify(share('c', 0)),
      ].join('\n') + '\n',
    );
    expect((await open()).shares().map((kept) => kept.id)).toEqual(['a', 'c']);
  });

  it('drops shares older than the policy’s days when it opens and when asked before an export', async () => {
    const { path, open } = await archiveIn(30);
    await writeFile(
      path,
      [share('old', 31), share('edge', 30), share('new', 1)].map((s) => JSON.stringify(s)).join('\n') + '\n',
    );
    const archive = await open();
    expect(archive.shares().map((kept) => kept.id)).toEqual(['edge', 'new']);
    expect(await readFile(path, 'utf8')).not.toContain('"old"');
    await archive.append(share('today', 0));
    await archive.prune();
    expect(archive.shares().map((kept) => kept.id)).toEqual(['edge', 'new', 'today']);
  });
});

describe('archive exports', () => {
  const shares = [share('a', 1, 'Proud of this, "really".\n\nhttps://x.example/r/1'), share('b', 0, '=HYPERLINK("x")')];

  it('writes CSV for a spreadsheet: a header, quoted line breaks and quotes, formulas kept as text', () => {
    expect(archiveFileText('csv', shares)).toBe(
      [
        'time,network,post,title,link,kit version,text',
        `${shares[0]?.at ?? ''},linkedin,https://blog.example.com/ship-small,Ship small,https://advocate.example.com/r/abc,derived,"Proud of this, ""really"".\n\nhttps://x.example/r/1"`,
        `${shares[1]?.at ?? ''},linkedin,https://blog.example.com/ship-small,Ship small,https://advocate.example.com/r/abc,derived,"'=HYPERLINK(""x"")"`,
        '',
      ].join('\r\n'),
    );
  });

  it('writes JSON that reads back to the same shares', () => {
    expect(JSON.parse(archiveFileText('json', shares))).toEqual(shares);
  });
});
