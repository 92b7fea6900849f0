/**
 * The dashboard's Feeds page over HTTP with a signed-in session: add the blog by its home page (checked
 * and found), see its health, copy a working ping URL shown once, make a new one, remove the feed; and
 * the titles of the feeds' posts in the results table, the posts CSV and the kit editor's choice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blogPosts, startBlog, type Blog } from '../../helpers/blog-server.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../../helpers/endpoint-api.ts';
import { startLocalServer } from '../../helpers/http-server.ts';
import { dashboardBrowser } from '../../helpers/dashboard-browser.ts';

const endpoint = freshEndpointPerTest({ feedPolls: { holder: 'test-replica', tickMs: 100 } });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A blog whose home page announces its feed. */
async function blogSite(): Promise<Blog & { home: string }> {
  const blog = await startBlog(blogPosts(2));
  cleanups.push(blog.close);
  const home = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<html><head><link rel="alternate" type="application/rss+xml" href="${blog.feedUrl}"></head></html>`);
  });
  cleanups.push(home.close);
  return { ...blog, home: home.url };
}

// Reads by the poller take a few seconds on a busy machine: the waits inside allow 30.
describe('the dashboard’s Feeds page', { timeout: 60_000 }, () => {
  it('adds the blog by its home page, shows its health and a ping URL once that works, makes a new one, removes it', async () => {
    const site = await blogSite();
    const page = dashboardBrowser(endpoint);
    await page.signIn();
    expect((await page.get('dashboard/feeds')).text).toContain('No feeds yet');

    const added = await page.post('dashboard/feeds', { url: site.home });
    expect(added.status).toBe(200);
    expect(added.text).toContain(`Added Example Company Blog (found behind ${site.home})`);
    const pingUrl = /(http:\/\/[^<\s]+\/v1\/feeds\/ping\?secret=[A-Za-z0-9_-]{43})/.exec(added.text)?.[1] ?? '';
    expect(pingUrl).not.toBe('');
    expect((await fetch(pingUrl, { method: 'POST' })).status).toBe(202);
    // Shown once: the page on its own does not have it.
    await vi.waitFor(async () => expect((await page.get('dashboard/feeds')).text).not.toContain('<td>not yet</td>'), {
      timeout: 30_000,
      interval: 20,
    });
    const listed = (await page.get('dashboard/feeds')).text;
    expect(listed).not.toContain('secret=');
    expect(listed).toContain(site.feedUrl);
    expect(listed).toMatch(/<td class="number">2<\/td>/);

    const renewed = await page.post('dashboard/feeds/ping-url', { url: site.feedUrl });
    const newPingUrl = /(http:\/\/[^<\s]+\/v1\/feeds\/ping\?secret=[A-Za-z0-9_-]{43})/.exec(renewed.text)?.[1] ?? '';
    expect(newPingUrl).not.toBe(pingUrl);
    expect((await fetch(pingUrl, { method: 'POST' })).status).toBe(401);
    expect((await fetch(newPingUrl, { method: 'POST' })).status).toBe(202);

    const removed = await page.post('dashboard/feeds/remove', { url: site.feedUrl });
    expect(removed).toMatchObject({ status: 303, location: '/dashboard/feeds?done=removed' });
    const after = (await page.get('dashboard/feeds?done=removed')).text;
    expect(after).toContain('Feed removed.');
    expect(after).toContain('No feeds yet');
  });

  it('a page that is no feed is refused with the reason in words; what was typed stays in the field', async () => {
    const login = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body><form>Sign in</form></body></html>');
    });
    cleanups.push(login.close);
    const page = dashboardBrowser(endpoint);
    await page.signIn();
    const refused = await page.post('dashboard/feeds', { url: `${login.url}intranet` });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('was not added: this web page links no feed');
    expect(refused.text).toContain(`value="${login.url}intranet"`);
    expect(refused.text).not.toMatch(/ECONN|fetch failed/);
  });

  it('shows post titles (URL beneath) in the results and the posts CSV, and the kit editor offers the feeds’ posts', async () => {
    const site = await blogSite();
    const page = dashboardBrowser(endpoint);
    await page.signIn();
    await page.post('dashboard/feeds', { url: site.feedUrl });
    const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    await vi.waitFor(
      async () =>
        expect(
          (await device.post('v1/events', { events: [shareEvent({ postKey: 'https://blog.example.com/post-1' })] }))
            .body,
        ).toMatchObject({ results: [{ status: 'created' }] }),
      { timeout: 30_000, interval: 50 },
    );

    const results = (await page.get('dashboard/')).text;
    expect(results).toContain('Post 1<br /><span class="hint">https://blog.example.com/post-1</span>');
    const csv = (await page.get('dashboard/export/posts.csv')).text;
    expect(csv.split('\n')[0]).toMatch(/^post,title,people,/);
    expect(csv).toContain('https://blog.example.com/post-1,Post 1,1,');

    const kits = (await page.get('dashboard/kits')).text;
    expect(kits).toContain('<select name="postKey" required>');
    expect(kits).toMatch(/<option value="https:\/\/blog\.example\.com\/post-2"\s*>\s*Post 2/);
  });
});
