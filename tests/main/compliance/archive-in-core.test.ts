/**
 * The archive through the core as the window reaches it (the IPC dispatcher): Mark shared with the final
 * text keeps it with its network, time, link and kit version, a take-back keeps the record, a share
 * without a text (from a window before the archive) keeps none; the export writes CSV or JSON, without
 * the shares past the policy's days; a malformed export call is refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveExported, ArchivedShare } from '../../../common/archive.ts';
import type { IpcAnswer } from '../../../common/ipc/contract.ts';
import { createAppCore } from '../../../main/core/app-core.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { createIpcDispatcher } from '../../../main/ipc/dispatcher.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { handlersWith } from '../../helpers/handlers.ts';
import { SHIP_SMALL, startShipSmallFeed } from '../../helpers/http-server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DAY_MS = 86_400_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(archiveDays: number) {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startShipSmallFeed();
  cleanups.push(feed.close);
  const clock = new FakeClock(Date.now());
  const start = async () => {
    const core = await createAppCore({
      fetch,
      log: quietLog,
      dataDir: join(dir.path, 'desktop'),
      feedUrls: [feed.feedUrl],
      endpointUrl: null,
      clock,
      archiveDays: () => archiveDays,
      exportDir: join(dir.path, 'Downloads'),
    });
    cleanups.push(() => core.stop());
    await core.start();
    const dispatch = createIpcDispatcher(handlersWith(core.handlers), quietLog);
    const call = async <T>(name: string, ...args: unknown[]): Promise<IpcAnswer<T>> =>
      (await dispatch(name, args)) as IpcAnswer<T>;
    return { core, call };
  };
  return { clock, start, downloads: join(dir.path, 'Downloads') };
}

describe('the archive through the core', () => {
  it('keeps each shared text with its network, time, link and kit version, and exports it as CSV and JSON', async () => {
    const { start, downloads } = await setup(365);
    const { core, call } = await start();
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    const text = `Proud of this.\n\nWe cut our release time in half. ${(await core.handlers.getShareKit(post.id)).links.x}`;
    expect(await call('markShared', { postId: post.id, network: 'x', text })).toMatchObject({ ok: true });
    expect(await call('undoShare', { postId: post.id, network: 'x' })).toMatchObject({ ok: true });
    // A window from before the archive sends no text: the share counts, nothing is archived.
    expect(await call('markShared', { postId: post.id, network: 'linkedin' })).toMatchObject({ ok: true });

    const csv = await call<ArchiveExported>('exportArchive', 'csv');
    if (!csv.ok) throw new Error(csv.error);
    expect(csv.value.shares).toBe(1);
    expect(csv.value.file.startsWith(join(downloads, 'advocate-archive-'))).toBe(true);
    const written = await readFile(csv.value.file, 'utf8');
    expect(written.split('\r\n')[0]).toBe('time,network,post,title,link,kit version,text');
    expect(written).toContain(`,x,${SHIP_SMALL.link},"${SHIP_SMALL.title}",`);
    expect(written).toContain(`"${text}"`);

    const json = await call<ArchiveExported>('exportArchive', 'json');
    if (!json.ok) throw new Error(json.error);
    const [archived] = JSON.parse(await readFile(json.value.file, 'utf8')) as ArchivedShare[];
    expect(archived).toMatchObject({ network: 'x', postKey: post.key, text, kitVersion: 'derived' });
    expect(text.endsWith(archived?.link ?? '-')).toBe(true);
  });

  it('exports only the shares of the last ArchiveDays days, also after a restart', async () => {
    const { clock, start } = await setup(7);
    const first = await start();
    const [post] = await first.core.handlers.listPosts();
    if (!post) throw new Error('no post');
    await first.core.handlers.markShared({ postId: post.id, network: 'x', text: 'An old share. https://x.example/1' });
    clock.advance(6 * DAY_MS);
    await first.core.handlers.markShared({
      postId: post.id,
      network: 'bluesky',
      text: 'A newer one. https://x.example/2',
    });
    clock.advance(2 * DAY_MS);
    const exported = await first.call<ArchiveExported>('exportArchive', 'json');
    expect(exported).toMatchObject({ ok: true, value: { shares: 1 } });
    await first.core.stop();
    const again = await start();
    const reopened = await again.call<ArchiveExported>('exportArchive', 'json');
    if (!reopened.ok) throw new Error(reopened.error);
    expect((JSON.parse(await readFile(reopened.value.file, 'utf8')) as ArchivedShare[]).map((s) => s.network)).toEqual([
      'bluesky',
    ]);
  });

  it('refuses an export in a format it does not write, and a text past 10,000 characters, saying which argument', async () => {
    const { start } = await setup(365);
    const { core, call } = await start();
    const [post] = await core.handlers.listPosts();
    expect(await call('exportArchive', 'xlsx')).toMatchObject({
      ok: false,
      error: expect.stringContaining('exportArchive') as unknown,
    });
    const long = await call('markShared', { postId: post?.id, network: 'x', text: 'x'.repeat(10_001) });
    expect(long).toMatchObject({ ok: false, error: expect.stringContaining('text') as unknown });
  });
});
