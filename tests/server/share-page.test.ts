/**
 * /p/<post>, the share page for people without the app, against a real endpoint that read a real local
 * blog. Tried: a personal link's "Mark shared", a channel's link without a token, an expired, forged or
 * deactivated person's token, a post that is not known, an address cut short, a form changed by hand,
 * Mastodon with a server name and with nonsense. What must hold: a share counts for the person only with
 * a valid token, and then exactly as the app's would (the same standing counts, their tracked links);
 * otherwise it is counted apart, as from the channel; every refusal is a page in words, nothing stored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Summary } from '../../common/protocol.ts';
import { checkFeed } from '../../feeds/index.ts';
import { addFeed } from '../../server/feeds/feed-catalogue.ts';
import { setPersonActive } from '../../server/admin/people.ts';
import { mintPersonToken } from '../../server/security/person-token.ts';
import { pageShareCount } from '../../server/share-page/page-shares.ts';
import { sharePageLink } from '../../server/share-page/share-page-link.ts';
import { blogPosts, startBlog } from '../helpers/blog-server.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { dashboardBrowser } from '../helpers/dashboard-browser.ts';

const endpoint = freshEndpointPerTest({
  feedPolls: { holder: 'test-replica', tickMs: 100 },
  publicUrl: 'https://advocate.example.com/',
});
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** A blog with one post, read by the endpoint's poller: the post's share page path and its link. */
async function postOnThePage(): Promise<{ path: string; link: string; title: string }> {
  const blog = await startBlog(blogPosts(1));
  cleanups.push(blog.close);
  const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!added.ok) throw new Error(added.reason);
  const row = await vi.waitFor(
    async () => {
      const found = await endpoint.db.selectFrom('posts').selectAll().executeTakeFirst();
      expect(found).toBeDefined();
      return found as NonNullable<typeof found>;
    },
    { timeout: 30_000, interval: 50 },
  );
  return { path: `p/${String(row.feed_id)}-${row.item_key}`, link: row.link, title: row.title };
}

async function person(name: string) {
  const token = await endpoint.enroll(name);
  const row = await endpoint.db
    .selectFrom('people')
    .select('id')
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
  return { id: row.id, device: apiAs(endpoint.url, token) };
}

const page = (path: string) => fetch(new URL(path, endpoint.url), { redirect: 'manual' });
const markShared = (path: string, form: Record<string, string>) =>
  fetch(new URL(`${path}/shared`, endpoint.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
const storedShares = async () => (await endpoint.rows()).length;

describe('the share page', { timeout: 60_000 }, () => {
  it('shows the pitch, every network’s message with its share button, and the person’s own tracked links', async () => {
    const post = await postOnThePage();
    const ada = await person('Ada');
    const token = await mintPersonToken(endpoint.db, 'share page', ada.id, new Date(Date.now() + 14 * DAY_MS));
    const answer = await page(`${post.path}?t=${token}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    // No script may run, and forms go only here or, for Mastodon, to the person's own server.
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(answer.headers.get('content-security-policy')).not.toContain('script-src');
    const markup = await answer.text();
    expect(markup).toContain(post.title);
    for (const label of ['LinkedIn', 'X', 'Facebook', 'Bluesky', 'Threads', 'Mastodon', 'XING', 'Email'])
      expect(markup).toContain(`Mark shared on ${label}`);
    expect(markup).toContain('https://x.com/intent/tweet?');
    expect(markup).toContain(`advocate://post/${encodeURIComponent(post.link)}`);
    // Ada's links are hers: the codes the endpoint keeps for her, the same ones her desktop gets.
    const codes = await endpoint.db
      .selectFrom('tracked_links')
      .select(['network', 'code'])
      .where('person_id', '=', ada.id)
      .execute();
    expect(codes.length).toBe(8);
    const x = codes.find((row) => row.network === 'x');
    expect(markup).toContain(encodeURIComponent(`https://advocate.example.com/r/${x?.code ?? 'none'}`));
    expect(markup).not.toContain('from-channel');
  });

  it('counts "Mark shared" with a personal link for that person, once, as the app would', async () => {
    const post = await postOnThePage();
    const ada = await person('Ada');
    const token = await mintPersonToken(endpoint.db, 'share page', ada.id, new Date(Date.now() + DAY_MS));
    const answer = await markShared(post.path, { network: 'linkedin', t: token });
    // Back to the page (a reload does not mark again), still as Ada, saying what happened.
    expect(answer.status).toBe(303);
    const back = answer.headers.get('location') ?? '';
    expect(back).toBe(`/${post.path}?t=${encodeURIComponent(token)}&shared=linkedin`);
    expect(await (await page(back.slice(1))).text()).toContain('Marked shared on LinkedIn. Thank you!');
    // Twice on the same network is one share standing, as from the app.
    await markShared(post.path, { network: 'linkedin', t: token });
    const summary = await ada.device.get<Summary>('v1/summary');
    expect(summary.body.me.shares).toBe(1);
    expect(summary.body.posts).toEqual([expect.objectContaining({ postKey: post.link, shares: 1, people: 1 })]);
    expect(await pageShareCount(endpoint.db)).toBe(0);
  });

  it('counts a share from a channel’s link (no token) apart, never on anyone’s results', async () => {
    const post = await postOnThePage();
    const markup = await (await page(post.path)).text();
    expect(markup).toContain('count as shares from the channel');
    expect(markup).toContain('utm_content%3Dfrom-channel');
    const answer = await markShared(post.path, { network: 'x' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/${post.path}?shared=x`);
    expect(await pageShareCount(endpoint.db)).toBe(1);
    expect(await storedShares()).toBe(0);
    const dashboard = dashboardBrowser(endpoint);
    await dashboard.signIn();
    const results = await dashboard.get('dashboard/');
    expect(results.text).toContain(
      '<strong>1</strong> shares marked on share pages from channels, by people not named',
    );
    expect(results.text).toContain('<strong>0</strong> shares standing');
  });

  it('takes an expired, forged or deactivated person’s token for no one, and says so', async () => {
    const post = await postOnThePage();
    const ada = await person('Ada');
    const expired = await mintPersonToken(endpoint.db, 'share page', ada.id, new Date(Date.now() - 1000));
    const valid = await mintPersonToken(endpoint.db, 'share page', ada.id, new Date(Date.now() + DAY_MS));
    const forged = valid.replace(/^\d+/, String(ada.id + 1));
    for (const token of [expired, forged, 'not a token']) {
      const markup = await (await page(`${post.path}?t=${encodeURIComponent(token)}`)).text();
      expect(markup).toContain('This personal link has expired or is not valid');
      expect((await markShared(post.path, { network: 'linkedin', t: token })).status).toBe(303);
    }
    expect(await setPersonActive(endpoint.db, ada.id, false, 'dashboard')).toMatchObject({ ok: true });
    expect((await markShared(post.path, { network: 'linkedin', t: valid })).status).toBe(303);
    expect(await storedShares()).toBe(0);
    expect(await pageShareCount(endpoint.db)).toBe(4);
  });

  it('answers a post it does not know, an address cut short and a form changed by hand with a page in words', async () => {
    const post = await postOnThePage();
    const unknown = await page('p/999-0123456789abcdef');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This post is not known here');
    const cut = await page('p/1-0123');
    expect(cut.status).toBe(400);
    const cutText = await cut.text();
    expect(cutText).toContain('open the link you were sent again');
    expect(cutText).not.toMatch(/must match pattern|statusCode/);
    // A network the page never offered: back to the page, nothing stored.
    expect((await markShared(post.path, { network: 'myspace' })).status).toBe(303);
    expect(await pageShareCount(endpoint.db)).toBe(0);
  });

  it('sends Mastodon shares to the person’s own server, and says what is wrong with a server name', async () => {
    const post = await postOnThePage();
    const sent = await page(`${post.path}/mastodon?instance=${encodeURIComponent('@ada@hachyderm.io')}`);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/^https:\/\/hachyderm\.io\/share\?text=/);
    const refused = await page(`${post.path}/mastodon?instance=${encodeURIComponent('not a server')}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('is not a Mastodon server name like mastodon.social');
  });

  it('makes the page’s address for a channel and a person’s own, and refuses one for a post or person it cannot', async () => {
    const post = await postOnThePage();
    const ada = await person('Ada');
    const publicUrl = 'https://advocate.example.com/';
    const channel = await sharePageLink(endpoint.db, { postUrl: post.link, publicUrl });
    expect(channel).toEqual({ ok: true, link: `${publicUrl}${post.path}`, title: post.title });
    const expiresAt = new Date(Date.now() + DAY_MS);
    const own = await sharePageLink(endpoint.db, { postUrl: post.link, publicUrl, person: { id: ada.id, expiresAt } });
    if (!own.ok) throw new Error(own.reason);
    // The personal address works as Ada's on this endpoint.
    const path = own.link.slice(publicUrl.length);
    await markShared(path.split('?')[0] ?? '', {
      network: 'bluesky',
      t: new URL(own.link).searchParams.get('t') ?? '',
    });
    expect((await ada.device.get<Summary>('v1/summary')).body.me.shares).toBe(1);
    expect(await sharePageLink(endpoint.db, { postUrl: 'https://blog.example.com/nope', publicUrl })).toEqual({
      ok: false,
      reason: 'no feed of the endpoint has a post at https://blog.example.com/nope (list-feeds shows the feeds)',
    });
    expect(await setPersonActive(endpoint.db, ada.id, false, 'dashboard')).toMatchObject({ ok: true });
    expect(
      await sharePageLink(endpoint.db, { postUrl: post.link, publicUrl, person: { id: ada.id, expiresAt } }),
    ).toEqual({ ok: false, reason: `person ${String(ada.id)} is deactivated: their shares are not taken` });
  });
});
