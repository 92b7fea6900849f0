/**
 * The preview's toasts stand where the OS shows notifications, outside the window: in real Chromium, at
 * the tray window's size, at the 420 px a browser tab often has and at 200 % zoom, with toasts shown
 * (a new post's, and the long ones of links the app would open), every control of the composer can be
 * scrolled to and then lies wholly above the toasts, and is what a click at its centre reaches. When the
 * toasts go, the page is the window alone again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startShipSmallFeed } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { openWindow, WINDOW_SIZE, type WindowPage } from '../helpers/window-page.ts';

const SIZES = [
  WINDOW_SIZE,
  { width: 420, height: WINDOW_SIZE.height },
  { width: WINDOW_SIZE.width / 2, height: WINDOW_SIZE.height / 2 },
] as const;

let browser: Browser;
let win: WindowPage;
let page: Page;
let preview: Preview;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startShipSmallFeed();
  cleanups.push(feed.close);
  preview = await startTestPreview(`${dir.path}/desktop`, { feedUrls: [feed.feedUrl] });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  // The toasts' timers on a clock the test holds, so they stay while they are measured.
  win = await openWindow(browser, preview.url, { fakeTimers: true });
  page = win.page;
  await page.clock.pauseAt(Date.now() + 1000);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Overlap {
  readonly control: string;
  /** The three toasts the test raised are up (the new post's may come before or after them). */
  readonly toastsUp: boolean;
  /** The control's box meets the toasts' strip. */
  readonly meets: boolean;
  /** What a click at the control's centre reaches is the control (or inside it). */
  readonly reached: boolean;
}

/** Each control scrolled to the middle of the window's view, as a person scrolls to it, against the toasts' strip. */
function overlaps(page: Page, names: readonly string[]): Promise<Overlap[]> {
  return page.evaluate((names) => {
    const strip = document.getElementById('advocate-preview-toasts');
    const stripBox = strip?.getBoundingClientRect();
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('#root button')];
    return names.map((name) => {
      const control = buttons.find((button) => button.textContent.trim() === name);
      if (!control || !strip || !stripBox) return { control: name, toastsUp: false, meets: true, reached: false };
      control.scrollIntoView({ block: 'center' });
      const box = control.getBoundingClientRect();
      const meets =
        box.left < stripBox.right &&
        stripBox.left < box.right &&
        box.top < stripBox.bottom &&
        stripBox.top < box.bottom;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        control: name,
        toastsUp: strip.querySelectorAll('.advocate-preview-toast').length >= 3,
        meets,
        reached: hit !== null && control.contains(hit),
      };
    });
  }, names);
}

describe('toasts in the preview, in Chromium', () => {
  it('never cover Copy, Open or Mark shared, at any of the window’s sizes', async () => {
    await page.locator('.post-row').first().click();
    await page.getByRole('radio', { name: /^Email/ }).check();
    // Two long toasts (a mailto: link carries the whole message) and one short, besides the new post's.
    await page.getByRole('button', { name: 'Write an email' }).click();
    await page.getByRole('button', { name: 'Write an email' }).click();
    await page.getByRole('radio', { name: 'X', exact: true }).check();
    await page.getByRole('button', { name: 'Open X' }).click();
    await expect
      .poll(() => page.locator('.advocate-preview-toast').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // The window refits when the toasts' strip has been laid out at the new size: wait for that.
      await expect
        .poll(() => overlaps(page, ['Copy', 'Open X', 'Mark shared on X']), { timeout: 20_000 })
        .toEqual(
          ['Copy', 'Open X', 'Mark shared on X'].map((control) => ({
            control,
            toastsUp: true,
            meets: false,
            reached: true,
          })),
        );
    }
  });

  it('give the page back to the window when they go', async () => {
    await page.setViewportSize(WINDOW_SIZE);
    await page.clock.runFor(10_000);
    await page.clock.resume();
    await page.locator('.advocate-preview-toast').first().waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page.evaluate(() => ({ height: document.body.style.height, overflow: document.body.style.overflowY })),
      )
      .toEqual({ height: '', overflow: '' });
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});
