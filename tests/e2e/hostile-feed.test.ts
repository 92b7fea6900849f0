/**
 * A hostile feed in real Chromium: titles, summaries, links and pictures carrying <script>, onerror,
 * javascript: URLs, right-to-left overrides and 100 KB strings. What must hold: no dialog, no script
 * of theirs runs, the window never navigates, and every text shows inert, plain and shortened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WINDOW_TEXT } from '../../common/messages.ts';
import type { Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startLocalServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { axeViolations, openWindow, sidewaysOverflow, type WindowPage } from '../helpers/window-page.ts';

const HUGE = 100 * 1024;
/** Each payload, if it ever ran, would set this in the page (or open a dialog). */
const PAYLOAD = 'document.title="pwned";window.__pwned=1;alert(1)';
const RLO = '\u202E';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function hostileFeed(): string {
  const now = Date.now();
  const item = (
    index: number,
    fields: { title: string; link: string; description: string; image?: string; extra?: string },
  ): string =>
    `<item><title>${fields.title}</title><link>${escapeXml(fields.link)}</link><guid>hostile-${String(index)}</guid>` +
    `<pubDate>${new Date(now - (index + 1) * 3600_000).toUTCString()}</pubDate><description>${fields.description}</description>` +
    (fields.image === undefined ? '' : `<enclosure url="${escapeXml(fields.image)}" type="image/png" length="0"/>`) +
    (fields.extra ?? '') +
    '</item>';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:advocate="https://advocate.example/ns/1"><channel>` +
    `<title>${escapeXml(`<script>${PAYLOAD}</script>Hostile ${RLO}golb`)}</title><link>https://evil.example/</link>` +
    item(0, {
      title: escapeXml(`<img src=x onerror='${PAYLOAD}'>Invoice ${RLO}fdp.exe`),
      link: 'https://evil.example/a',
      description: `<![CDATA[<script>${PAYLOAD}</script><img src=x onerror="${PAYLOAD}"><a href="javascript:${PAYLOAD}">click</a> A summary.]]>`,
      image: `javascript:${PAYLOAD}`,
    }) +
    item(1, {
      title: escapeXml(`Long ${'W'.repeat(HUGE)}`),
      link: `https://evil.example/${'a'.repeat(HUGE)}`,
      description: escapeXml(`<b onmouseover="${PAYLOAD}">${'summary '.repeat(HUGE / 8)}</b>`),
      extra: `<advocate:message network="x">${escapeXml(`<svg onload="${PAYLOAD}"> ${'x'.repeat(HUGE)}`)}</advocate:message>`,
    }) +
    item(2, {
      title: 'A javascript: link',
      link: `javascript:${PAYLOAD}`,
      description: 'Never shown: its link is not http(s).',
    }) +
    item(3, {
      title: escapeXml(`"><iframe src="javascript:${PAYLOAD}"></iframe>`),
      link: 'https://evil.example/c',
      description: 'Plain.',
      image: `https://evil.example/${'i'.repeat(3000)}.png`,
    }) +
    '</channel></rss>'
  );
}

let browser: Browser;
let preview: Preview;
let win: WindowPage;
let page: Page;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const xml = hostileFeed();
  const feed = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(xml);
  });
  cleanups.push(feed.close);
  preview = await startTestPreview(`${dir.path}/desktop`, {
    feedUrls: [`${feed.url}feed.xml`],
  });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  win = await openWindow(browser, preview.url);
  page = win.page;
  await page.locator('.post-row').nth(2).waitFor();
  await page.evaluate(() => document.getElementById('advocate-preview-toasts')?.remove());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const ranNothing = async (): Promise<void> => {
  expect(await page.title()).toBe('Advocate');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(
    await page
      .locator(
        '#root script, #root iframe, #root svg[onload], #root [onerror], #root [onmouseover], #root a[href^="javascript"]',
      )
      .count(),
  ).toBe(0);
};

describe('a hostile feed in the window', () => {
  it('lists its posts as inert plain text, shortened, without direction overrides; drops the javascript: one', async () => {
    const rows = await page.locator('.post-row').allTextContents();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.length).toBeLessThan(400);
      expect(row).not.toContain(RLO);
    }
    // The engine already made the titles plain text; the window adds no markup of its own.
    expect(rows.join('\n')).toContain('Invoice fdp.exe');
    expect(rows.join('\n')).toContain('Hostile golb');
    expect(rows.join('\n')).not.toContain('A javascript: link');
    // Only https pictures of a sane length are even tried (one, from a summary's <img>); none is a javascript: URL.
    for (const src of await page
      .locator('img')
      .evaluateAll((images) => images.map((image) => image.getAttribute('src') ?? ''))) {
      expect(src).toMatch(/^https:\/\/evil\.example\/.{0,100}$/);
    }
    await ranNothing();
  });

  it('opens each post with the texts inert, and refuses to open a link longer than any real one', async () => {
    for (let index = 0; index < 3; index += 1) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /^Posts/ })
        .click();
      await page.locator('.post-row').nth(index).click();
      await page.getByRole('textbox', { name: 'Message for LinkedIn' }).waitFor();
      expect((await page.locator('h1').textContent())?.length).toBeLessThan(200);
      expect(await page.locator('.pitch').textContent()).not.toContain(RLO);
      await page.getByRole('radio', { name: 'X', exact: true }).check();
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await page.getByRole('button', { name: 'Read the post' }).click();
      await ranNothing();
    }
    // The 100 KB link: main refuses it, the window says why, nothing opens.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Posts/ })
      .click();
    await page.locator('.post-row', { hasText: 'Long WWW' }).click();
    await page.getByRole('button', { name: 'Read the post' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(WINDOW_TEXT.postOpenFailed);
    expect(preview.openedLinks.every((link) => link.length <= 16 * 1024)).toBe(true);
    expect(preview.openedLinks.some((link) => link.startsWith('javascript:'))).toBe(false);
  });

  it('stays accessible and never scrolls sideways with the hostile texts', async () => {
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Posts/ })
      .click();
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('ran no script of theirs: no dialog, no page error, no CSP violation, no navigation', async () => {
    await ranNothing();
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});
