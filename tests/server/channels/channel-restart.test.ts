/**
 * The endpoint as operators run it (`server/cli.ts`), with channels added by `npm run server:admin`:
 * the endpoint is killed with SIGKILL while every receiver holds the post's request unanswered (the
 * send half done: claimed, on the wire, nothing recorded); the next endpoint on the same database
 * sends it again, and each receiver has taken the message exactly once. The admin commands refuse a
 * bad address, saying why, and list what was sent.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../../feeds/index.ts';
import { addFeed } from '../../../server/feeds/feed-catalogue.ts';
import { blogPosts, startBlog } from '../../helpers/blog-server.ts';
import { startReceiver, type Receiver } from '../../helpers/channel-receivers.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { organisationWithDevices, startReplica } from '../../helpers/replicas.ts';
import { runTsx } from '../../helpers/spawn-command.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { testDatabaseFor } from '../../helpers/test-database.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const eventually = <T>(check: () => T | Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 90_000, interval: 50 });

describe('channel sends across a crash', () => {
  it('killed mid-send, the next endpoint sends the post again and each receiver has it once', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const database = await testDatabaseFor(dir.path);
    cleanups.push(database.drop);
    const { db } = await organisationWithDevices(database.location, []);
    cleanups.push(() => db.destroy());
    const blog = await startBlog(blogPosts(1));
    cleanups.push(blog.close);
    const feed = await addFeed(db, await checkFeed(fetch, blog.feedUrl));
    if (!feed.ok) throw new Error(feed.reason);

    const admin = (...args: string[]) => runTsx('server/admin-cli.ts', [...args, '--db', database.location]);
    // Bad input first: each refused with the reason, nothing stored.
    const refusedHttp = await admin('add-channel', 'slack', 'http://hooks.slack.com/services/T/B/x', 'News');
    expect(refusedHttp.code).toBe(1);
    expect(refusedHttp.output).toContain('The channel was not added: the address must start with https://');
    const refusedLocal = await admin('add-channel', 'webhook', 'http://127.0.0.1:9/hook', 'Local');
    expect(refusedLocal.output).toContain('The channel was not added: the address must start with https://');
    const refusedKind = await admin('add-channel', 'email', 'https://example.com/', 'News');
    expect(refusedKind.output).toContain('add-channel needs a kind (slack, teams or webhook)');
    expect(await db.selectFrom('channels').select('id').execute()).toEqual([]);

    const receivers: Receiver[] = [];
    for (const kind of ['slack', 'teams', 'webhook'] as const) {
      const receiver = await startReceiver(kind);
      cleanups.push(receiver.close);
      const added = await admin('add-channel', kind, `${receiver.url}hook`, `${kind} news`, '--allow-local-channels');
      expect(added.code, added.output).toBe(0);
      const secret = /Signing key .*: ([A-Za-z0-9_-]{43})/.exec(added.output)?.[1];
      if (kind === 'webhook') receiver.setSecret(secret ?? '');
      receivers.push(receiver);
    }

    // Five-second leases: the next endpoint takes the sends over soon after the first one dies.
    const env = { ADVOCATE_LEASE_SECONDS: '5' };
    const first = await startReplica(database.location, env);
    cleanups.push(first.process.stop);
    await eventually(async () => expect(await db.selectFrom('posts').select('item_key').execute()).toHaveLength(1));

    const holds = receivers.map((receiver) => receiver.holdNext());
    blog.setItems(blogPosts(2));
    expect((await apiAs(first.url, null).post(`v1/feeds/ping?secret=${feed.pingSecret}`, '')).status).toBe(202);
    await Promise.all(holds.map((hold) => hold.arrived));
    const midway = await db.selectFrom('channel_deliveries').select('state').execute();
    expect(midway.map((row) => row.state)).toEqual(['sending', 'sending', 'sending']);
    first.process.child.kill('SIGKILL');
    await first.process.stop();
    // The receivers answer only once they saw the connection go: nothing was taken.
    await Promise.all(holds.map((hold) => hold.abandoned));
    for (const hold of holds) hold.release();

    const second = await startReplica(database.location, env);
    cleanups.push(second.process.stop);
    await eventually(async () =>
      expect((await db.selectFrom('channel_deliveries').select('state').execute()).map((row) => row.state)).toEqual([
        'sent',
        'sent',
        'sent',
      ]),
    );
    for (const receiver of receivers) {
      expect(receiver.problems).toEqual([]);
      expect(receiver.requests).toBe(2);
      expect(receiver.delivered).toHaveLength(1);
      expect(JSON.stringify(receiver.delivered[0])).toContain('Post 2');
    }
    const listed = await admin('list-channels');
    expect(listed.output).toContain('slack news (Slack)');
    expect(listed.output).toContain('1 post sent, 0 posts waiting, 0 posts stopped');
  }, 180_000);
});
