/**
 * The kit's wordings in real Chromium: marketing writes three LinkedIn wordings on the endpoint; the
 * composer shows the one this desktop's seed chooses, "Another wording" goes to the next (by mouse and by
 * keyboard) and says which is shown, the window stays clean for axe-core in light and dark, and Mark
 * shared reaches the endpoint with the number of the wording shown.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { offeredVariant } from '../../common/share/variants.ts';
import type { Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startTestPreview } from '../helpers/preview.ts';
import { axeViolations, openWindow, sidewaysOverflow } from '../helpers/window-page.ts';

const TITLE = 'How we halved our release time';
const POST = 'https://blog.example.com/release-time';
const WORDINGS = [
  { id: 1, text: 'Half the release time, twice the calm.' },
  { id: 2, text: 'Release day used to take a week. Now it takes an afternoon.' },
  { id: 3, text: 'What we stopped doing to ship twice as fast.' },
];

let browser: Browser;
let preview: Preview;
let endpoint: TestEndpoint;
let offered: number;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Company Blog', [
    {
      title: TITLE,
      link: POST,
      description: '<p>Small releases, every day.</p>',
      published: new Date(Date.now() - 3_600_000),
    },
  ]);
  cleanups.push(feed.close);
  endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close);
  const saved = await apiAs(endpoint.url, endpoint.adminToken).put('v1/kits', {
    postKey: POST,
    pitch: 'Small releases, every day.',
    messages: {},
    variants: { linkedin: WORDINGS },
    hashtags: [],
    imageUrl: null,
  });
  expect(saved.status).toBe(200);
  preview = await startTestPreview(`${dir.path}/desktop`, {
    feedUrls: [feed.feedUrl],
    endpointUrl: endpoint.url,
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Ada' } },
  });
  cleanups.push(() => preview.close());
  const { seed } = JSON.parse(await readFile(`${dir.path}/desktop/variant-seed.json`, 'utf8')) as { seed: string };
  offered = offeredVariant(WORDINGS, { seed, postKey: POST, network: 'linkedin' });
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const wordingAt = (position: number) => WORDINGS[position % WORDINGS.length] ?? { id: 0, text: '' };

/** A window on the post, once its LinkedIn composer shows the wording offered to this desktop. */
async function openOnPost(colorScheme: 'light' | 'dark' = 'light') {
  const win = await openWindow(browser, preview.url, { colorScheme });
  cleanups.push(() => win.context.close());
  const { page } = win;
  await page.evaluate(() => document.getElementById('advocate-preview-toasts')?.remove());
  await page.getByRole('button', { name: new RegExp(TITLE) }).click();
  const message = page.getByRole('textbox', { name: 'Message for LinkedIn' });
  await expect.poll(() => message.inputValue()).toBe(wordingAt(offered).text);
  return { win, page, message, another: page.getByRole('button', { name: /^Another wording/ }) };
}

describe.each(['light', 'dark'] as const)('the composer with three wordings, in %s mode', (scheme) => {
  it('shows the wording chosen for this desktop, goes to the next one, and has no axe-core violation', async () => {
    const { win, page, message, another } = await openOnPost(scheme);
    expect(await another.textContent()).toBe(`Another wording (${String(offered + 1)} of 3)`);
    expect(await axeViolations(page)).toEqual([]);

    await another.click();
    await expect.poll(() => message.inputValue()).toBe(wordingAt(offered + 1).text);
    await page.getByText(`Wording ${String(((offered + 1) % 3) + 1)} of 3.`).waitFor();
    // By keyboard too: the button keeps focus, so the person can go on pressing it.
    await another.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => message.inputValue()).toBe(wordingAt(offered + 2).text);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Another wording/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(win.problems).toEqual([]);
    expect(win.navigations).toEqual([]);
  });
});

describe('Mark shared after choosing another wording', () => {
  it('reaches the endpoint with the number of the wording shown', async () => {
    const { page, message, another } = await openOnPost();
    await another.click();
    await expect.poll(() => message.inputValue()).toBe(wordingAt(offered + 1).text);
    await page.getByRole('button', { name: 'Mark shared on LinkedIn' }).click();
    await page.getByText('Marked shared on LinkedIn. Thank you!').waitFor();
    await expect
      .poll(() => endpoint.db.selectFrom('share_events').select(['network', 'variant']).execute(), { timeout: 20_000 })
      .toEqual([{ network: 'linkedin', variant: wordingAt(offered + 1).id }]);
  });
});
