/**
 * The Electron adapters through the shared fake: main/index.ts boots against a local feed; the window
 * is locked down; IPC answers only the window's own page; a notification click opens its post.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, EVENT_CHANNELS, type IpcAnswer } from '../../common/ipc/contract.ts';
import type { PostView } from '../../common/domain.ts';
import { app, BrowserWindow, fakeState, FakeWebContents, FakeWebFrame, ipcMain, Notification, resetElectronFake, Tray } from '../mocks/electron.ts';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let window: BrowserWindow;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  resetElectronFake();
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const feed = await startFeedServer('Example Blog', [
    { title: 'Fresh post', link: 'https://blog.example.com/fresh', description: 'Worth a share. Really.', published: new Date() },
  ]);
  cleanups.push(feed.close);
  fakeState.userData = dir.path;
  vi.stubEnv('ADVOCATE_FEED_URLS', feed.feedUrl);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);

  await import('../../main/index.ts');
  app.becomeReady();
  await vi.waitUntil(() => Notification.instances.length > 0, { timeout: 5000 });
  const created = BrowserWindow.instances[0];
  if (!created) throw new Error('no window was created');
  window = created;
});

afterAll(async () => {
  app.quit();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const callFromWindow = (channel: string, ...args: unknown[]) =>
  ipcMain.invokeFrom(window.webContents, window.webContents.mainFrame, channel, ...args) as Promise<IpcAnswer<PostView[]>>;

describe('Electron main process', () => {
  it('creates a sandboxed, isolated window without Node, loading the built renderer', () => {
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(window.options.webPreferences?.['preload'])).toMatch(/out\/preload\/index\.cjs$/);
    expect(window.loadedFile).toMatch(/out\/renderer\/index\.html$/);
  });

  it('denies navigation, new windows and permission requests', async () => {
    expect(window.webContents.navigate('https://evil.example/')).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(await window.webContents.session.requestPermission('media')).toBe(false);
  });

  it('puts a tray icon with a context menu on every platform', () => {
    const tray = Tray.instances[0];
    expect(tray?.contextMenu?.items.map((item) => item.label).filter(Boolean)).toEqual(['Open', 'Refresh now', 'Quit']);
  });

  it('answers the window page over IPC with the polled post', async () => {
    const answer = await callFromWindow(INVOKE_CHANNELS.listPosts);
    expect(answer.ok && answer.value.map((post) => post.title)).toEqual(['Fresh post']);
  });

  it('refuses IPC from another page, a subframe or another webContents, and malformed arguments', async () => {
    const page = window.webContents.mainFrame.url;
    const foreignFrames: [FakeWebContents, FakeWebFrame][] = [
      [window.webContents, new FakeWebFrame('https://evil.example/')],
      [window.webContents, new FakeWebFrame(page, window.webContents.mainFrame)],
      [new FakeWebContents(), new FakeWebFrame(page)],
    ];
    for (const [contents, frame] of foreignFrames) {
      expect(await ipcMain.invokeFrom(contents, frame, INVOKE_CHANNELS.listPosts)).toEqual({ ok: false, error: 'refused: unknown sender' });
    }
    expect(await callFromWindow(INVOKE_CHANNELS.markShared, { postId: 42 })).toMatchObject({ ok: false });
  });

  it('shows a notification for the new post; its click shows the window and tells it to open that post', async () => {
    const notification = Notification.instances[0];
    expect(notification?.options.title).toBe('Fresh post');
    expect(notification?.shown).toBe(true);
    window.webContents.sent.length = 0;
    notification?.click();
    expect(window.isVisible()).toBe(true);
    const answer = await callFromWindow(INVOKE_CHANNELS.listPosts);
    const postId = answer.ok ? answer.value[0]?.id : undefined;
    expect(window.webContents.sent).toContainEqual({ channel: EVENT_CHANNELS.openPost, payload: { postId } });
  });
});
