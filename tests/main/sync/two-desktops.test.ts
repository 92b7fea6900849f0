/**
 * The scenario: two desktops (two cores, each with its own userData folder) against one real
 * endpoint (127.0.0.1, a real SQLite file). Both mark the same post; one is offline for 50 events and
 * restarted half-way; the endpoint restarts once. At the end the endpoint holds exactly the distinct
 * events both desktops recorded, once each, its counts are what those events add up to, both
 * outboxes are empty, and nothing is lost.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NETWORKS, type PostView, type ShareEvent } from '../../../common/domain.ts';
import type { Summary } from '../../../common/protocol.ts';
import { createAppCore, type AppCore } from '../../../main/core/app-core.ts';
import { decisiveEvents } from '../../../main/sync/local-results.ts';
import { ShareJournal } from '../../../main/sync/share-journal.ts';
import { plainFileTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { startEndpoint, type TestEndpoint } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startFeedServer } from '../../helpers/http-server.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { SwitchableNetwork } from '../../helpers/switchable-network.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const POSTS = 10;

interface Desktop {
  readonly name: string;
  readonly dataDir: string;
  readonly network: SwitchableNetwork;
  readonly clock: FakeClock;
  core: AppCore;
}

async function allEvents(dataDir: string): Promise<{ events: ShareEvent[]; pending: ShareEvent[] }> {
  const journal = await ShareJournal.open(join(dataDir, 'shares.jsonl'));
  const result = { events: journal.events(), pending: journal.pending() };
  await journal.close();
  return result;
}

/** Standing shares per post, as the endpoint counts them: per person, post and network the newest event decides. */
function standingPerPost(perPerson: readonly (readonly ShareEvent[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const events of perPerson) {
    for (const event of decisiveEvents(events).values())
      if (event.type === 'shared') counts.set(event.postKey, (counts.get(event.postKey) ?? 0) + 1);
  }
  return counts;
}

describe('two desktops, one endpoint', () => {
  it(
    'counts exactly the distinct events through an offline week, a desktop restart and an endpoint restart',
    { timeout: 60_000 },
    async () => {
      const root = await makeTempDir();
      cleanups.push(root.remove);
      const feed = await startFeedServer(
        'Example Blog',
        Array.from({ length: POSTS }, (_, n) => ({
          title: `Post ${String(n)}`,
          link: `https://blog.example.com/${String(n)}`,
          description: `<p>Post ${String(n)}.</p>`,
          published: new Date(Date.now() - (n + 1) * 3_600_000),
        })),
      );
      cleanups.push(feed.close);
      let endpoint: TestEndpoint = await startEndpoint(root.path);
      const code = endpoint.enrollmentCode;
      cleanups.push(() => endpoint.close());

      const startCore = async (desktop: Omit<Desktop, 'core'>): Promise<AppCore> => {
        const core = await createAppCore({
          fetch: desktop.network.fetch,
          log: quietLog,
          dataDir: desktop.dataDir,
          feedUrls: [feed.feedUrl],
          endpointUrl: endpoint.url,
          enrollment: {
            current: () => ({ code, displayName: desktop.name, team: 'Research' }),
            onChange: () => () => undefined,
          },
          deviceTokens: plainFileTokenStore(join(desktop.dataDir, 'device-token.txt')),
          network: desktop.network,
          clock: desktop.clock,
        });
        await core.start();
        return core;
      };
      const open = async (name: string): Promise<Desktop> => {
        const base = {
          name,
          dataDir: join(root.path, name),
          network: new SwitchableNetwork(),
          clock: new FakeClock(Date.now()),
        };
        const desktop = { ...base, core: await startCore(base) };
        cleanups.push(() => desktop.core.stop());
        return desktop;
      };
      const drained = async (desktop: Desktop): Promise<boolean> => {
        const status = await desktop.core.handlers.getSyncStatus();
        return status.state === 'ok' && status.pending === 0;
      };
      const waitDrained = (desktop: Desktop): Promise<boolean> =>
        vi.waitUntil(() => drained(desktop), { timeout: 10_000, interval: 20 });
      const postsOf = async (desktop: Desktop): Promise<PostView[]> => desktop.core.handlers.listPosts();
      /**
       * Marks shared, or takes back when already shared; a second passes on the desktop's clock, so every event has its
       * own time.
       */
      const toggle = async (desktop: Desktop, post: PostView, network: (typeof NETWORKS)[number]): Promise<void> => {
        const current = (await postsOf(desktop)).find((view) => view.id === post.id);
        const request = { postId: post.id, network };
        await (current?.sharedOn.includes(network)
          ? desktop.core.handlers.undoShare(request)
          : desktop.core.handlers.markShared(request));
        desktop.clock.advance(1000);
      };

      const ada = await open('Ada');
      const bea = await open('Bea');
      const posts = await postsOf(ada);
      expect(posts).toHaveLength(POSTS);
      const post = (n: number): PostView => posts[n] as PostView;

      // Both mark the same post.
      await toggle(ada, post(0), 'linkedin');
      await toggle(bea, post(0), 'linkedin');
      await waitDrained(ada);
      await waitDrained(bea);
      await ada.core.pollNow();
      expect(
        (await ada.core.handlers.getResults()).summary?.posts.find((counts) => counts.postKey === post(0).key),
      ).toMatchObject({ shares: 2, people: 2 });

      // Bea goes offline for 50 events and is restarted half-way; Ada keeps sharing online.
      bea.network.goOffline();
      for (let n = 0; n < 50; n += 1) {
        if (n === 25) {
          await bea.core.stop();
          bea.core = await startCore(bea);
          expect(await bea.core.handlers.getSyncStatus()).toEqual({
            state: 'waiting',
            pending: 25,
            problem: 'offline',
            retryAt: null,
          });
        }
        // Nine posts on four networks: from the 37th event on, Bea takes back what she shared earlier.
        await toggle(bea, post(1 + (n % (POSTS - 1))), NETWORKS[n % 4] ?? 'x');
        if (n % 5 === 0)
          await toggle(ada, post(1 + ((n * 7) % (POSTS - 1))), NETWORKS[(n + 3) % NETWORKS.length] ?? 'x');
      }
      await waitDrained(ada);
      expect(await bea.core.handlers.getSyncStatus()).toMatchObject({ state: 'waiting', pending: 50, retryAt: null });

      // The endpoint restarts once, while Ada shares: her shares wait and go on her next retry.
      const port = Number(new URL(endpoint.url).port);
      await endpoint.close();
      for (let n = 0; n < 5; n += 1) await toggle(ada, post(n), 'bluesky');
      await vi.waitUntil(async () => (await ada.core.handlers.getSyncStatus()).state === 'waiting', {
        timeout: 10_000,
        interval: 20,
      });
      endpoint = await startEndpoint(root.path, port);
      const status = await ada.core.handlers.getSyncStatus();
      if (status.state !== 'waiting' || status.retryAt === null)
        throw new Error(`Ada should be backing off, is ${JSON.stringify(status)}`);
      ada.clock.advance(Date.parse(status.retryAt) - ada.clock.now());
      await waitDrained(ada);

      // Bea's network comes back: everything she queued goes.
      bea.network.comeBack();
      await waitDrained(bea);
      await ada.core.pollNow();
      await bea.core.pollNow();

      const adaJournal = await allEvents(ada.dataDir);
      const beaJournal = await allEvents(bea.dataDir);
      expect(adaJournal.events).toHaveLength(1 + 10 + 5);
      expect(beaJournal.events).toHaveLength(1 + 50);
      expect(beaJournal.events.filter((event) => event.type === 'unshared')).toHaveLength(14);
      expect([...adaJournal.pending, ...beaJournal.pending]).toEqual([]);
      const recorded = [...adaJournal.events, ...beaJournal.events].map((event) => event.id).sort();
      expect(new Set(recorded).size).toBe(recorded.length);
      expect((await endpoint.rows()).map((row) => row.id)).toEqual(recorded);

      const summary = (await ada.core.handlers.getResults()).summary as Summary;
      const expected = standingPerPost([adaJournal.events, beaJournal.events]);
      expect(
        new Map(summary.posts.filter((counts) => counts.shares > 0).map((counts) => [counts.postKey, counts.shares])),
      ).toEqual(expected);
      expect(summary.organisation.shares).toBe([...expected.values()].reduce((sum, count) => sum + count, 0));
      expect(summary.organisation.people).toBe(2);
    },
  );
});
