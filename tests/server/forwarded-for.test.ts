/**
 * Behind a reverse proxy the client's address comes from X-Forwarded-For, whose leftmost entries the
 * client writes itself (issue 16, hole 5). Each test rotates that header through a real proxy on
 * 127.0.0.1 and checks the client stays one client: one per-IP limit, one unique visitor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LinksResponse } from '../../common/protocol.ts';
import { readTrustProxy, type TrustProxy } from '../../server/http/trust-proxy.ts';
import { endpointsPerTest, type TestEndpoint } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { PROXY_ADDRESS, startForwardingProxy } from '../helpers/forwarding-proxy.ts';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36';
const start = endpointsPerTest();
const proxies: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of proxies.splice(0)) await close();
});

/** An endpoint behind one proxy, and the proxy's address, which is where clients go. */
async function behindProxy(trustProxy: TrustProxy, perIp = 1e9): Promise<{ endpoint: TestEndpoint; url: string }> {
  const endpoint = await start({ trustProxy, rateLimits: { perIp } });
  const proxy = await startForwardingProxy(endpoint.url);
  proxies.push(proxy.close);
  return { endpoint, url: proxy.url };
}

let forged = 0;
/** A new made-up client address on every call. */
const forgedAddress = (): string => `198.51.100.${String((forged += 1) % 250)}`;

describe.each<[string, TrustProxy]>([
  ['one proxy hop (--trust-proxy 1)', 1],
  ["the proxy's address (--trust-proxy 127.0.0.3)", [PROXY_ADDRESS]],
])('trusting %s', (_name, trustProxy) => {
  it('a client rotating X-Forwarded-For does not escape the per-IP rate limit', async () => {
    const { url } = await behindProxy(trustProxy, 3);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(new URL('healthz', url), { headers: { 'x-forwarded-for': forgedAddress() } });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('a visitor rotating X-Forwarded-For is one unique visitor, however many clicks', async () => {
    const { endpoint, url } = await behindProxy(trustProxy);
    const device = apiAs(url, await endpoint.enroll('Ada'));
    const { body } = await device.post<LinksResponse>('v1/links', {
      postKey: 'https://blog.example.com/a',
      networks: ['x'],
    });
    const link = body.links[0]?.url ?? '';
    // The proxy said https, and the endpoint believed its trusted proxy: links carry the public scheme.
    expect(link).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/r\//);
    const visit = new URL(new URL(link).pathname, url);
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(visit, {
        redirect: 'manual',
        headers: { 'user-agent': BROWSER, 'x-forwarded-for': forgedAddress() },
      });
      expect(response.status).toBe(302);
    }
    await expect.poll(async () => (await endpoint.db.selectFrom('clicks').select('visitor').execute()).length).toBe(4);
    const visitors = await endpoint.db.selectFrom('clicks').select('visitor').distinct().execute();
    expect(visitors).toHaveLength(1);
  });
});

describe('without --trust-proxy (the default)', () => {
  it('a client writing X-Forwarded-For straight to the endpoint is limited by its own address', async () => {
    const endpoint = await start({ rateLimits: { perIp: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(new URL('healthz', endpoint.url), {
        headers: { 'x-forwarded-for': forgedAddress(), 'x-forwarded-proto': 'https' },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('--trust-proxy as written', () => {
  it('takes off, a hop count, or addresses and CIDR ranges, and refuses anything else in words', () => {
    expect(readTrustProxy('')).toBe(false);
    expect(readTrustProxy('0')).toBe(false);
    expect(readTrustProxy('2')).toBe(2);
    expect(readTrustProxy('10.0.0.5, 10.0.0.0/24 fd00::/8 loopback')).toEqual([
      '10.0.0.5',
      '10.0.0.0/24',
      'fd00::/8',
      'loopback',
    ]);
    for (const wrong of ['true', 'yes', '10.0.0.0/33', '10.0.0.300', 'fd00::/129', '10.0.0.0/']) {
      expect(() => readTrustProxy(wrong), wrong).toThrow(`not "${wrong}"`);
    }
  });
});
