/**
 * Boots the BUILT main bundle (out/main/index.js, what electron-builder packs) on the Electron fake, with
 * a real feed server on 127.0.0.1 and fresh userData and Downloads folders, and hands the test what a
 * person would touch: the tray, the window, IPC from the window's page.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import type { PostView } from '../../common/domain.ts';
import { EVENT_CHANNELS, type IpcAnswer } from '../../common/ipc/contract.ts';
import { app, BrowserWindow, fakeState, ipcMain, resetElectronFake, Tray } from '../mocks/electron.ts';
import { startFeedServer, type FeedItem } from './http-server.ts';
import { makeTempDir } from './temp-dir.ts';

export interface BuiltApp {
  readonly window: BrowserWindow;
  readonly tray: Tray;
  readonly feed: Awaited<ReturnType<typeof startFeedServer>>;
  readonly userData: string;
  readonly downloads: string;
  /** Plays the window's own page calling main. */
  call<T>(channel: string, ...args: unknown[]): Promise<IpcAnswer<T>>;
  /** Payloads main sent the window on this channel, oldest first. */
  sentOn(channel: string): unknown[];
  /** The tray menu's labels, separators left out. */
  menuLabels(): (string | undefined)[];
  close(): Promise<void>;
}

export async function bootBuiltApp(feedItems: readonly FeedItem[]): Promise<BuiltApp> {
  const bundle = resolve('out/main/index.js');
  await readFile(bundle).catch(() => {
    throw new Error(`${bundle} is missing: run "npm run build" first (npm test does)`);
  });
  resetElectronFake();
  const [userDir, downloadDir] = [await makeTempDir(), await makeTempDir()];
  const feed = await startFeedServer('Example Blog', feedItems);
  fakeState.userData = userDir.path;
  fakeState.paths['downloads'] = downloadDir.path;
  vi.stubEnv('ADVOCATE_FEED_URLS', feed.feedUrl);
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => undefined);

  await import(/* @vite-ignore */ bundle);
  app.becomeReady();
  // The first poll ends with the post list sent to the window: an earlier list (before the feed answered)
  // may go out first, so wait for the one that holds every item of the feed.
  const listsEveryItem = (payload: unknown): boolean =>
    Array.isArray(payload) &&
    feedItems.every((item) => (payload as PostView[]).some((post) => post.link === item.link));
  await vi.waitUntil(
    () =>
      BrowserWindow.instances[0]?.webContents.sent.some(
        (message) => message.channel === EVENT_CHANNELS.postsChanged && listsEveryItem(message.payload),
      ),
    { timeout: 20_000 },
  );
  const window = BrowserWindow.instances[0] as BrowserWindow;
  const tray = Tray.instances[0] as Tray;
  return {
    window,
    tray,
    feed,
    userData: userDir.path,
    downloads: downloadDir.path,
    call: <T>(channel: string, ...args: unknown[]) =>
      ipcMain.invokeFrom(window.webContents, window.webContents.mainFrame, channel, ...args) as Promise<IpcAnswer<T>>,
    sentOn: (channel) =>
      window.webContents.sent.filter((message) => message.channel === channel).map((message) => message.payload),
    menuLabels: () => (tray.menu()?.items ?? []).filter((item) => item.type !== 'separator').map((item) => item.label),
    async close() {
      app.quit();
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
      await feed.close();
      await userDir.remove();
      await downloadDir.remove();
    },
  };
}
