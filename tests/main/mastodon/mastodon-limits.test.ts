/**
 * Mastodon's limits from the person's own server: a real local HTTP server stands in for the instance and
 * answers /api/v2/instance as Mastodon does (or badly). Time moves on the fake clock: read once, kept per
 * server, read again a day later, an hour after a failure; the defaults whenever nothing usable came.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../common/ipc/contract.ts';
import { DEFAULT_MASTODON_LIMITS, type MastodonLimits } from '../../../common/share/length.ts';
import { EventBus } from '../../../main/core/event-bus.ts';
import type { HttpFetch, Logger } from '../../../main/core/ports.ts';
import { followMastodonLimits, mastodonLimitsHandlers } from '../../../main/mastodon/limits-handlers.ts';
import {
  createMastodonLimits,
  LIMITS_REFRESH_MS,
  LIMITS_RETRY_MS,
  type MastodonLimitsService,
} from '../../../main/mastodon/mastodon-limits.ts';
import { EMPTY_LAYER } from '../../../main/settings/layers.ts';
import { createSettingsService, memoryStore } from '../../../main/settings/settings-service.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { startLocalServer } from '../../helpers/http-server.ts';

type Answer = (response: ServerResponse, request: IncomingMessage) => void;

const instanceDocument = (maxCharacters: unknown, reserved: unknown = 23): string =>
  JSON.stringify({
    domain: 'social.example',
    title: 'Example social',
    configuration: {
      urls: { streaming: 'wss://social.example' },
      statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: reserved },
    },
    rules: [{ id: '1', text: 'Be kind.' }],
  });
const json =
  (body: string): Answer =>
  (response) =>
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stand-in Mastodon server; `answer` may be changed between reads. */
async function standInInstance(first: Answer) {
  const state = { answer: first, paths: [] as string[] };
  const server = await startLocalServer((request, response) => {
    state.paths.push(request.url ?? '');
    state.answer(response, request);
  });
  cleanups.push(server.close);
  return Object.assign(state, { host: new URL(server.url).host });
}

// The stand-in speaks plain HTTP on 127.0.0.1; everything else about the request is the real one.
const toStandIn: HttpFetch = (input, init) => fetch(input.replace(/^https:/, 'http:'), init);

function recordingLog(): Logger & { readonly warnings: Record<string, unknown>[] } {
  const warnings: Record<string, unknown>[] = [];
  return {
    info: () => undefined,
    error: () => undefined,
    warn: (_m, details) => warnings.push(details ?? {}),
    warnings,
  };
}

function service(instance: string, clock = new FakeClock(), log = recordingLog()) {
  const limits = createMastodonLimits({
    fetch: toStandIn,
    clock,
    log,
    instance,
    readLimits: { timeoutMs: 300, maxBytes: 64 * 1024 },
  });
  cleanups.push(() => limits.stop());
  const announced: MastodonLimits[] = [];
  limits.onChange((current) => announced.push(current));
  return { limits, clock, log, announced };
}

const limitsOf = (instance: string, maxCharacters: number, charactersReservedPerUrl = 23): MastodonLimits => ({
  instance,
  maxCharacters,
  charactersReservedPerUrl,
});

describe('Mastodon limits from the instance', () => {
  it("reads max_characters and characters_reserved_per_url from the server's /api/v2/instance", async () => {
    const server = await standInInstance(json(instanceDocument(1000, 30)));
    const { limits, announced } = service(server.host);
    // Until the server answers, Mastodon's defaults.
    expect(limits.current()).toEqual(DEFAULT_MASTODON_LIMITS);
    await limits.settled();
    expect(limits.current()).toEqual(limitsOf(server.host, 1000, 30));
    expect(announced).toEqual([limitsOf(server.host, 1000, 30)]);
    expect(server.paths).toEqual(['/api/v2/instance']);
    expect(await mastodonLimitsHandlers(limits).getMastodonLimits()).toEqual(limitsOf(server.host, 1000, 30));
  });

  it('keeps the figures per server, and reads them again only a day later', async () => {
    const first = await standInInstance(json(instanceDocument(1000)));
    const second = await standInInstance(json(instanceDocument(5000)));
    const { limits, clock, announced } = service(first.host);
    await limits.settled();
    limits.setInstance(second.host);
    await limits.settled();
    limits.setInstance(first.host);
    // Back to a server already read: its figures at once, no request.
    expect(limits.current()).toEqual(limitsOf(first.host, 1000));
    await limits.settled();
    expect([first.paths.length, second.paths.length]).toEqual([1, 1]);
    // The second server counts with the defaults (500) until it has answered.
    expect(announced.map((one) => [one.instance, one.maxCharacters])).toEqual([
      [first.host, 1000],
      [null, 500],
      [second.host, 5000],
      [first.host, 1000],
    ]);

    first.answer = json(instanceDocument(1500));
    clock.advance(LIMITS_REFRESH_MS - 1);
    await limits.settled();
    expect(first.paths).toHaveLength(1);
    clock.advance(1);
    await limits.settled();
    expect(first.paths).toHaveLength(2);
    expect(limits.current()).toEqual(limitsOf(first.host, 1500));
  });

  it('asks nothing while no server is named, then reads the one named in Settings and tells the window', async () => {
    const server = await standInInstance(json(instanceDocument(700)));
    const settings = createSettingsService({
      store: memoryStore({}),
      storeOrigin: 'test settings',
      machine: EMPTY_LAYER,
      policy: EMPTY_LAYER,
      log: recordingLog(),
    });
    const { limits } = service(settings.values().mastodonInstance);
    const events = new EventBus<EventMap>();
    const sent: MastodonLimits[] = [];
    events.on('mastodonLimitsChanged', (payload) => sent.push(payload));
    cleanups.push(followMastodonLimits(limits, settings, events));
    await limits.settled();
    expect(server.paths).toEqual([]);
    expect(limits.current()).toEqual(DEFAULT_MASTODON_LIMITS);

    settings.update({ mastodonInstance: `https://${server.host}/` });
    await limits.settled();
    expect(sent).toEqual([limitsOf(server.host, 700)]);

    settings.update({ mastodonInstance: '' });
    expect(sent.at(-1)).toEqual(DEFAULT_MASTODON_LIMITS);
  });

  const BIG = 'x'.repeat(200 * 1024);
  it.each<[string, Answer, RegExp]>([
    ['an error page', (response) => response.writeHead(500).end('<h1>oops</h1>'), /answered 500/],
    ['HTML instead of JSON', (response) => response.writeHead(200).end('<html>maintenance</html>'), /not JSON/],
    ['JSON without a configuration', json('{"domain":"social.example"}'), /no usable configuration/],
    ['a negative limit', json(instanceDocument(-5)), /no usable configuration/],
    ['a limit of a billion', json(instanceDocument(1e9)), /no usable configuration/],
    ['the limit as text', json(instanceDocument('5000')), /no usable configuration/],
    ['a fractional link length', json(instanceDocument(500, 23.5)), /no usable configuration/],
    ['a document past the size cap', json(instanceDocument(500) + BIG), /larger than 64 KiB/],
    [
      'a body that never ends',
      (response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"configuration":');
      },
      /did not answer within 0.3 s/,
    ],
    ['no answer at all', () => undefined, /did not answer within 0.3 s/],
  ])(
    'a server sending %s leaves the defaults, says why in the log, and is asked again an hour later',
    async (_what, answer, why) => {
      const server = await standInInstance(answer);
      const { limits, clock, log, announced } = service(server.host);
      await limits.settled();
      expect(limits.current()).toEqual(DEFAULT_MASTODON_LIMITS);
      expect(announced).toEqual([]);
      expect(log.warnings).toHaveLength(1);
      expect(String(log.warnings[0]?.['reason'])).toMatch(why);

      server.answer = json(instanceDocument(900));
      clock.advance(LIMITS_RETRY_MS - 1);
      await limits.settled();
      expect(server.paths).toHaveLength(1);
      clock.advance(1);
      await limits.settled();
      expect(limits.current()).toEqual(limitsOf(server.host, 900));
    },
  );

  it('keeps the figures a server gave when a later refresh fails', async () => {
    const server = await standInInstance(json(instanceDocument(2000)));
    const { limits, clock, log } = service(server.host);
    await limits.settled();
    server.answer = (response) => response.writeHead(503).end();
    clock.advance(LIMITS_REFRESH_MS);
    await limits.settled();
    expect(server.paths).toHaveLength(2);
    expect(limits.current()).toEqual(limitsOf(server.host, 2000));
    expect(log.warnings[0]).toMatchObject({ counting: 'with the last figures it gave' });
  });

  it('stops asking once stopped', async () => {
    const server = await standInInstance(json(instanceDocument(800)));
    const { limits, clock }: { limits: MastodonLimitsService; clock: FakeClock } = service(server.host);
    await limits.settled();
    limits.stop();
    clock.advance(2 * LIMITS_REFRESH_MS);
    await limits.settled();
    expect(server.paths).toHaveLength(1);
    expect(clock.nextTimerAt()).toBeNull();
  });
});
