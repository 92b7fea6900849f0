/**
 * End to end in real Chromium: a local feed, the preview (real core + built renderer), a real endpoint
 * with a real SQLite file. The post appears, its toast shows, Mark shared puts exactly one row in the
 * endpoint's database, and the count comes back to the window.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Logger } from '../../main/core/ports.ts';
import { startPreview, type Preview } from '../../main/preview/preview-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let browser: Browser;
let page: Page;
let preview: Preview;
let endpoint: TestEndpoint;
const pageProblems: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Company Blog', [
    {
      title: 'Ship small, ship often',
      link: 'https://blog.example.com/ship-small',
      description: '<p>We cut our release time in half. Here is how.</p>',
      published: new Date(Date.now() - 60 * 60 * 1000),
    },
  ]);
  cleanups.push(feed.close);
  endpoint = await startEndpoint(dir.path);
  cleanups.push(endpoint.close);
  preview = await startPreview({
    host: '127.0.0.1',
    port: 0,
    rendererDir: fromRoot('out/renderer'),
    bridgeFile: fromRoot('out/preview/bridge.js'),
    dataDir: `${dir.path}/desktop`,
    feedUrls: [feed.feedUrl],
    endpointUrl: endpoint.url,
    endpointCredentials: { enrollment: { code: endpoint.enrollmentCode, displayName: 'Preview test' } },
    log: quietLog,
  });
  cleanups.push(() => preview.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  page = await browser.newPage({ viewport: { width: 380, height: 560 } });
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console: ${message.text()}`);
  });
  await page.goto(preview.url);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('preview in Chromium', () => {
  it('shows the feed\'s post with its pitch, and its notification as a toast', async () => {
    await page.getByRole('heading', { name: 'Ship small, ship often' }).waitFor();
    expect(await page.locator('#root').getByText('We cut our release time in half.').isVisible()).toBe(true);
    const toast = page.locator('.advocate-preview-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toBe('Ship small, ship oftenWe cut our release time in half.');
  });

  it('opens the post when its toast is clicked, as a notification click does in the app', async () => {
    await page.locator('.advocate-preview-toast').click();
    await page.locator('.post--highlighted').getByRole('heading', { name: 'Ship small, ship often' }).waitFor();
    expect(await page.locator('.advocate-preview-toast').count()).toBe(0);
  });

  it('marks the post shared: one row in the endpoint\'s database, and the count in the window', async () => {
    await page.getByRole('button', { name: 'Mark shared' }).click();
    await page.getByTestId('share-count').filter({ hasText: 'Shared once' }).waitFor();
    expect(endpoint.rows()).toEqual([expect.objectContaining({ type: 'shared', post_key: 'https://blog.example.com/ship-small', network: 'linkedin' })]);
    expect(await page.getByRole('button', { name: 'Shared ✓' }).isDisabled()).toBe(true);
    await mkdir(fromRoot('docs/screenshots'), { recursive: true });
    await page.screenshot({ path: fromRoot('docs/screenshots/preview.png') });
  });

  it('ran without page errors or CSP violations', () => {
    expect(pageProblems).toEqual([]);
  });
});
