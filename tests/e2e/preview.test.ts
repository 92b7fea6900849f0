/**
 * The sharing flow end to end in real Chromium: a local feed, the preview (real core + built renderer),
 * a real endpoint with a real SQLite file. A new post's toast opens it; Copy puts the exact message on
 * the clipboard; Open composer hands the network's intent URL to main without navigating; Mark shared
 * puts one row in the endpoint's database, the count and the results follow, and Undo takes it back.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { SHIP_SMALL, startShipSmallFeed } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { clipboardText, openWindow, type WindowPage } from '../helpers/window-page.ts';

const POST_KEY = SHIP_SMALL.link;

let browser: Browser;
let win: WindowPage;
let page: Page;
let preview: Preview;
let endpoint: TestEndpoint;
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
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Preview test' } },
  });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  win = await openWindow(browser, preview.url, { firstRun: true });
  page = win.page;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const kit = () => {
  const postId = preview.core.handlers
    .listPosts()
    .then((posts) => posts.find((post) => post.key === POST_KEY)?.id ?? '');
  return postId.then((id) => preview.core.handlers.getShareKit(id));
};
const choose = (network: string) =>
  page.getByRole('radio', { name: new RegExp(`^${network}(\\s*✓\\s*shared)?$`) }).check();

describe('sharing a post in the preview, in Chromium', () => {
  it("greets a first run with the onboarding, and shows the new post's notification as a toast", async () => {
    await page.getByRole('heading', { name: 'New posts come to you' }).waitFor();
    const toast = page.locator('.advocate-preview-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toBe('Ship small, ship oftenWe cut our release time in half.');
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.locator('.post-row--unread').getByText('Ship small, ship often').waitFor();
  });

  it('opens the post when its toast is clicked, as a notification click does in the app, and marks it read', async () => {
    await page.locator('.advocate-preview-toast').click();
    await page.getByRole('heading', { level: 1, name: 'Ship small, ship often' }).waitFor();
    expect(await page.locator('.pitch').textContent()).toBe('We cut our release time in half.');
    await page.locator('.nav__badge').waitFor({ state: 'detached' });
    expect((await preview.core.handlers.listPosts())[0]?.unread).toBe(false);
  });

  it('copies the take, the message and the share link: exactly what the clipboard then holds', async () => {
    await page.getByRole('textbox', { name: /Your own take/ }).fill('Our team did this!');
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('button', { name: 'Copied ✓' }).waitFor();
    const { messages, links } = await kit();
    expect(await clipboardText(page)).toBe(`Our team did this!\n\n${messages.linkedin} ${links.linkedin}`);
  });

  it("opens X's composer by handing its intent URL to main; the window never navigates", async () => {
    await choose('X');
    await page.getByRole('button', { name: 'Open X' }).click();
    await page.getByText('X opened in your browser.', { exact: false }).waitFor();
    const { messages, links } = await kit();
    const text = `Our team did this!\n\n${messages.x}`;
    expect(preview.openedLinks).toEqual([
      `https://x.com/intent/tweet?text=${encodeURIComponent(text)}&url=${encodeURIComponent(links.x)}`,
    ]);
    const opened = page.locator('.advocate-preview-toast', { hasText: 'The app would open this in your browser' });
    await opened.waitFor();
    expect(win.navigations).toEqual([]);
    // Clicking it does not navigate either (it is about no post).
    await opened.click();
    expect(page.url()).toBe(preview.url);
  });

  const endpointHas = (rows: number) =>
    vi.waitUntil(async () => (await endpoint.rows()).length >= rows, { timeout: 30_000, interval: 100 });

  it('marks the post shared: one row at the endpoint, the person counted as "you", and Undo takes it back', async () => {
    await choose('LinkedIn');
    await page.getByRole('button', { name: 'Mark shared on LinkedIn' }).click();
    await page.getByText('✓ Shared on LinkedIn').waitFor();
    await page.getByText('Shared by you', { exact: true }).waitFor();
    // The window shows the share at once; the endpoint has it once the desktop's sync sent it.
    await endpointHas(1);
    expect(await endpoint.rows()).toEqual([
      expect.objectContaining({ type: 'shared', post_key: POST_KEY, network: 'linkedin' }),
    ]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Mark shared on LinkedIn' }).waitFor();
    await page.getByText('No one has shared it yet. Be the first.').waitFor();
    await endpointHas(2);
    expect((await endpoint.rows()).map((row) => row.type)).toEqual(['shared', 'unshared']);
  });

  it('counts the share again in the list and the results once it is marked for good', async () => {
    await page.getByRole('button', { name: 'Mark shared on LinkedIn' }).click();
    await page.getByText('Shared by you', { exact: true }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Results' }).click();
    const tile = (label: string) => page.locator('.tile', { hasText: label }).locator('dd');
    expect(await tile('This week').textContent()).toBe('1 share');
    expect(await tile('Clicks on your links').textContent()).toBe('0');
    await page.getByRole('navigation').getByRole('button', { name: 'Posts' }).click();
    expect(await page.locator('.post-row__shared').textContent()).toBe('✓ Shared on LinkedIn');
    await endpointHas(3);
    expect((await endpoint.rows()).map((row) => row.type)).toEqual(['shared', 'unshared', 'shared']);
  });

  it('ran without page errors, dialogs, CSP violations or navigation', () => {
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});
