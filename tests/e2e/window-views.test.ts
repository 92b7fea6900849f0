/**
 * Every view of the window in real Chromium, light and dark, against the preview with a real endpoint
 * where colleagues have shared: zero axe-core violations, no sideways scrolling in the 380×560 window nor
 * at 200 % zoom, every control reachable by keyboard with a visible focus, the list driven by arrows.
 * The screenshots are taken here: into out/screenshots/ (ignored) by `npm test`, so a test run changes no
 * tracked file; `npm run screenshots` points ADVOCATE_SCREENSHOTS_DIR at docs/screenshots/ to refresh those.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Network } from '../../common/domain.ts';
import type { AdvocateApi } from '../../common/ipc/contract.ts';
import type { Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { startEndpoint } from '../helpers/endpoint.ts';
import { startFeedServer, startLocalServer } from '../helpers/http-server.ts';
import { startImageServer } from '../helpers/https-images.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { fromRoot, startTestPreview } from '../helpers/preview.ts';
import { axeViolations, openWindow, sidewaysOverflow, WINDOW_SIZE, type WindowPage } from '../helpers/window-page.ts';

const HOUR_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** 200 % zoom: the same window seen through CSS pixels twice as large. */
const ZOOMED = { width: WINDOW_SIZE.width / 2, height: WINDOW_SIZE.height / 2 };
const SCHEMES = ['light', 'dark'] as const;
const SCREENSHOTS_DIR = resolve(fromRoot('.'), process.env['ADVOCATE_SCREENSHOTS_DIR'] ?? 'out/screenshots');
const screenshot = (name: string): string => join(SCREENSHOTS_DIR, `${name}.png`);

const POSTS = [
  {
    slug: 'ship-small',
    title: 'Ship small, ship often: how we cut our release time in half',
    text: 'We moved from monthly releases to daily ones without adding a single person. Here is what changed.',
    hours: 2,
  },
  {
    slug: 'northwind',
    title: 'Customer story: Northwind saves 12 hours a week',
    text: 'Northwind replaced three spreadsheets with one shared board.',
    hours: 26,
  },
  {
    slug: 'hiring-berlin',
    title: 'We are hiring in Berlin',
    text: 'Five new roles across engineering and design are open.',
    hours: 75,
  },
  {
    slug: 'postmortem',
    title: 'What we learned from our first outage',
    text: 'Forty minutes of downtime, one config flag, and the checklist we now use.',
    hours: 200,
  },
];
const postKey = (slug: string): string => `https://blog.example.com/${slug}`;

let browser: Browser;
let preview: Preview;
const cleanups: (() => Promise<void>)[] = [];

/** Colleagues who enrolled and shared over the last weeks, so the results and guide show real figures. */
async function seedColleagues(endpoint: Awaited<ReturnType<typeof startEndpoint>>): Promise<void> {
  const colleagues: [string, string, number][] = [
    ['Grace', 'Research', 9],
    ['Linus', 'Research', 6],
    ['Mia', 'Sales', 4],
    ['Omar', 'Sales', 2],
  ];
  const networks: Network[] = ['linkedin', 'x', 'bluesky'];
  for (const [name, team, count] of colleagues) {
    const device = apiAs(endpoint.url, await endpoint.enroll(name, team));
    const events = Array.from({ length: count }, (_, index) => {
      const post = POSTS[index % POSTS.length] ?? POSTS[0];
      return shareEvent({
        postKey: postKey(post?.slug ?? ''),
        network: networks[Math.floor(index / POSTS.length) % networks.length],
        at: new Date(Date.now() - (index % 8) * WEEK_MS - HOUR_MS),
      });
    });
    const answer = await device.post('v1/events', { events });
    if (answer.status !== 200)
      throw new Error(`seeding ${name}: ${String(answer.status)} ${JSON.stringify(answer.body)}`);
  }
}

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const images = await startImageServer(dir.path);
  cleanups.push(images.close);
  const feed = await startFeedServer(
    'Example Company Blog',
    POSTS.map((post, index) => ({
      title: post.title,
      link: postKey(post.slug),
      description: `<p>${post.text}</p>`,
      published: new Date(Date.now() - post.hours * HOUR_MS),
      ...(index === 2 ? {} : { image: images.imageUrl(index) }),
    })),
  );
  cleanups.push(feed.close);
  const broken = await startLocalServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><head><title>Sign in</title></head><body><form>Sign in</form></body></html>');
  });
  cleanups.push(broken.close);
  const endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close);
  await seedColleagues(endpoint);
  preview = await startTestPreview(`${dir.path}/desktop`, {
    feedUrls: [feed.feedUrl],
    endpointUrl: endpoint.url,
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Ada', team: 'Research' } },
    policy: { TrainingUrl: 'https://intranet.example.com/social-media-training', DisclosureText: 'I work at Example.' },
  });
  cleanups.push(() => preview.close());
  const settings = await preview.core.handlers.listPosts();
  const first = settings.find((post) => post.key === postKey('northwind'));
  if (!first) throw new Error("the feed's posts did not arrive");
  await preview.core.handlers.markShared({ postId: first.id, network: 'linkedin' });
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  // A feed the person added that answers with a login page: its error shows in words.
  const setup = await openWindow(browser, preview.url);
  await setup.page.evaluate(async (url) => {
    await (window as unknown as { advocate: AdvocateApi }).advocate.updateSettings({
      displayName: 'Ada',
      team: 'Research',
      userFeedUrls: [url],
    });
  }, `${broken.url}intranet/feed`);
  await setup.page.getByText(/The server sent an HTML page/).waitFor();
  await setup.context.close();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type ViewName = 'posts' | 'post' | 'results' | 'guide' | 'settings';

/** Brings the window to a view and waits until its data is on screen. */
async function showView(page: Page, view: ViewName): Promise<void> {
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });
  switch (view) {
    case 'posts':
      await nav('Posts').click();
      await page.locator('img.thumb').first().waitFor();
      return;
    case 'post':
      await nav('Posts').click();
      await page.getByRole('button', { name: /Ship small, ship often/ }).click();
      await page.getByRole('textbox', { name: 'Message for LinkedIn' }).waitFor();
      await page.getByText(/Shared by \d+ colleagues/).waitFor();
      await page.locator('img.post-view__image').evaluate((image: HTMLImageElement) => image.decode());
      return;
    case 'results':
      await nav('Results').click();
      await page.getByRole('region', { name: 'Leaderboard' }).waitFor();
      return;
    case 'guide':
      await nav('Guide').click();
      await page.getByText(/your team shared/).waitFor();
      return;
    case 'settings':
      await nav('Settings').click();
      await page
        .getByRole('region', { name: 'Feeds' })
        .getByText(/The server sent an HTML page/)
        .waitFor();
      return;
  }
}

const VIEWS: ViewName[] = ['posts', 'post', 'results', 'guide', 'settings'];

describe.each(SCHEMES)('the window in %s mode', (scheme) => {
  let win: WindowPage;
  beforeAll(async () => {
    win = await openWindow(browser, preview.url, { colorScheme: scheme });
    await mkdir(SCREENSHOTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await win.context.close();
  });

  it.each(VIEWS)('%s: no axe-core violation, nothing scrolls sideways, screenshot taken', async (view) => {
    const { page } = win;
    await page.setViewportSize(WINDOW_SIZE);
    await showView(page, view);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: screenshot(`${view}-${scheme}`), fullPage: true });
    await page.setViewportSize(ZOOMED);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('settings while paused: the pause in words from main, no axe-core violation, paused and resumed by keyboard', async () => {
    const { page } = win;
    await page.setViewportSize(WINDOW_SIZE);
    await showView(page, 'settings');
    const notifications = page.getByRole('region', { name: 'Notifications' });
    await notifications.getByText('Notifications on').waitFor();
    await notifications.getByRole('button', { name: 'Pause until tomorrow' }).focus();
    await page.keyboard.press('Enter');
    // The words come back from the preview's notification center, through notificationPauseChanged.
    await notifications.getByText('Notifications paused until 08:00 tomorrow').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await notifications.getByRole('button', { name: 'Resume' }).focus();
    await page.keyboard.press('Enter');
    await notifications.getByText('Notifications on').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause 1 hour');
  });

  it('ran without page errors, dialogs, CSP violations or navigation', () => {
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});

describe('first run', () => {
  it.each(SCHEMES)(
    'the onboarding in %s mode: no axe-core violation, no sideways scrolling, screenshot',
    async (scheme) => {
      const win = await openWindow(browser, preview.url, { colorScheme: scheme, firstRun: true });
      const { page } = win;
      await page.getByRole('heading', { name: 'New posts come to you' }).waitFor();
      // The preview's toasts are not part of the window.
      await page.evaluate(() => document.getElementById('advocate-preview-toasts')?.remove());
      expect(await axeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshot(`onboarding-${scheme}`) });
      await page.setViewportSize(ZOOMED);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(win.problems).toEqual([]);
      await win.context.close();
    },
  );
});

/**
 * Marks every Tab stop of the window (enabled, shown, not taken out of the order; one per radio group,
 * its checked radio) and returns how many there are.
 */
function markTabStops(page: Page): Promise<number> {
  return page.evaluate(() => {
    const candidates = [
      ...document.querySelectorAll<HTMLElement>('#root button, #root input, #root textarea, #root [tabindex]'),
    ];
    const stops = candidates.filter(
      (element) =>
        !(element as HTMLButtonElement).disabled &&
        element.tabIndex >= 0 &&
        element.getClientRects().length > 0 &&
        !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked),
    );
    stops.forEach((element, index) => {
      element.dataset['tabStop'] = String(index);
    });
    return stops.length;
  });
}

/** The Tab stop that has focus, and whether its focus shows: its own outline, or its chip's for a network radio. */
function focusNow(page: Page): Promise<{ stop: string | null; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const shown = element?.closest('.chip')?.querySelector('.chip__label') ?? element;
    const style = shown ? getComputedStyle(shown) : null;
    return {
      stop: element?.dataset['tabStop'] ?? null,
      visible: style !== null && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });
}

describe('by keyboard', () => {
  let win: WindowPage;
  beforeAll(async () => {
    win = await openWindow(browser, preview.url);
    await win.page.evaluate(() => document.getElementById('advocate-preview-toasts')?.remove());
  });
  afterAll(async () => {
    await win.context.close();
  });

  it('walks the post list with the arrow keys and opens a post with Enter', async () => {
    const { page } = win;
    await page.locator('.post-row').first().waitFor();
    await page.locator('.post-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-post-id'))).toBe(
      await page.locator('.post-row').nth(2).getAttribute('data-post-id'),
    );
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Ship small, ship often/ }).waitFor();
  });

  it.each(VIEWS)('reaches every control of %s with Tab, each with a visible focus', async (view) => {
    const { page } = win;
    await showView(page, view);
    const stops = await markTabStops(page);
    // The four sections at least. Tab starts after the view's heading and wraps round the page once.
    expect(stops).toBeGreaterThanOrEqual(4);
    const reached = new Map<string, boolean>();
    for (let step = 0; step < stops + 3; step += 1) {
      await page.keyboard.press('Tab');
      const { stop, visible } = await focusNow(page);
      if (stop !== null) reached.set(stop, visible);
    }
    expect([...reached.keys()].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: stops }, (_, index) => String(index)),
    );
    expect([...reached.entries()].filter(([, visible]) => !visible)).toEqual([]);
  });

  it('ran without page errors, dialogs, CSP violations or navigation', () => {
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});
