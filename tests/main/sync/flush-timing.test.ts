/**
 * When the outbox talks to the endpoint, on a fake clock against a scripted endpoint on 127.0.0.1:
 * backoff with jitter and no request in between, Retry-After honoured (even over "Refresh now"), no
 * request and no timer at all while offline, the online signal, oversized batches halved, and events
 * this desktop cannot send set aside without blocking the rest.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareEvent } from '../../../common/domain.ts';
import { uuidv7 } from '../../../common/uuid.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { PULL_INTERVAL_MS } from '../../../main/sync/endpoint-sync.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startLocalServer } from '../../helpers/http-server.ts';
import { openSyncDesktop } from '../../helpers/sync-desktop.ts';
import { SwitchableNetwork } from '../../helpers/switchable-network.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const FIRST_DELAY_MS = 5_000;
const TOKEN = 't'.repeat(43);

interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Cut the connection instead of answering. */
  readonly drop?: boolean;
}
type Script = (path: string, events: readonly ShareEvent[]) => Answer;

/** Created for every event sent; the summary and kits never change (304). */
const healthy: Script = () => ({ status: 200 });

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  return text;
}

async function setup(initialScript: Script = healthy) {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const clock = new FakeClock(Date.now());
  let script = initialScript;
  const requests: { path: string; at: number; events: ShareEvent[] }[] = [];
  const server = await startLocalServer((request: IncomingMessage, response: ServerResponse) => {
    void readBody(request).then((text) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const events = path === '/v1/events' ? (JSON.parse(text) as { events: ShareEvent[] }).events : [];
      requests.push({ path, at: clock.now(), events });
      const answer = script(path, events);
      if (answer.drop) {
        response.socket?.destroy();
        return;
      }
      if (answer.status !== 200) {
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(JSON.stringify({ statusCode: answer.status, error: 'Error', message: 'scripted failure' }));
      } else if (path === '/v1/events') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ results: events.map((event) => ({ id: event.id, status: 'created' })) }));
      } else {
        response.writeHead(304).end();
      }
    });
  });
  cleanups.push(server.close);
  const network = new SwitchableNetwork();
  const warnings: string[] = [];
  const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };
  const { journal, sync, share, stop } = await openSyncDesktop({
    url: server.url,
    dataDir: dir.path,
    fetch: network.fetch,
    tokens: memoryTokenStore(TOKEN),
    network,
    clock,
    retry: { firstDelayMs: FIRST_DELAY_MS, maxDelayMs: 60_000 },
    log,
  });
  cleanups.push(stop);
  const eventPosts = () => requests.filter((request) => request.path === '/v1/events');
  /** Fires the next timer and waits for the run it starts. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await sync.idle();
  };
  return {
    clock,
    sync,
    journal,
    network,
    share,
    eventPosts,
    requests: () => requests,
    advance,
    warnings,
    setScript: (next: Script) => (script = next),
  };
}

describe('flushing the outbox', () => {
  it('backs off with jitter while the endpoint fails, with no request in between, then sends and keeps pulling on schedule', async () => {
    const { clock, sync, journal, share, eventPosts, requests, advance, setScript } = await setup((path) =>
      path === '/v1/events' ? { status: 503 } : { status: 200 },
    );
    await share();
    expect(eventPosts()).toHaveLength(1);
    for (let failures = 1; failures <= 6; failures += 1) {
      const step = Math.min(FIRST_DELAY_MS * 2 ** (failures - 1), 60_000);
      const wait = (clock.nextTimerAt() ?? 0) - clock.now();
      expect(wait).toBeGreaterThanOrEqual(step / 2);
      expect(wait).toBeLessThanOrEqual(step);
      const status = sync.status();
      expect(status).toMatchObject({
        state: 'waiting',
        pending: 1,
        retryAt: new Date(clock.nextTimerAt() ?? 0).toISOString(),
      });
      expect(status.state === 'waiting' && status.problem).toBe('busy');
      await advance(wait - 1);
      expect(eventPosts()).toHaveLength(failures);
      await advance(1);
      expect(eventPosts()).toHaveLength(failures + 1);
    }

    setScript(healthy);
    await advance((clock.nextTimerAt() ?? 0) - clock.now());
    expect(journal.pendingCount()).toBe(0);
    expect(sync.status()).toMatchObject({ state: 'ok', pending: 0, lastSyncAt: new Date(clock.now()).toISOString() });
    // From now on only the regular pull of summary and kits, about every 15 minutes.
    const nextPull = (clock.nextTimerAt() ?? 0) - clock.now();
    expect(nextPull).toBeGreaterThanOrEqual(PULL_INTERVAL_MS * 0.9);
    expect(nextPull).toBeLessThanOrEqual(PULL_INTERVAL_MS * 1.1);
    const pulls = (): number =>
      requests().filter((request) => request.path === '/v1/summary' || request.path === '/v1/kits').length;
    const before = pulls();
    await advance(nextPull);
    expect(pulls()).toBe(before + 2);
    expect(eventPosts()).toHaveLength(8);
  });

  it('waits as long as Retry-After says, even when the person presses Refresh now', async () => {
    let answered = 0;
    const { clock, sync, journal, share, eventPosts, advance } = await setup((path) =>
      path === '/v1/events' && (answered += 1) === 1
        ? { status: 429, headers: { 'retry-after': '120' } }
        : { status: 200 },
    );
    await share();
    expect((clock.nextTimerAt() ?? 0) - clock.now()).toBe(120_000);
    await sync.syncNow();
    await share({ network: 'x' });
    await advance(119_999);
    expect(eventPosts()).toHaveLength(1);
    await advance(1);
    expect(eventPosts()).toHaveLength(2);
    expect(eventPosts()[1]?.events).toHaveLength(2);
    expect(journal.pendingCount()).toBe(0);
  });

  it('makes no request and sets no timer while offline, and sends everything in one go when the network is back', async () => {
    const { clock, sync, journal, network, share, eventPosts, advance } = await setup();
    network.goOffline();
    await sync.start();
    for (let n = 0; n < 5; n += 1) await share({ postKey: `https://blog.example.com/${String(n)}` });
    expect(sync.status()).toEqual({ state: 'waiting', pending: 5, problem: 'offline', retryAt: null });
    expect(clock.nextTimerAt()).toBeNull();
    await advance(24 * 60 * 60_000);
    expect(network.refused).toBe(0);
    expect(eventPosts()).toHaveLength(0);

    network.comeBack();
    await sync.idle();
    expect(eventPosts()).toHaveLength(1);
    expect(eventPosts()[0]?.events).toHaveLength(5);
    expect(journal.pendingCount()).toBe(0);
    expect(sync.status()).toMatchObject({ state: 'ok', pending: 0 });
  });

  it('retries at once when the network comes back after the endpoint could not be reached', async () => {
    const { clock, sync, journal, network, share, eventPosts, setScript } = await setup(() => ({
      status: 200,
      drop: true,
    }));
    await sync.start();
    await share();
    expect(eventPosts()).toHaveLength(1);
    expect(sync.status()).toMatchObject({ state: 'waiting', pending: 1 });
    const timer = clock.nextTimerAt();
    expect(timer).not.toBeNull();
    setScript(healthy);
    network.comeBack();
    await sync.idle();
    expect(eventPosts()).toHaveLength(2);
    expect(journal.pendingCount()).toBe(0);
  });

  it('halves a batch the endpoint finds too large until it fits', async () => {
    const { journal, share, eventPosts } = await setup((path, events) =>
      path === '/v1/events' && events.length > 10 ? { status: 413 } : { status: 200 },
    );
    for (let n = 0; n < 29; n += 1)
      await journal.record({
        id: uuidv7(),
        type: 'shared',
        postKey: `https://blog.example.com/${String(n)}`,
        network: 'x',
        at: new Date().toISOString(),
      });
    await share();
    const accepted = eventPosts().filter((request) => request.events.length <= 10);
    expect(accepted.flatMap((request) => request.events)).toHaveLength(30);
    expect(journal.pendingCount()).toBe(0);
  });

  it('sets aside an event this desktop cannot send, says why, and sends the others in the same flush', async () => {
    const { sync, journal, share, eventPosts, warnings } = await setup();
    const tooLong = `https://blog.example.com/${'a'.repeat(3000)}`;
    await journal.record({
      id: uuidv7(),
      type: 'shared',
      postKey: tooLong,
      network: 'x',
      at: new Date().toISOString(),
    });
    const good = await share();
    expect(eventPosts().flatMap((request) => request.events)).toEqual([good]);
    expect(journal.pendingCount()).toBe(0);
    expect(journal.rejected().map(({ event, reason }) => [event.postKey, reason])).toEqual([
      [tooLong, 'this desktop cannot send it: /postKey must not have more than 2048 characters'],
    ]);
    expect(sync.status()).toMatchObject({ state: 'ok', pending: 0, rejected: 1 });
    expect(warnings).toContain('a share was refused and set aside; it stays in the journal but is not sent again');
  });
});
