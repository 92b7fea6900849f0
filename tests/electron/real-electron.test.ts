/**
 * The built app (out/) on the REAL Electron binary, driven by Playwright's `_electron`: it starts, its
 * tray exists, a post in a local feed raises a notification, and clicking that notification opens the
 * window on the post. The app is observed from outside only: Playwright's evaluate in the main process
 * plus the probes in main-process-probe.ts; the app has no test hook.
 *
 * The Electron binary cannot be downloaded on every machine (the npm package installs without it). Where
 * it is missing this file is skipped and prints why; with ADVOCATE_REQUIRE_ELECTRON=1 (release CI) a
 * missing binary is a failure instead.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { findInstalledElectron } from './installed-electron.ts';
import { clickNotification, collectLive, notificationTitles, trayStates } from './main-process-probe.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const postTitle = 'Fresh from the feed';
const electron = findInstalledElectron();
if (electron.missing !== undefined) {
  if (process.env['ADVOCATE_REQUIRE_ELECTRON'] === '1')
    throw new Error(`ADVOCATE_REQUIRE_ELECTRON=1 but ${electron.missing}`);
  console.warn(`tests/electron/real-electron.test.ts skipped: ${electron.missing}`);
}

let app: ElectronApplication;
let trayWindow: Page;
const pageProblems: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

describe.skipIf(electron.missing !== undefined)('Advocate on the real Electron binary', () => {
  beforeAll(async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const feed = await startFeedServer('Company Blog', [
      {
        title: postTitle,
        link: 'https://blog.example.com/fresh',
        description: 'Worth sharing today.',
        published: new Date(),
      },
    ]);
    cleanups.push(feed.close);
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    // No executablePath: Playwright then finds Electron itself and injects the loader it needs.
    app = await _electron.launch({
      args: [projectDir, `--user-data-dir=${join(dir.path, 'user-data')}`],
      env: { ...env, ADVOCATE_FEED_URLS: feed.feedUrl },
      timeout: 60_000,
    });
    cleanups.push(() => app.close());
    trayWindow = await app.firstWindow();
    trayWindow.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    trayWindow.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('starts: Electron is ready and the tray window exists, hidden until asked for', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isReady())).toBe(true);
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((each) => each.isVisible())),
    ).toEqual([false]);
  });

  it('has one live tray icon, still there after garbage collection', async () => {
    await expect.poll(() => app.evaluate(collectLive, 'Tray' as const), { timeout: 15_000 }).toBe(1);
    expect(await app.evaluate(trayStates)).toEqual([{ destroyed: false }]);
  });

  it("raises a native notification for the local feed's new post", async () => {
    expect(
      await app.evaluate(({ Notification }) => Notification.isSupported()),
      'notifications unsupported: on Linux install libnotify4',
    ).toBe(true);
    await expect.poll(() => app.evaluate(collectLive, 'Notification' as const), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await app.evaluate(notificationTitles)).toEqual([postTitle]);
  });

  it('opens the window on that post when the notification is clicked', async () => {
    expect(await app.evaluate(clickNotification, postTitle)).toBe(true);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((each) => each.isVisible())))
      .toEqual([true]);
    await trayWindow
      .locator('.post--highlighted')
      .getByRole('heading', { name: postTitle })
      .waitFor({ timeout: 10_000 });
    expect(pageProblems).toEqual([]);
  });
});
