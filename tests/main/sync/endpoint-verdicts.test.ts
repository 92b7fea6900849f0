/**
 * The endpoint's verdict per event, from a real endpoint: a duplicate is as good as created (the
 * endpoint has it, once), and a rejected event leaves the outbox for good, with its reason, without
 * holding back the events behind it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareEvent } from '../../../common/domain.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { openSyncDesktop } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const endpoint = freshEndpointPerTest();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desktop(clock = new FakeClock(Date.now())) {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const tokens = memoryTokenStore();
  const opened = await openSyncDesktop({
    url: endpoint.url,
    dataDir: dir.path,
    tokens,
    clock,
    enrollment: {
      current: () => ({ code: endpoint.enrollmentCode, displayName: 'Eve', team: '' }),
      onChange: () => () => undefined,
    },
  });
  cleanups.push(opened.stop);
  await opened.sync.start();
  return { ...opened, tokens };
}

describe("the endpoint's verdicts", () => {
  it('counts events the endpoint already has as acknowledged, and the endpoint keeps them once', async () => {
    const { journal, sync, tokens, share } = await desktop();
    const events: ShareEvent[] = Array.from({ length: 3 }, (_, n) => ({
      id: `0190f5c2-8a6e-7c3d-9f10-2b3c4d5e6f7${String(n)}`,
      type: 'shared',
      postKey: `https://blog.example.com/${String(n)}`,
      network: 'x',
      at: new Date().toISOString(),
    }));
    // As if a flush reached the endpoint and the desktop died before writing the acknowledgement.
    const sent = await apiAs(endpoint.url, await tokens.load()).post('v1/events', { events });
    expect(sent.status).toBe(200);
    for (const event of events) await journal.record(event);
    await share();
    expect(journal.pendingCount()).toBe(0);
    expect(sync.status()).toMatchObject({ state: 'ok', pending: 0 });
    expect(await endpoint.rows()).toHaveLength(4);
  });

  it("sets a rejected event aside with the endpoint's reason, and sends the ones behind it", async () => {
    // This computer's clock is three days ahead: the endpoint refuses its shares' times.
    const { journal, sync, share } = await desktop(new FakeClock(Date.now() + 3 * 24 * 3600_000));
    const refused = await share();
    const good = await share({ network: 'x', at: new Date().toISOString() });
    expect(journal.pendingCount()).toBe(0);
    expect(journal.rejected().map(({ event, reason }) => [event.id, reason])).toEqual([
      [refused.id, `"at" is more than a day in the future (${refused.at}); check the computer's clock`],
    ]);
    expect(sync.status()).toMatchObject({ state: 'ok', pending: 0, rejected: 1 });
    expect((await endpoint.rows()).map((row) => row.id)).toEqual([good.id]);
  });
});
