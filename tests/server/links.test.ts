/** Tracked links: one per person, post and network; /r/ redirects with UTM tags and counts real clicks only. */
import { describe, expect, it } from 'vitest';
import type { LinksResponse, Summary } from '../../common/protocol.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();

const POST = 'https://blog.example.com/launch?ref=feed#top';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36';

async function linksFor(token: string, networks: string[]) {
  return apiAs(endpoint.url, token).post<LinksResponse>('v1/links', { postKey: POST, networks });
}

const visit = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });

/** Clicks are written in batches a few hundred milliseconds apart: wait until the count settles. */
async function clicksSeen(token: string, expected: number): Promise<number> {
  let clicks = -1;
  for (let attempt = 0; attempt < 40 && clicks !== expected; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    clicks = (await apiAs(endpoint.url, token).get<Summary>('v1/summary')).body.me.clicks;
  }
  return clicks;
}

describe('POST /v1/links', () => {
  it('gives one stable link per network, the same on every call, and different for another person', async () => {
    const ada = await endpoint.enroll('Ada');
    const first = await linksFor(ada, ['linkedin', 'x']);
    expect(first.status).toBe(200);
    expect(first.body.links.map((link) => link.network)).toEqual(['linkedin', 'x']);
    for (const link of first.body.links) expect(link.url).toBe(`${endpoint.url}r/${link.code}`);
    expect((await linksFor(ada, ['x', 'linkedin'])).body.links.map((link) => link.code)).toEqual([
      first.body.links[1]?.code,
      first.body.links[0]?.code,
    ]);
    const bob = await linksFor(await endpoint.enroll('Bob'), ['linkedin']);
    expect(bob.body.links[0]?.code).not.toBe(first.body.links[0]?.code);
  });

  it("never puts the person's name or id in the link", async () => {
    const { body } = await linksFor(await endpoint.enroll('Ada Lovelace'), ['linkedin']);
    expect(body.links[0]?.url).not.toMatch(/ada|lovelace/i);
  });

  it('needs a device token', async () => {
    expect((await apiAs(endpoint.url, null).post('v1/links', { postKey: POST, networks: ['x'] })).status).toBe(401);
  });
});

describe('GET /r/<code>', () => {
  it('answers 302 to the post with UTM tags, keeping its own query and fragment', async () => {
    const { body } = await linksFor(await endpoint.enroll('Ada'), ['bluesky']);
    const link = body.links[0];
    if (!link) throw new Error('no link');
    const response = await visit(link.url, { headers: { 'user-agent': BROWSER } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(
      `https://blog.example.com/launch?ref=feed&utm_source=bluesky&utm_medium=social&utm_campaign=advocate&utm_content=${link.code}#top`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("counts a browser's click, but not HEAD, link-preview bots or an empty user agent", async () => {
    const token = await endpoint.enroll('Ada');
    const url = (await linksFor(token, ['linkedin'])).body.links[0]?.url ?? '';
    const notCounted: RequestInit[] = [
      { method: 'HEAD', headers: { 'user-agent': BROWSER } },
      {
        headers: {
          'user-agent': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
        },
      },
      { headers: { 'user-agent': 'Twitterbot/1.0' } },
      { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' } },
      { headers: { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' } },
      { headers: { 'user-agent': '' } },
    ];
    for (const init of notCounted) expect((await visit(url, init)).status).toBe(302);
    await visit(url, { headers: { 'user-agent': BROWSER } });
    await visit(url, { headers: { 'user-agent': BROWSER } });
    expect(await clicksSeen(token, 2)).toBe(2);
    const { body } = await apiAs(endpoint.url, token).get<Summary>('v1/summary');
    expect(body.posts.find((entry) => entry.postKey === POST)?.clicks).toBe(2);
  });

  it('stores no IP address or user agent: only an opaque visitor hash, the same for one visitor in one day', async () => {
    const token = await endpoint.enroll('Ada');
    const url = (await linksFor(token, ['x'])).body.links[0]?.url ?? '';
    await visit(url, { headers: { 'user-agent': BROWSER } });
    await visit(url, { headers: { 'user-agent': BROWSER } });
    await visit(url, { headers: { 'user-agent': `${BROWSER} Other` } });
    await clicksSeen(token, 3);
    const rows = await endpoint.db.selectFrom('clicks').selectAll().execute();
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('127.0.0.1');
    expect(stored).not.toContain('Mozilla');
    expect(new Set(rows.map((row) => row.visitor)).size).toBe(2);
  });

  it('answers 404 to an unknown code and 400 to one that cannot be a code, without counting', async () => {
    expect((await visit(`${endpoint.url}r/abcdefgh1234`, { headers: { 'user-agent': BROWSER } })).status).toBe(404);
    expect((await visit(`${endpoint.url}r/${encodeURIComponent('<script>')}`)).status).toBe(400);
    expect(await endpoint.db.selectFrom('clicks').selectAll().execute()).toEqual([]);
  });
});
