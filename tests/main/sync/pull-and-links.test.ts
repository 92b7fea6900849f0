/**
 * What the desktop brings back from a real endpoint, through the core: the summary and marketing's
 * kits by conditional GET (a second look costs two 304s), the endpoint's kit before the feed's, the
 * figures and kits shown at the next start before the endpoint answers, and tracked links asked for
 * once per post and kept, with the UTM link whenever no tracked one can be had; the endpoint's block list
 * with the kits, combined with the policy's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResultsView } from '../../../common/sharing.ts';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../main/core/app-core.ts';
import type { BlockTerm } from '../../../common/share/block-list.ts';
import { removeBlockTerm, setBlockTerm } from '../../../server/compliance/block-list-store.ts';
import type { Logger, NetworkStatus } from '../../../main/core/ports.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { captureEndpointLog } from '../../helpers/endpoint-log.ts';
import { startEndpoint, type TestEndpoint } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startFeedServer } from '../../helpers/http-server.ts';
import { SwitchableNetwork } from '../../helpers/switchable-network.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Blog', [
    {
      title: 'Ship small',
      link: 'https://blog.example.com/ship-small',
      description: '<p>We ship small.</p>',
      published: new Date(Date.now() - 3_600_000),
    },
    {
      title: 'Test early',
      link: 'https://blog.example.com/test-early',
      description: '<p>We test early.</p>',
      published: new Date(Date.now() - 7_200_000),
    },
  ]);
  cleanups.push(feed.close);
  const log = captureEndpointLog();
  const endpoint: TestEndpoint = await startEndpoint(dir.path, 0, { logger: { stream: log.stream } });
  let endpointOpen = true;
  cleanups.push(async () => {
    if (endpointOpen) await endpoint.close();
  });
  const tokens = memoryTokenStore();
  const start = async (
    network?: NetworkStatus,
    target: TestEndpoint = endpoint,
    more: Partial<AppCoreOptions> = {},
  ): Promise<AppCore> => {
    const core = await createAppCore({
      fetch,
      log: quietLog,
      dataDir: `${dir.path}/desktop`,
      feedUrls: [feed.feedUrl],
      endpointUrl: target.url,
      enrollment: {
        current: () => ({ code: target.enrollmentCode, displayName: 'Ada', team: 'Research' }),
        onChange: () => () => undefined,
      },
      deviceTokens: tokens,
      ...(network ? { network } : {}),
      clock: new FakeClock(Date.now()),
      ...more,
    });
    cleanups.push(() => core.stop());
    return core;
  };
  const closeEndpoint = async (): Promise<void> => {
    endpointOpen = false;
    await endpoint.close();
  };
  return { endpoint, log, start, closeEndpoint, tokens };
}

const statuses = (log: ReturnType<typeof captureEndpointLog>, path: string): number[] =>
  log.answered('GET', path).map((entry) => entry.status);

describe('pulling from the endpoint', () => {
  it("pulls summary and kits after each flush with ETags, puts marketing's kit first, and shows both at the next start", async () => {
    const { endpoint, log, start, closeEndpoint } = await setup();
    const core = await start();
    const pushed: ResultsView[] = [];
    core.events.on('resultsChanged', (results) => pushed.push(results));
    await core.start();
    expect(statuses(log, '/v1/summary')).toEqual([200]);
    expect(statuses(log, '/v1/kits')).toEqual([200]);

    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    await core.handlers.markShared({ postId: post.id, network: 'linkedin' });
    await vi.waitUntil(() => statuses(log, '/v1/kits').length === 2);
    // The endpoint logs its answer before the desktop has read it: wait until the pulled summary is shown.
    await vi.waitUntil(() => pushed.at(-1)?.summary?.me.shares === 1, { timeout: 10_000 });
    // The share changed the summary; the kits did not.
    expect(statuses(log, '/v1/summary')).toEqual([200, 200]);
    expect(statuses(log, '/v1/kits')).toEqual([200, 304]);
    expect(pushed.at(-1)?.summary).toMatchObject({
      me: { displayName: 'Ada', shares: 1 },
      posts: [{ postKey: post.key, shares: 1 }],
    });
    expect((await core.handlers.listPosts()).find((view) => view.id === post.id)?.shareCount).toBe(1);
    await core.pollNow();
    expect(statuses(log, '/v1/summary')).toEqual([200, 200, 304]);
    expect(statuses(log, '/v1/kits')).toEqual([200, 304, 304]);

    expect((await core.handlers.getShareKit(post.id)).source).toBe('derived');
    const saved = await apiAs(endpoint.url, endpoint.adminToken).put('v1/kits', {
      postKey: post.key,
      pitch: 'How we halved our release time.',
      messages: { x: 'Small releases, fewer surprises.' },
      hashtags: ['shipping'],
      imageUrl: 'https://blog.example.com/ship.png',
    });
    expect(saved.status).toBe(200);
    await core.pollNow();
    expect(statuses(log, '/v1/kits').at(-1)).toBe(200);
    const kit = await core.handlers.getShareKit(post.id);
    expect(kit).toMatchObject({
      source: 'endpoint',
      pitch: 'How we halved our release time.',
      hashtags: ['shipping'],
      imageUrl: 'https://blog.example.com/ship.png',
    });
    expect(kit.messages.x).toBe('Small releases, fewer surprises.');
    // A network marketing left out: made from marketing's pitch and hashtags.
    expect(kit.messages.linkedin).toBe('How we halved our release time. #shipping');
    await core.stop();

    // Next start with the endpoint gone: the last figures and kits are there at once.
    await closeEndpoint();
    const again = await start();
    expect((await again.handlers.getResults()).summary).toMatchObject({ me: { shares: 1 } });
    await again.start();
    expect((await again.handlers.listPosts()).find((view) => view.id === post.id)?.shareCount).toBe(1);
    expect((await again.handlers.getShareKit(post.id)).source).toBe('endpoint');
  });

  it("gives every kit the endpoint's block list combined with the policy's, kept for the next start", async () => {
    const { endpoint, log, start, closeEndpoint } = await setup();
    let policy: readonly BlockTerm[] = [{ term: 'insider', level: 'warn' }];
    const more = { policyBlockList: () => policy };
    await setBlockTerm(endpoint.db, 'guaranteed returns', 'block');
    await setBlockTerm(endpoint.db, 'Insider', 'block');
    const core = await start(undefined, endpoint, more);
    await core.start();
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    // On both lists: blocked, since the endpoint blocks it; spelled as the policy (read first) spells it.
    expect((await core.handlers.getShareKit(post.id)).blockList).toEqual([
      { term: 'insider', level: 'block' },
      { term: 'guaranteed returns', level: 'block' },
    ]);

    // The admin removes a term: the kits' ETag moves and the next pull brings the shorter list.
    expect(await removeBlockTerm(endpoint.db, 'insider')).toBe(true);
    await core.pollNow();
    expect(statuses(log, '/v1/kits').at(-1)).toBe(200);
    policy = [{ term: 'sure thing', level: 'warn' }];
    expect((await core.handlers.getShareKit(post.id)).blockList).toEqual([
      { term: 'sure thing', level: 'warn' },
      { term: 'guaranteed returns', level: 'block' },
    ]);
    await core.stop();

    // Next start with the endpoint gone: the endpoint's list is there at once, from the cache.
    await closeEndpoint();
    const again = await start(undefined, endpoint, more);
    await again.start();
    expect((await again.handlers.getShareKit(post.id)).blockList).toContainEqual({
      term: 'guaranteed returns',
      level: 'block',
    });
  });

  it("asks for a post's tracked links once and keeps them, even across a restart with the endpoint gone", async () => {
    const { endpoint, log, start, closeEndpoint } = await setup();
    const core = await start();
    await core.start();
    const [post, other] = await core.handlers.listPosts();
    if (!post || !other) throw new Error('posts missing');
    const first = await core.handlers.getShareKit(post.id);
    expect(first.links.x.startsWith(`${endpoint.url}r/`)).toBe(true);
    expect(new Set(Object.values(first.links)).size).toBe(8);
    expect((await core.handlers.getShareKit(post.id)).links).toEqual(first.links);
    expect(log.answered('POST', '/v1/links')).toHaveLength(1);

    // The link is the endpoint's: a click lands on the post, tagged for X.
    const click = await fetch(first.links.x, { redirect: 'manual', headers: { 'user-agent': BROWSER } });
    expect(click.status).toBe(302);
    expect(new URL(click.headers.get('location') ?? '').searchParams.get('utm_source')).toBe('x');
    await core.stop();

    await closeEndpoint();
    const again = await start();
    await again.start();
    expect((await again.handlers.getShareKit(post.id)).links).toEqual(first.links);
    // A post never shared before, with the endpoint unreachable: the UTM link.
    const utm = new URL((await again.handlers.getShareKit(other.id)).links.linkedin);
    expect(`${utm.origin}${utm.pathname}`).toBe(other.link);
    expect(utm.searchParams.get('utm_source')).toBe('linkedin');
  });

  it('gives the UTM link at once while offline, asking the endpoint nothing', async () => {
    const { log, start } = await setup();
    // Only the sync is told it is offline: the feed still comes, so there is a post to share.
    const network = new SwitchableNetwork();
    network.goOffline();
    const core = await start(network);
    await core.start();
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    const link = new URL((await core.handlers.getShareKit(post.id)).links.bluesky);
    expect(link.searchParams.get('utm_source')).toBe('bluesky');
    expect(log.answered()).toEqual([]);
  });

  it("starts over with another endpoint: enrolls there, and never hands out the old one's links or figures", async () => {
    const { endpoint, start, tokens } = await setup();
    const core = await start();
    await core.start();
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    expect((await core.handlers.getShareKit(post.id)).links.x.startsWith(`${endpoint.url}r/`)).toBe(true);
    const oldToken = await tokens.load();
    await core.stop();

    const elsewhere = await makeTempDir();
    cleanups.push(elsewhere.remove);
    const moved = await startEndpoint(elsewhere.path);
    cleanups.push(moved.close);
    const again = await start(undefined, moved);
    expect((await again.handlers.getResults()).summary).toBeNull();
    await again.start();
    expect(await tokens.load()).not.toBe(oldToken);
    expect((await again.handlers.getShareKit(post.id)).links.x.startsWith(`${moved.url}r/`)).toBe(true);
    await again.handlers.markShared({ postId: post.id, network: 'x' });
    await vi.waitUntil(async () => (await moved.rows()).length === 1);
    expect(await endpoint.rows()).toEqual([]);
  });
});
