/**
 * What leaves the desktop of a person's message. A full share flow through the core against a real
 * endpoint on 127.0.0.1 (enroll, pull, tracked links, Mark shared with the final text, sync, Undo,
 * Refresh) with every request the desktop makes captured: with policy ArchiveToEndpoint off (the
 * default) no request carries any part of the text, and the endpoint's archive stays empty; with it on,
 * the text reaches the endpoint's archive once, which also shows the capture would have seen it, and
 * so it does when the endpoint is only set while the app runs (IT's preset arriving after the start).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore, type AppCoreOptions } from '../../../main/core/app-core.ts';
import type { HttpFetch, Logger } from '../../../main/core/ports.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { archiveCsv } from '../../../server/compliance/archive-store.ts';
import { startEndpoint } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startShipSmallFeed } from '../../helpers/http-server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Words no kit, feed or link holds: found in a request only if the person's text went out. */
const OWN_WORDS = 'Quokkas approve tiny releases';

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

async function shareFlow(more: Partial<AppCoreOptions>, { endpointAtRuntime = false } = {}) {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startShipSmallFeed();
  cleanups.push(feed.close);
  const endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close);
  const sent: Sent[] = [];
  const capturing: HttpFetch = async (input, init) => {
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string')
      throw new Error(`a request body that is not text was sent to ${input}`);
    sent.push({ method: init?.method ?? 'GET', url: input, body: body ?? '' });
    return fetch(input, init);
  };
  const core = await createAppCore({
    fetch: capturing,
    log: quietLog,
    dataDir: `${dir.path}/desktop`,
    feedUrls: [feed.feedUrl],
    endpointUrl: endpointAtRuntime ? null : endpoint.url,
    enrollment: {
      current: () => ({ code: endpoint.enrollmentCode, displayName: 'Ada', team: 'Research' }),
      onChange: () => () => undefined,
    },
    deviceTokens: memoryTokenStore(),
    clock: new FakeClock(Date.now()),
    ...more,
  });
  cleanups.push(() => core.stop());
  await core.start();
  if (endpointAtRuntime) await core.setEndpointUrl(endpoint.url);
  const [post] = await core.handlers.listPosts();
  if (!post) throw new Error('no post');
  const kit = await core.handlers.getShareKit(post.id);
  const text = `${OWN_WORDS}.\n\n${kit.messages.linkedin} ${kit.links.linkedin}`;
  await core.handlers.markShared({ postId: post.id, network: 'linkedin', text });
  await vi.waitUntil(async () => (await endpoint.rows()).length === 1, { timeout: 10_000 });
  await core.handlers.undoShare({ postId: post.id, network: 'linkedin' });
  await core.pollNow();
  await vi.waitUntil(async () => (await endpoint.rows()).length === 2, { timeout: 10_000 });
  await core.stop();
  return { sent, text, endpoint };
}

describe('the text of a share and the endpoint', () => {
  it('never leaves the desktop when ArchiveToEndpoint is off (the default): no request carries any of it', async () => {
    const { sent, endpoint } = await shareFlow({});
    // The flow really talked to the endpoint: enrolled, sent both events, asked for links, pulled.
    const paths = new Set(sent.map((request) => `${request.method} ${new URL(request.url).pathname}`));
    for (const call of ['POST /v1/enroll', 'POST /v1/events', 'POST /v1/links', 'GET /v1/summary', 'GET /v1/kits'])
      expect(paths).toContain(call);
    expect(paths).not.toContain('POST /v1/archive');
    for (const request of sent) {
      for (const word of OWN_WORDS.split(' ')) {
        expect(request.body, `${request.method} ${request.url}`).not.toContain(word);
        expect(decodeURIComponent(request.url)).not.toContain(word);
      }
    }
    expect((await archiveCsv(endpoint.db)).shares).toBe(0);
  });

  it('reaches the endpoint’s archive once when ArchiveToEndpoint is on, and only there', async () => {
    const { sent, text, endpoint } = await shareFlow({ archiveToEndpoint: () => true });
    const carrying = sent.filter((request) => request.body.includes(OWN_WORDS));
    expect(carrying.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /v1/archive',
    ]);
    const { csv, shares } = await archiveCsv(endpoint.db);
    expect(shares).toBe(1);
    expect(csv).toContain(`"${text}"`);
  });

  it('reaches the endpoint’s archive when the endpoint is only set while the app runs', async () => {
    const { text, endpoint } = await shareFlow({ archiveToEndpoint: () => true }, { endpointAtRuntime: true });
    const { csv, shares } = await archiveCsv(endpoint.db);
    expect(shares).toBe(1);
    expect(csv).toContain(`"${text}"`);
  });
});
