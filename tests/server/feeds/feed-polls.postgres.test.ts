/**
 * Two replicas (`server/cli.ts` processes) on one PostgreSQL database: only the one holding the
 * feed-poll lease reads the blog, a ping sent to the other still gets the feed read within seconds,
 * and when the holder is killed with kill -9 the other takes the polls over.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostsResponse } from '../../../common/protocol.ts';
import { checkFeed } from '../../../feeds/index.ts';
import { addFeed } from '../../../server/feeds/feed-catalogue.ts';
import { FEED_POLL_JOB } from '../../../server/feeds/feed-poller.ts';
import { leaseOf } from '../../../server/jobs/lease.ts';
import { blogPosts, startBlog } from '../../helpers/blog-server.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { organisationWithDevices, startReplica, type Replica } from '../../helpers/replicas.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { testDatabaseFor } from '../../helpers/test-database.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const eventually = <T>(check: () => T | Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 90_000, interval: 50 });

/** The feeds a replica's log says it read. */
const readsBy = (replica: Replica): string[] =>
  replica.process
    .output()
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; feed?: string })
    .filter((entry) => entry.msg === 'feed read')
    .map((entry) => entry.feed ?? '');

describe('feed polls with two replicas on one database', () => {
  it('only the lease holder reads the feed; a ping to the other is read by the holder; kill -9 hands the polls on', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const database = await testDatabaseFor(dir.path, 'postgres');
    cleanups.push(database.drop);
    const { db, tokens } = await organisationWithDevices(database.location, [{ displayName: 'Ada', team: 'Sales' }]);
    cleanups.push(() => db.destroy());
    const blog = await startBlog(blogPosts(1));
    cleanups.push(blog.close);
    const feed = await addFeed(db, await checkFeed(fetch, blog.feedUrl));
    if (!feed.ok) throw new Error(feed.reason);

    // Five-second leases: a dead holder's polls are taken over within seconds, not the default 40.
    const replicas = await Promise.all(
      [0, 1].map(() => startReplica(database.location, { ADVOCATE_LEASE_SECONDS: '5' })),
    );
    for (const replica of replicas) cleanups.push(replica.process.stop);
    const holder = await eventually(async () => {
      const lease = await leaseOf(db, FEED_POLL_JOB);
      const found = replicas.find((replica) => replica.id === lease?.holder);
      if (!found) throw new Error('no holder yet');
      expect(readsBy(found)).toEqual([blog.feedUrl]);
      return found;
    });
    const other = replicas.find((replica) => replica !== holder);
    if (!other) throw new Error('two replicas');

    // Every replica serves what the holder read.
    const token = tokens[0] ?? '';
    const served = await apiAs(other.url, token).get<PostsResponse>('v1/posts');
    expect(served.body.posts.map((post) => post.item.title)).toEqual(['Post 1']);

    // The CMS's ping reaches the replica that does not poll: the holder reads the feed.
    blog.setItems(blogPosts(2));
    const pinged = await apiAs(other.url, null).post(`v1/feeds/ping?secret=${feed.pingSecret}`, '{"post":{}}');
    expect(pinged.status).toBe(202);
    await eventually(async () =>
      expect((await apiAs(other.url, token).get<PostsResponse>('v1/posts')).body.posts).toHaveLength(2),
    );
    expect(readsBy(holder)).toEqual([blog.feedUrl, blog.feedUrl]);
    expect(readsBy(other)).toEqual([]);

    // The holder dies without giving the lease up: the other takes it over once it expires, and reads on a ping.
    holder.process.child.kill('SIGKILL');
    await holder.process.stop();
    await eventually(async () => expect((await leaseOf(db, FEED_POLL_JOB))?.holder).toBe(other.id));
    blog.setItems(blogPosts(3));
    expect((await apiAs(other.url, null).post(`v1/feeds/ping?secret=${feed.pingSecret}`, '')).status).toBe(202);
    await eventually(() => expect(readsBy(other)).toEqual([blog.feedUrl]));
    expect((await apiAs(other.url, token).get<PostsResponse>('v1/posts')).body.posts).toHaveLength(3);
  }, 180_000);
});
