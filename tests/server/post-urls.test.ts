/**
 * Links, shares and redirects only for the organisation's sites, and only for URLs `new URL` can read
 * (issue 16, holes 1 and 2): each test is an attack made over HTTP and what must hold against it.
 */
import { describe, expect, it } from 'vitest';
import type { EventResults, LinksResponse } from '../../common/protocol.ts';
import { kitFromForm } from '../../server/dashboard/forms.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36';
const UNREADABLE = ['http://%%%', 'http://[', 'https://a:99999/'];

async function device() {
  return apiAs(endpoint.url, await endpoint.enroll('Mallory'));
}

const storedLinks = () => endpoint.db.selectFrom('tracked_links').select(['post_key', 'code']).execute();

/** A row as an endpoint from before these checks could have stored it. */
async function oldLink(postKey: string, code: string): Promise<string> {
  const person = await endpoint.db.selectFrom('people').select('id').executeTakeFirstOrThrow();
  await endpoint.db
    .insertInto('tracked_links')
    .values({ code, person_id: person.id, post_key: postKey, network: 'x', created_at: new Date().toISOString() })
    .execute();
  return `${endpoint.url}r/${code}`;
}

describe('an open redirect through tracked links', () => {
  it('minting a link to another site (https://evil.example/phish) is refused with a reason, and no link is made', async () => {
    const answer = await (
      await device()
    ).post<{ message: string }>('v1/links', { postKey: 'https://evil.example/phish', networks: ['x'] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe("body.postKey: evil.example is not one of the organisation's sites");
    expect(await storedLinks()).toEqual([]);
  });

  it('a URL that reads as the blog but goes elsewhere (https://blog.example.com@evil.example/) is refused', async () => {
    const mallory = await device();
    for (const postKey of ['https://blog.example.com@evil.example/', 'https://ada:pw@blog.example.com/a']) {
      const answer = await mallory.post<{ message: string }>('v1/links', { postKey, networks: ['x'] });
      expect(answer.status, postKey).toBe(400);
      expect(answer.body.message).toBe('body.postKey must not carry a user name or password (a part before "@")');
    }
    expect(await storedLinks()).toEqual([]);
  });

  it('a host that only ends like the blog (blog.example.com.evil.example) is not the blog', async () => {
    const answer = await (
      await device()
    ).post('v1/links', { postKey: 'https://blog.example.com.evil.example/a', networks: ['x'] });
    expect(answer.status).toBe(400);
  });

  it('an old link to another site is not followed: the visitor gets a page saying so, and no click counts', async () => {
    await endpoint.enroll('Ada');
    const url = await oldLink('https://evil.example/phish', 'oldEvilLink1');
    const response = await fetch(url, { redirect: 'manual', headers: { 'user-agent': BROWSER } });
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain("does not lead to one of the organisation's sites");
    expect(await endpoint.db.selectFrom('clicks').selectAll().execute()).toEqual([]);
  });

  it("the organisation's own link still redirects, its host compared in any case", async () => {
    const { body } = await (
      await device()
    ).post<LinksResponse>('v1/links', { postKey: 'https://BLOG.example.com/ok', networks: ['x'] });
    const response = await fetch(body.links[0]?.url ?? '', { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^https:\/\/blog\.example\.com\/ok\?utm_source=x&/);
  });
});

describe("shares of pages that are not the organisation's", () => {
  it('events for another site are rejected in words, and the rest of the batch is counted', async () => {
    const ours = shareEvent({ postKey: 'https://blog.example.com/a' });
    const theirs = shareEvent({ postKey: 'https://evil.example/invented-1' });
    const hidden = shareEvent({ postKey: 'https://blog.example.com@evil.example/invented-2' });
    const { body } = await (await device()).post<EventResults>('v1/events', { events: [theirs, ours, hidden] });
    expect(body.results).toEqual([
      {
        id: theirs.id,
        status: 'rejected',
        reason: '"postKey": evil.example is not one of the organisation\'s sites',
      },
      { id: ours.id, status: 'created' },
      {
        id: hidden.id,
        status: 'rejected',
        reason: '"postKey" must not carry a user name or password (a part before "@")',
      },
    ]);
    expect((await endpoint.rows()).map((row) => row.post_key)).toEqual(['https://blog.example.com/a']);
  });
});

describe('URLs that new URL cannot read (http://%%%, http://[, https://a:99999/)', () => {
  it('a link for one is refused with 400 naming body.postKey, so no /r/ link can fail later', async () => {
    const mallory = await device();
    for (const postKey of UNREADABLE) {
      const answer = await mallory.post<{ message: string }>('v1/links', { postKey, networks: ['x'] });
      expect(answer.status, postKey).toBe(400);
      expect(answer.body.message).toBe('body.postKey is not a valid URL');
    }
    expect(await storedLinks()).toEqual([]);
  });

  it('an event for one is rejected naming "postKey", nothing stored', async () => {
    const events = UNREADABLE.map((postKey) => shareEvent({ postKey }));
    const { body } = await (await device()).post<EventResults>('v1/events', { events });
    expect(body.results).toEqual(
      events.map((event) => ({ id: event.id, status: 'rejected', reason: '"postKey" is not a valid URL' })),
    );
    expect(await endpoint.rows()).toEqual([]);
  });

  it('a kit for one, or with such an image, is refused with 400 naming the field, nothing saved', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    const kit = { postKey: 'https://blog.example.com/a', pitch: 'p', messages: {}, hashtags: [], imageUrl: null };
    for (const postKey of UNREADABLE) {
      const answer = await admin.put<{ message: string }>('v1/kits', { ...kit, postKey });
      expect(answer.status, postKey).toBe(400);
      expect(answer.body.message).toBe('body.postKey is not a valid URL');
    }
    const image = await admin.put<{ message: string }>('v1/kits', { ...kit, imageUrl: 'https://a:99999/i.png' });
    expect(image.status).toBe(400);
    expect(image.body.message).toBe('body.imageUrl is not a valid URL');
    expect(await endpoint.db.selectFrom('share_kits').selectAll().execute()).toEqual([]);
    const removal = await admin.delete<{ message: string }>(`v1/kits?postKey=${encodeURIComponent('http://%%%')}`);
    expect(removal.status).toBe(400);
    expect(removal.body.message).toBe('querystring.postKey is not a valid URL');
  });

  it('the dashboard’s kit form refuses one in its own words, and stores a good one as new URL writes it', () => {
    const form = { postKey: 'http://%%%', pitch: 'p', hashtags: '', imageUrl: '', messages: {} };
    expect(kitFromForm(form)).toEqual({ errors: ['Post URL is not a valid URL'] });
    expect(kitFromForm({ ...form, postKey: 'https://blog.example.com/a', imageUrl: 'https://a:99999/i.png' })).toEqual({
      errors: ['Image URL is not a valid URL'],
    });
    const saved = kitFromForm({ ...form, postKey: 'https://Blog.Example.com/a/../b' });
    expect('kit' in saved && saved.kit.postKey).toBe('https://blog.example.com/b');
  });

  it('an old link stored with one answers the not-followed page, not a 500', async () => {
    await endpoint.enroll('Ada');
    for (const [index, postKey] of UNREADABLE.entries()) {
      const url = await oldLink(postKey, `oldBadLink${String(index)}`);
      expect((await fetch(url, { redirect: 'manual' })).status, postKey).toBe(403);
    }
  });
});

describe('post URLs are stored as new URL writes them', () => {
  it('links, events and kits keep one key for one post however it is written; the fragment stays', async () => {
    const written = 'https://Blog.Example.COM:443/posts/../launch?ref=feed#top';
    const key = 'https://blog.example.com/launch?ref=feed#top';
    const ada = await device();
    const links = await ada.post<LinksResponse>('v1/links', { postKey: written, networks: ['x'] });
    const again = await ada.post<LinksResponse>('v1/links', { postKey: key, networks: ['x'] });
    expect(again.body.links[0]?.code).toBe(links.body.links[0]?.code);
    expect((await storedLinks()).map((row) => row.post_key)).toEqual([key]);

    const event = shareEvent({ postKey: written });
    expect((await ada.post<EventResults>('v1/events', { events: [event] })).body.results[0]?.status).toBe('created');
    // A retry is the same event whether it comes written as before or as stored.
    const retries = [event, { ...event, postKey: key }];
    expect((await ada.post<EventResults>('v1/events', { events: retries })).body.results).toEqual(
      retries.map(() => ({ id: event.id, status: 'duplicate' })),
    );
    expect((await endpoint.rows()).map((row) => row.post_key)).toEqual([key]);

    const admin = apiAs(endpoint.url, endpoint.adminToken);
    const saved = await admin.put<{ postKey: string; imageUrl: string }>('v1/kits', {
      postKey: written,
      pitch: 'p',
      messages: {},
      hashtags: [],
      imageUrl: 'https://CDN.example.com/a/./i.png',
    });
    expect(saved.body).toMatchObject({ postKey: key, imageUrl: 'https://cdn.example.com/a/i.png' });
    expect((await admin.delete(`v1/kits?postKey=${encodeURIComponent(written)}`)).status).toBe(204);
  });
});

describe("an endpoint not told the organisation's sites", () => {
  const bare = freshEndpointPerTest({ postHosts: [] });

  it('refuses every link and share with a reason that tells IT what to set', async () => {
    const token = await bare.enroll('Ada');
    const ada = apiAs(bare.url, token);
    const links = await ada.post<{ message: string }>('v1/links', {
      postKey: 'https://blog.example.com/a',
      networks: ['x'],
    });
    expect(links.status).toBe(400);
    expect(links.body.message).toContain("IT adds the blog's feed (npm run server:admin -- add-feed <url>)");
    expect(links.body.message).toContain('or starts it with --post-hosts');
    const event = shareEvent();
    const { body } = await ada.post<EventResults>('v1/events', { events: [event] });
    expect(body.results[0]?.reason).toContain('ADVOCATE_POST_HOSTS');
    expect(await bare.rows()).toEqual([]);
  });
});
