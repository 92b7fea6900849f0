/**
 * The kit's wordings through the desktop core, against a real endpoint: the wording offered is the one
 * the choice rule gives this desktop's own seed (kept in its data folder, so a restart offers the same),
 * another desktop chooses with its own seed, and a share marked with a wording reaches the endpoint with
 * its number.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShareKitInput } from '../../../common/protocol.ts';
import { offeredVariant } from '../../../common/share/variants.ts';
import { createAppCore, type AppCore } from '../../../main/core/app-core.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { startEndpoint } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startFeedServer } from '../../helpers/http-server.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const POST = 'https://blog.example.com/ship-small';
const WORDINGS = [
  { id: 1, text: 'Half the release time, twice the calm.' },
  { id: 2, text: 'Release day used to take a week. Now it takes an afternoon.' },
  { id: 4, text: 'What we stopped doing to ship twice as fast.' },
];

async function setup() {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Blog', [
    {
      title: 'Ship small',
      link: POST,
      description: '<p>We ship small.</p>',
      published: new Date(Date.now() - 3_600_000),
    },
  ]);
  cleanups.push(feed.close);
  const endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close, endpoint.dropDatabase);
  const kit: ShareKitInput = {
    postKey: POST,
    pitch: 'How we halved our release time.',
    messages: { linkedin: 'How we cut our release time in half.' },
    variants: { x: WORDINGS },
    hashtags: [],
    imageUrl: null,
  };
  expect((await apiAs(endpoint.url, endpoint.adminToken).put('v1/kits', kit)).status).toBe(200);
  const start = async (desktop: string): Promise<AppCore> => {
    const core = await createAppCore({
      fetch,
      log: quietLog,
      dataDir: `${dir.path}/${desktop}`,
      feedUrls: [feed.feedUrl],
      endpointUrl: endpoint.url,
      enrollment: {
        current: () => ({ code: endpoint.enrollmentCode, displayName: desktop, team: '' }),
        onChange: () => () => undefined,
      },
      deviceTokens: memoryTokenStore(),
      clock: new FakeClock(Date.now()),
    });
    cleanups.push(() => core.stop());
    await core.start();
    return core;
  };
  const seedOf = async (desktop: string): Promise<string> =>
    (JSON.parse(await readFile(`${dir.path}/${desktop}/variant-seed.json`, 'utf8')) as { seed: string }).seed;
  return { endpoint, start, seedOf };
}

describe("the kit's wordings on the desktop", () => {
  it('offers the wording its own seed chooses, the same after a restart, and sends the number with the share', async () => {
    const { endpoint, start, seedOf } = await setup();
    const core = await start('ada');
    const [post] = await core.handlers.listPosts();
    if (!post) throw new Error('no post');
    const kit = await core.handlers.getShareKit(post.id);
    const expected = offeredVariant(WORDINGS, { seed: await seedOf('ada'), postKey: POST, network: 'x' });
    expect(kit.variants.x).toEqual({ wordings: WORDINGS, offered: expected });
    expect(kit.messages.x).toBe(WORDINGS[expected]?.text);
    // A network with one message from the kit is its variant 1; one the kit left out has none.
    expect(kit.variants.linkedin).toEqual({
      wordings: [{ id: 1, text: 'How we cut our release time in half.' }],
      offered: 0,
    });
    expect(kit.variants.bluesky).toBeUndefined();

    const variant = WORDINGS[expected]?.id ?? 0;
    await core.handlers.markShared({ postId: post.id, network: 'x', variant });
    await core.handlers.markShared({ postId: post.id, network: 'bluesky' });
    const stored = () =>
      endpoint.db.selectFrom('share_events').select(['network', 'variant']).orderBy('network').execute();
    await vi.waitUntil(async () => (await stored()).length === 2, { timeout: 10_000 });
    expect(await stored()).toEqual([
      { network: 'bluesky', variant: null },
      { network: 'x', variant },
    ]);
    await core.stop();

    const again = await start('ada');
    expect((await again.handlers.getShareKit(post.id)).variants.x?.offered).toBe(expected);

    // Another desktop has a seed of its own, and chooses with it.
    const other = await start('bo');
    const seed = await seedOf('bo');
    expect(seed).not.toBe(await seedOf('ada'));
    expect((await other.handlers.getShareKit(post.id)).variants.x?.offered).toBe(
      offeredVariant(WORDINGS, { seed, postKey: POST, network: 'x' }),
    );
  });
});
