/**
 * A fresh machine has no system Chromium: the tests then launch the binary that @sparticuz/chromium
 * carries. Tried: a system path that does not exist. Must hold: that browser starts headless and renders.
 */
import { afterEach, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../helpers/chromium.ts';

let browser: Browser | null = null;
afterEach(async () => {
  await browser?.close();
});

it("launches the npm package's Chromium when the system has none, and renders a page with it", async () => {
  const saved = process.env['CHROMIUM_PATH'];
  delete process.env['CHROMIUM_PATH'];
  try {
    const path = await chromiumPath('/nonexistent/chromium');
    expect(path).not.toBe('/nonexistent/chromium');
    browser = await launchChromium(path);
    const page = await browser.newPage();
    await page.setContent('<main><h1>Advocate</h1></main>');
    expect(await page.textContent('h1')).toBe('Advocate');
  } finally {
    if (saved !== undefined) process.env['CHROMIUM_PATH'] = saved;
  }
});
