/**
 * Fresh figures, on a fake clock against a scripted endpoint on 127.0.0.1: looking at the results
 * checks the summary again only once it is a minute old (RESULTS_FRESH_MS), Refresh checks at once, and
 * the status's lastSyncAt is the time of the last successful check, never of a failed one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RESULTS_FRESH_MS } from '../../../common/sharing.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startLocalServer } from '../../helpers/http-server.ts';
import { openSyncDesktop, quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const clock = new FakeClock(Date.now());
  const summaries: number[] = [];
  let failSummary = false;
  const server = await startLocalServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/v1/summary') {
      summaries.push(clock.now());
      if (failSummary) {
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"scripted"}');
        return;
      }
    }
    response.writeHead(304).end();
  });
  cleanups.push(server.close);
  const desktop = await openSyncDesktop({
    url: server.url,
    dataDir: dir.path,
    tokens: memoryTokenStore('t'.repeat(43)),
    clock,
    log: quietLog,
  });
  cleanups.push(desktop.stop);
  await desktop.sync.start();
  await desktop.sync.idle();
  return { clock, sync: desktop.sync, summaries, failNext: (fail: boolean) => (failSummary = fail) };
}

describe('fresh results', () => {
  it('checks again when the figures are looked at a minute after the last check, not before', async () => {
    const { clock, sync, summaries } = await setup();
    expect(summaries).toHaveLength(1);
    const checkedAt = clock.now();
    expect(sync.status()).toEqual({ state: 'ok', pending: 0, lastSyncAt: new Date(checkedAt).toISOString() });

    clock.advance(RESULTS_FRESH_MS - 1);
    await sync.refreshIfStale();
    expect(summaries).toHaveLength(1);

    clock.advance(1);
    await sync.refreshIfStale();
    expect(summaries).toEqual([checkedAt, checkedAt + RESULTS_FRESH_MS]);
    expect(sync.status()).toMatchObject({ lastSyncAt: new Date(clock.now()).toISOString() });
  });

  it('checks at once on Refresh, however fresh the figures are', async () => {
    const { sync, summaries } = await setup();
    await sync.syncNow();
    expect(summaries).toHaveLength(2);
  });

  it('keeps the time of the last good check when a check fails, so "up to date" is never claimed', async () => {
    const { clock, sync, summaries, failNext } = await setup();
    const goodAt = new Date(clock.now()).toISOString();
    failNext(true);
    clock.advance(RESULTS_FRESH_MS);
    await sync.refreshIfStale();
    expect(summaries).toHaveLength(2);
    expect(sync.status()).toEqual({ state: 'ok', pending: 0, lastSyncAt: goodAt });
  });
});
