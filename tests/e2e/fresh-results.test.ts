/**
 * Results stay true in real Chromium: the preview (its core on a fake clock) and a real endpoint. The
 * person sees their figures, up to date. Then, on the endpoint, a colleague shares the same post and
 * two clicks arrive on the person's tracked link; a minute later, opening Results again (Posts never
 * touched) shows the colleague and the clicks, and Refresh checks at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { SHIP_SMALL, startShipSmallFeed } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { axeViolations, openWindow, type WindowPage } from '../helpers/window-page.ts';

const POST_KEY = SHIP_SMALL.link;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

let browser: Browser;
let win: WindowPage;
let page: Page;
let preview: Preview;
let endpoint: TestEndpoint;
const clock = new FakeClock(Date.now());
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startShipSmallFeed();
  cleanups.push(feed.close);
  endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close);
  preview = await startTestPreview(`${dir.path}/desktop`, {
    feedUrls: [feed.feedUrl],
    endpointUrl: endpoint.url,
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Ada', team: 'Research' } },
    clock,
  });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  win = await openWindow(browser, preview.url);
  page = win.page;
  await page.evaluate(() => document.getElementById('advocate-preview-toasts')?.remove());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });
const tile = (label: string) => page.locator('.tile', { hasText: label }).locator('dd');
const together = () => page.getByRole('region', { name: 'Together' });

async function adaSharedWithLink(): Promise<string> {
  const posts = await preview.core.handlers.listPosts();
  const post = posts.find((candidate) => candidate.key === POST_KEY);
  if (!post) throw new Error("the feed's post did not arrive");
  await preview.core.handlers.markShared({ postId: post.id, network: 'linkedin' });
  const kit = await preview.core.handlers.getShareKit(post.id);
  return kit.links.linkedin;
}

describe('results on the endpoint change while the window is open', () => {
  let link = '';

  it('shows the figures as the endpoint has them, up to date', async () => {
    link = await adaSharedWithLink();
    expect(link).toMatch(/\/r\//);
    await nav('Results').click();
    await together().getByText('Your team, Research: 1 share by you').waitFor();
    expect(await tile('Clicks on your links').textContent()).toBe('0');
    await page.getByText('Up to date.').waitFor();
  });

  it('a colleague shares and two clicks arrive: opening Results a minute later shows them, Posts never touched', async () => {
    const bea = apiAs(endpoint.url, await endpoint.enroll('Bea', 'Research'));
    expect((await bea.post('v1/events', { events: [shareEvent({ postKey: POST_KEY })] })).status).toBe(200);
    for (let click = 0; click < 2; click += 1) {
      const answer = await fetch(link, { headers: { 'user-agent': BROWSER }, redirect: 'manual' });
      expect(answer.status).toBe(302);
    }
    await nav('Guide').click();
    clock.advance(61_000);
    await nav('Results').click();
    await together().getByText('Your team, Research: 2 shares by you and 1 colleague').waitFor();
    // Clicks are written in batches: Refresh until the endpoint counts both (each check is at once).
    for (let attempt = 0; attempt < 50 && (await tile('Clicks on your links').textContent()) !== '2'; attempt += 1) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('button', { name: 'Refresh', disabled: false }).waitFor();
    }
    expect(await tile('Clicks on your links').textContent()).toBe('2');
    await page.getByText('Your shares drove 2 visits to the blog.').waitFor();
    await page.getByText('Up to date.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('ran without page errors, dialogs, CSP violations or navigation', () => {
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});
