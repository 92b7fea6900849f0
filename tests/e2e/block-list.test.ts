/**
 * The block list in real Chromium: the endpoint's admin blocks a phrase, IT policy warns about a word,
 * and the composer of a post carrying both marks each where it stands (the mark drawn over the word in
 * the text box), keeps Copy and Open off with the reason, and is clean for axe-core in light and dark.
 * Taking the phrase out turns sharing back on and Copy puts the edited message on the clipboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Preview } from '../../main/preview/preview-server.ts';
import { setBlockTerm } from '../../server/compliance/block-list-store.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint } from '../helpers/endpoint.ts';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { axeViolations, clipboardText, openWindow, sidewaysOverflow } from '../helpers/window-page.ts';

const TITLE = 'Our insider guide to saving';
const BLOCKED_REASON =
  '“guaranteed returns” is on your organisation’s block list: Copy and Open stay off until you take it out of the message.';
const WARNED_REASON =
  'Your organisation asks for care with “insider”: check the message says what you mean before you share it.';

let browser: Browser;
let preview: Preview;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Company Blog', [
    {
      title: TITLE,
      link: 'https://blog.example.com/insider-guide',
      description: '<p>The insider guide to guaranteed returns on your savings.</p>',
      published: new Date(Date.now() - 3_600_000),
    },
  ]);
  cleanups.push(feed.close);
  const endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close);
  await setBlockTerm(endpoint.db, 'Guaranteed returns', 'block');
  preview = await startTestPreview(`${dir.path}/desktop`, {
    feedUrls: [feed.feedUrl],
    endpointUrl: endpoint.url,
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Ada' } },
    policy: { BlockList: ['warn: insider', 'block: guaranteed returns'] },
  });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.each(['light', 'dark'] as const)('the composer with listed terms, in %s mode', (scheme) => {
  it('marks the terms over the words, keeps Copy and Open off with the reason, no axe-core violation', async () => {
    const win = await openWindow(browser, preview.url, { colorScheme: scheme });
    cleanups.push(() => win.context.close());
    const { page } = win;
    await page.evaluate(() => document.getElementById('advocate-preview-toasts')?.remove());
    await page.getByRole('button', { name: new RegExp(TITLE) }).click();
    const message = page.getByRole('textbox', { name: 'Message for LinkedIn' });
    await message.waitFor();
    await page.getByText(BLOCKED_REASON).waitFor();
    await page.getByText(WARNED_REASON).waitFor();

    const copy = page.getByRole('button', { name: 'Copy', exact: true });
    const open = page.getByRole('button', { name: 'Copy and open LinkedIn' });
    expect(await copy.isDisabled()).toBe(true);
    expect(await open.isDisabled()).toBe(true);
    expect(await copy.getAttribute('aria-describedby')).toBeTruthy();

    // Each mark lies inside the text box, over the word it marks: the text laid out behind matches the box's.
    const marks = page.locator('.marked-field__mark');
    expect(await marks.allTextContents()).toEqual(['insider', 'guaranteed returns']);
    const box = await message.boundingBox();
    const blockedMark = await marks.nth(1).boundingBox();
    if (!box || !blockedMark) throw new Error('the text box or its mark is not laid out');
    expect(blockedMark.x).toBeGreaterThanOrEqual(box.x);
    expect(blockedMark.y).toBeGreaterThanOrEqual(box.y);
    expect(blockedMark.x + blockedMark.width).toBeLessThanOrEqual(box.x + box.width);
    expect(blockedMark.y + blockedMark.height).toBeLessThanOrEqual(box.y + box.height);
    // The text behind wraps as the box's own: the same place, width for text, font, spacing and wrapping.
    const layouts = await page.evaluate(() =>
      ['.marked-field__backdrop', '.marked-field__input'].map((selector) => {
        const element = document.querySelector<HTMLElement>(selector);
        if (!element) return null;
        const style = getComputedStyle(element);
        const { x, y, width, height } = element.getBoundingClientRect();
        return {
          box: [x, y, width, height].map(Math.round),
          textWidth: element.clientWidth,
          style: ['font', 'lineHeight', 'letterSpacing', 'padding', 'borderWidth', 'whiteSpace', 'overflowWrap'].map(
            (property) => style.getPropertyValue(property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)),
          ),
        };
      }),
    );
    expect(layouts[0]).not.toBeNull();
    expect(layouts[0]).toEqual(layouts[1]);

    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);

    // Taking the phrase out turns sharing back on; the warned word stays marked and allowed.
    await message.fill('The insider guide to our savings plan.');
    await page.getByText(BLOCKED_REASON).waitFor({ state: 'detached' });
    expect(await marks.allTextContents()).toEqual(['insider']);
    await copy.click();
    await page.getByRole('button', { name: 'Copied ✓' }).waitFor();
    expect(await clipboardText(page)).toMatch(/^The insider guide to our savings plan\. http/);
    expect(await axeViolations(page)).toEqual([]);
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});
