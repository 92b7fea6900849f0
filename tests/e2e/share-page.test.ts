/**
 * The share page in real Chromium, with JavaScript on and off: a person follows their personal link,
 * reads the messages, marks a share (the page says so, and it counts for them) and sends Mastodon's to
 * their own server; with no axe-core violation in light and dark. The page has no script at all, so both
 * runs must work the same.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Summary } from '../../common/protocol.ts';
import { checkFeed } from '../../feeds/index.ts';
import { addFeed } from '../../server/feeds/feed-catalogue.ts';
import { mintPersonToken } from '../../server/security/person-token.ts';
import { blogPosts, startBlog } from '../helpers/blog-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { axeViolations } from '../helpers/window-page.ts';

let browser: Browser;
let endpoint: TestEndpoint;
let pageUrl: string;
let device: ReturnType<typeof apiAs>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const blog = await startBlog(blogPosts(1));
  cleanups.push(blog.close);
  endpoint = await startEndpoint(dir.path, 0, { feedPolls: { holder: 'test-replica', tickMs: 100 } });
  cleanups.push(endpoint.close);
  const added = await addFeed(endpoint.db, await checkFeed(fetch, blog.feedUrl));
  if (!added.ok) throw new Error(added.reason);
  const post = await vi.waitFor(
    async () => {
      const row = await endpoint.db.selectFrom('posts').selectAll().executeTakeFirst();
      expect(row).toBeDefined();
      return row as NonNullable<typeof row>;
    },
    { timeout: 30_000, interval: 50 },
  );
  device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
  const ada = await endpoint.db.selectFrom('people').select('id').executeTakeFirstOrThrow();
  const token = await mintPersonToken(endpoint.db, 'share page', ada.id, new Date(Date.now() + 86_400_000));
  pageUrl = `${endpoint.url}p/${String(post.feed_id)}-${post.item_key}?t=${token}`;
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the share page, in Chromium', () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`marks a share and reaches the person’s Mastodon server with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const problems: string[] = [];
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      // Where the browser is sent (this machine reaches no Mastodon server, so only the address is checked).
      let mastodon = '';
      page.on('request', (request) => {
        if (request.url().startsWith('https://hachyderm.io/')) mastodon = request.url();
      });
      await page.goto(pageUrl);
      // Ada's own tracked link, counted as hers when someone clicks it.
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Message for LinkedIn' }).inputValue())
        .toContain(`${endpoint.url}r/`);
      await page.getByRole('button', { name: 'Mark shared on X', exact: true }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Marked shared on X. Thank you!');
      await page.getByRole('textbox', { name: /Your Mastodon server/ }).fill('hachyderm.io');
      await page.getByRole('button', { name: 'Share on Mastodon' }).click();
      await expect.poll(() => mastodon).toMatch(/^https:\/\/hachyderm\.io\/share\?text=/);
      expect(problems.filter((problem) => !problem.includes('hachyderm.io'))).toEqual([]);
      await context.close();
    });
  }

  it('counted both marks for the person whose link it was, as one share on X', async () => {
    const summary = await device.get<Summary>('v1/summary');
    expect(summary.body.me.shares).toBe(1);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violation in ${colorScheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(pageUrl);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
