/**
 * New posts to Slack, Teams and a signed webhook, through the real poller and sender of an endpoint on
 * 127.0.0.1, to receivers that check every payload's shape and signature: a new post gives exactly one
 * message per channel and the blog's back catalogue none; a 429 with Retry-After is waited out and
 * the post sent once; a 400 stops the post with the receiver's answer kept for the dashboard.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../../feeds/index.ts';
import { addChannel } from '../../../server/channels/channel-store.ts';
import { addFeed } from '../../../server/feeds/feed-catalogue.ts';
import { blogPosts, startBlog } from '../../helpers/blog-server.ts';
import { startReceiver, type Receiver, type ReceiverKind } from '../../helpers/channel-receivers.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { dashboardBrowser } from '../../helpers/dashboard-browser.ts';

const endpoint = freshEndpointPerTest({
  feedPolls: { holder: 'test-replica', tickMs: 100 },
  channelSends: { holder: 'test-replica', tickMs: 100, firstWaitMs: 50 },
  allowLocalChannels: true,
});
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const eventually = <T>(check: () => T | Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 30_000, interval: 50 });

/** A blog with one post, read once by the endpoint (that first read is its back catalogue). */
async function readBlog() {
  const blog = await startBlog(blogPosts(1));
  cleanups.push(blog.close);
  const feed = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!feed.ok) throw new Error(feed.reason);
  await eventually(async () =>
    expect(await endpoint.db.selectFrom('posts').select('item_key').execute()).toHaveLength(1),
  );
  return {
    /** Publishes the next post and pings the endpoint, as a CMS does. */
    async publish(count: number) {
      blog.setItems(blogPosts(count));
      expect((await apiAs(endpoint.url, null).post(`v1/feeds/ping?secret=${feed.pingSecret}`, '')).status).toBe(202);
    },
  };
}

async function channel(kind: ReceiverKind): Promise<{ receiver: Receiver; id: number }> {
  const receiver = await startReceiver(kind);
  cleanups.push(receiver.close);
  const added = await addChannel(
    endpoint.db,
    { kind, name: `${kind} channel`, url: `${receiver.url}hook`, teams: [] },
    { allowLocal: true },
  );
  if (!added.ok) throw new Error(added.reason);
  if (added.channel.secret !== null) receiver.setSecret(added.channel.secret);
  return { receiver, id: added.channel.id };
}

const ledger = () =>
  endpoint.db
    .selectFrom('channel_deliveries')
    .select(['channel_id', 'state', 'attempts', 'last_answer'])
    .orderBy('channel_id')
    .execute();

describe('channel posts', { timeout: 60_000 }, () => {
  it('a new post reaches Slack, Teams and a signed webhook exactly once each, in their own shapes; the back catalogue does not', async () => {
    const blog = await readBlog();
    const channels = await Promise.all((['slack', 'teams', 'webhook'] as const).map(channel));
    await blog.publish(2);

    await eventually(async () => expect((await ledger()).map((row) => row.state)).toEqual(['sent', 'sent', 'sent']));
    expect((await ledger()).map((row) => row.attempts)).toEqual([1, 1, 1]);
    for (const { receiver } of channels) {
      expect(receiver.problems).toEqual([]);
      expect(receiver.delivered).toHaveLength(1);
    }
    const [slack, teams, webhook] = channels.map(({ receiver }) => JSON.stringify(receiver.delivered[0]));
    for (const text of [slack, teams, webhook]) {
      expect(text).toContain('Post 2');
      expect(text).toContain('https://blog.example.com/post-2');
      expect(text).toContain('What post 2 is about');
    }
    expect(slack).toContain('"text":"Post 2: What post 2 is about');
    expect(teams).toContain('"version":"1.4"');
    expect(webhook).toContain('"type":"post"');

    // Another read of the same feed, nothing new: nothing more is queued or sent.
    const readAt = async () =>
      (await endpoint.db.selectFrom('feeds').select('checked_at').executeTakeFirstOrThrow()).checked_at;
    const before = await readAt();
    await blog.publish(2);
    await eventually(async () => expect(await readAt()).not.toBe(before));
    expect(await ledger()).toHaveLength(3);
    for (const { receiver } of channels) expect(receiver.delivered).toHaveLength(1);
  });

  it('a 429 with Retry-After is waited out and the post is sent once; a 400 stops the post with its answer kept', async () => {
    const blog = await readBlog();
    const busy = await channel('slack');
    busy.receiver.script({ status: 429, retryAfter: '1', body: 'rate_limited' });
    const refusing = await channel('teams');
    refusing.receiver.script({ status: 400, body: 'Invalid card: body is not supported here' });
    await blog.publish(2);

    await eventually(async () => expect((await ledger()).map((row) => row.state)).toEqual(['sent', 'failed']));
    const [sent, failed] = await ledger();
    expect(sent?.attempts).toBe(2);
    expect(busy.receiver.requests).toBe(2);
    expect(busy.receiver.delivered).toHaveLength(1);
    expect(failed).toMatchObject({
      attempts: 1,
      last_answer: 'the receiver refused the post: “Invalid card: body is not supported here”',
    });
    expect(refusing.receiver.requests).toBe(1);
    expect(refusing.receiver.delivered).toEqual([]);

    // The dashboard shows what was sent, and why the stopped post stopped.
    const page = dashboardBrowser(endpoint);
    await page.signIn();
    const shown = (await page.get('dashboard/channels')).text.replace(/\s+/g, ' ');
    expect(shown).toContain(
      '1 post stopped</span>: the receiver refused the post: “Invalid card: body is not supported here”',
    );
    expect(shown).not.toMatch(/\b400\b/);
  });

  it('a 500 is tried again with backoff until the receiver takes it', async () => {
    const blog = await readBlog();
    const flaky = await channel('webhook');
    flaky.receiver.script({ status: 500 }, { status: 503 });
    await blog.publish(2);
    await eventually(async () => expect((await ledger()).map((row) => row.state)).toEqual(['sent']));
    expect((await ledger())[0]?.attempts).toBe(3);
    expect(flaky.receiver.delivered).toHaveLength(1);
    expect(flaky.receiver.problems).toEqual([]);
  });
});
