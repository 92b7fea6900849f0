/**
 * The preview as a desktop of an organisation whose endpoint polls the blog, in real Chromium: the window
 * lists the blog's posts while the desktop never asks the blog (the blog counts its requests), says where
 * the posts come from, and a post published and pinged is listed after one Refresh (one /v1/posts pull).
 * The fallback to the desktop's own polls after the endpoint's silence is tested on the core, with a fake
 * clock (tests/main/sync/posts-from-real-endpoint.test.ts): here it would take half an hour.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkFeed } from '../../feeds/index.ts';
import type { Preview } from '../../main/preview/preview-server.ts';
import { addFeed, listFeeds } from '../../server/feeds/feed-catalogue.ts';
import { blogPosts, startBlog, type Blog } from '../helpers/blog-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { axeViolations, openWindow, type WindowPage } from '../helpers/window-page.ts';

let browser: Browser;
let blog: Blog;
let endpoint: TestEndpoint;
let preview: Preview;
let win: WindowPage;
let page: Page;
let pingSecret: string;
/** The blog's requests once the endpoint had read it: every later one would be the desktop's. */
let blogRequestsBefore: number;
const older = blogPosts(2);
const cleanups: (() => Promise<void>)[] = [];
const WAIT = { timeout: 30_000, interval: 50 };

const itemsRead = (count: number) =>
  vi.waitUntil(async () => (await listFeeds(endpoint.db))[0]?.itemCount === count, WAIT);
const titles = async () =>
  (await page.locator('.post-row__title').allTextContents()).map((title) => title.replace(/^New: /, '').trim());
const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  blog = await startBlog(older);
  cleanups.push(blog.close);
  endpoint = await startEndpoint(dir.path, 0, { feedPolls: { holder: 'test-replica', tickMs: 100 } });
  cleanups.push(endpoint.close);
  const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!added.ok) throw new Error(added.reason);
  pingSecret = added.pingSecret;
  await itemsRead(2);
  blogRequestsBefore = blog.seen.requests;
  preview = await startTestPreview(`${dir.path}/desktop`, {
    // Policy names the blog too: the endpoint's posts must still be enough.
    feedUrls: [blog.feedUrl],
    endpointUrl: endpoint.url,
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Hub test' } },
  });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  win = await openWindow(browser, preview.url);
  page = win.page;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('posts from the endpoint, in the preview', () => {
  it('lists the blog’s posts without the desktop asking the blog, and says where they come from', async () => {
    await expect.poll(async () => (await titles()).sort(), WAIT).toEqual(['Post 1', 'Post 2']);
    expect(blog.seen.requests).toBe(blogRequestsBefore);
    await nav('Settings').click();
    await expect
      .poll(() => page.getByText('Posts come from your organisation’s Advocate endpoint').count(), WAIT)
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await nav('Posts').click();
  });

  it('lists a post published and pinged after one Refresh, still without the desktop asking the blog', async () => {
    blog.setItems([
      {
        title: 'Post new',
        link: 'https://blog.example.com/post-new',
        description: '<p>New.</p>',
        published: new Date(),
      },
      ...older,
    ]);
    const ping = await fetch(new URL(`v1/feeds/ping?secret=${pingSecret}`, endpoint.url), { method: 'POST' });
    expect(ping.status).toBe(202);
    await itemsRead(3);
    const endpointRead = blog.seen.requests;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => (await titles()).includes('Post new'), WAIT).toBe(true);
    expect(blog.seen.requests).toBe(endpointRead);
    expect(win.problems).toEqual([]);
  });
});
