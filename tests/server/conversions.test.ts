/**
 * Leads: POST /v1/conversions from a landing page, against a real endpoint. Tried: a conversion on a
 * person's tracked link from the key's own origin (as fetch with JSON, and as sendBeacon's text), another
 * origin, no origin, a revoked or made-up key, a code no link has, an email address or a phone number in
 * the payload, a body that is not JSON. Must hold: only the first kind is counted, for the link's owner
 * (in their summary, per kind), each refusal says why in words, and nothing refused is stored.
 */
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../common/protocol.ts';
import { conversionTotal } from '../../server/conversions/conversion-store.ts';
import { createSiteKey, revokeSiteKey } from '../../server/conversions/site-keys.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { dashboardBrowser } from '../helpers/dashboard-browser.ts';

const endpoint = freshEndpointPerTest();
const ORIGIN = 'https://www.example.com';
const POST = 'https://blog.example.com/ship-small';

async function setUp() {
  const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
  const links = await device.post<{ links: { network: string; code: string }[] }>('v1/links', {
    postKey: POST,
    networks: ['linkedin'],
  });
  const code = links.body.links[0]?.code ?? '';
  const key = await createSiteKey(endpoint.db, [ORIGIN]);
  if (!key.ok) throw new Error(key.reason);
  return { device, code, key };
}

function report(
  body: unknown,
  { origin = ORIGIN, type = 'application/json' }: { origin?: string | null; type?: string } = {},
) {
  return fetch(new URL('v1/conversions', endpoint.url), {
    method: 'POST',
    headers: { 'content-type': type, ...(origin === null ? {} : { origin }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const messageOf = async (response: Response) => ((await response.json()) as { message: string }).message;

describe('POST /v1/conversions', () => {
  it('counts a sign-up on a person’s link for that person, by fetch and by sendBeacon', async () => {
    const { device, code, key } = await setUp();
    const answer = await report({ siteKey: key.key, code, kind: 'signup' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(
      (
        await report(`{"siteKey":"${key.key}","code":"${code}","kind":"signup","value":49}`, {
          type: 'text/plain;charset=UTF-8',
        })
      ).status,
    ).toBe(204);
    expect((await report({ siteKey: key.key, code, kind: 'demo' })).status).toBe(204);
    // Only for desktops that ask: older ones would refuse a field they do not know.
    expect((await device.get<Summary>('v1/summary')).body.me).not.toHaveProperty('conversions');
    const summary = await device.get<Summary>('v1/summary?include=conversions');
    expect(summary.body.me.conversions).toEqual([
      { kind: 'signup', count: 2 },
      { kind: 'demo', count: 1 },
    ]);
    const dashboard = dashboardBrowser(endpoint);
    await dashboard.signIn();
    const results = await dashboard.get('dashboard/');
    expect(results.text).toContain('<strong>3</strong> conversions landing pages reported from shared links');
    // The browser's preflight for a JSON body is answered for any page; only the key's origins count.
    const preflight = await fetch(new URL('v1/conversions', endpoint.url), {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('refuses another origin, no origin, a revoked or unknown key and an unknown code, each in words', async () => {
    const { code, key } = await setUp();
    const cases: [Response, number, string][] = [
      [
        await report({ siteKey: key.key, code, kind: 'signup' }, { origin: 'https://evil.example' }),
        403,
        `this site key works only on pages of ${ORIGIN}, not https://evil.example`,
      ],
      [
        await report({ siteKey: key.key, code, kind: 'signup' }, { origin: null }),
        403,
        `this site key works only on pages of ${ORIGIN}`,
      ],
      [
        await report({ siteKey: `site_${'x'.repeat(43)}`, code, kind: 'signup' }),
        401,
        'this site key is not one of this endpoint, or was revoked: ask the Advocate admin',
      ],
      [
        await report({ siteKey: key.key, code: 'nosuchcode123', kind: 'signup' }),
        404,
        'this share code is not one of this endpoint’s tracked links; nothing was counted',
      ],
    ];
    for (const [answer, status, message] of cases) {
      expect(answer.status).toBe(status);
      expect(await messageOf(answer)).toBe(message);
    }
    expect(await revokeSiteKey(endpoint.db, key.id)).toBe(true);
    expect((await report({ siteKey: key.key, code, kind: 'signup' })).status).toBe(401);
    expect(await conversionTotal(endpoint.db)).toBe(0);
  });

  it('refuses a payload carrying an email address or a phone number, and one that is not JSON', async () => {
    const { code, key } = await setUp();
    const email = await report({ siteKey: key.key, code, kind: 'signup', email: 'ada@example.com' });
    expect(email.status).toBe(422);
    expect(await messageOf(email)).toBe(
      'conversions carry no personal data, and this one carries an email address: send only the share code, a kind and a value',
    );
    const phone = await report({ siteKey: key.key, code, kind: 'signup', note: 'call +44 20 7946 0958' });
    expect(phone.status).toBe(422);
    expect(await messageOf(phone)).toContain('carries a phone number');
    // A value is a number, not a phone number; a field the contract does not have is refused by name.
    const extra = await report({ siteKey: key.key, code, kind: 'signup', plan: 'pro' });
    expect(extra.status).toBe(400);
    expect(await messageOf(extra)).toContain('unknown field "plan"');
    const garbled = await report('kind=signup', { type: 'text/plain' });
    expect(garbled.status).toBe(400);
    expect(await messageOf(garbled)).toBe('the body is not JSON: send {"siteKey", "code", "kind", "value"}');
    expect(await conversionTotal(endpoint.db)).toBe(0);
  });

  it('makes keys only for origins of https pages', async () => {
    expect(await createSiteKey(endpoint.db, ['http://www.example.com'])).toEqual({
      ok: false,
      reason: 'http://www.example.com is not https: landing pages that report conversions must be',
    });
    expect(await createSiteKey(endpoint.db, ['https://www.example.com/pricing'])).toEqual({
      ok: false,
      reason: 'https://www.example.com/pricing is more than an origin: give only https://host (and a port if any)',
    });
    expect(await createSiteKey(endpoint.db, [])).toEqual({
      ok: false,
      reason: 'a site key needs the origin of at least one landing page',
    });
  });
});
