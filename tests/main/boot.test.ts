/**
 * The BUILT main bundle (out/main/index.js, what electron-builder packs) booted against the Electron fake
 * and a real feed server on 127.0.0.1, driven the way a person would: the tray menu, a notification click,
 * a pause. Then every item of the security list, asserted on this same running app.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';
import type { PostView } from '../../common/domain.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type IpcAnswer } from '../../common/ipc/contract.ts';
import type { SettingsView } from '../../common/settings.ts';
import { SECURE_WEB_PREFERENCES } from '../../main/adapters/window-security.ts';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../../main/web/app-protocol.ts';
import {
  app,
  BrowserWindow,
  fakeState,
  FakeWebContents,
  FakeWebFrame,
  ipcMain,
  Notification,
  protocol,
  resetElectronFake,
  session,
  shell,
  Tray,
} from '../mocks/electron.ts';
import { startFeedServer, type FeedItem } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const DAY = 24 * 60 * 60 * 1000;
const post = (slug: string, title: string, ageMs: number): FeedItem => ({
  title,
  link: `https://blog.example.com/${slug}`,
  description: `<p>${title} is worth a share. More inside.</p>`,
  published: new Date(Date.now() - ageMs),
});
const OLD = post('old', 'Last month', 10 * DAY);
const FRESH = post('fresh', 'Fresh post', 60 * 1000);
const SECOND = post('second', 'Second post', 30 * 1000);
const SECRET_CODE = 'ENROL-6f1c2d9a-secret';

let window: BrowserWindow;
let tray: Tray;
let feed: Awaited<ReturnType<typeof startFeedServer>>;
let userData: string;
let downloads: string;
const cleanups: (() => Promise<void>)[] = [];

const call = <T>(channel: string, ...args: unknown[]): Promise<IpcAnswer<T>> =>
  ipcMain.invokeFrom(window.webContents, window.webContents.mainFrame, channel, ...args) as Promise<IpcAnswer<T>>;
const sentOn = (channel: string): unknown[] => window.webContents.sent.filter((message) => message.channel === channel).map((message) => message.payload);
const labels = (): (string | undefined)[] => (tray.menu()?.items ?? []).filter((item) => item.type !== 'separator').map((item) => item.label);

beforeAll(async () => {
  resetElectronFake();
  const [userDir, downloadDir] = [await makeTempDir(), await makeTempDir()];
  cleanups.push(userDir.remove, downloadDir.remove);
  userData = userDir.path;
  downloads = downloadDir.path;
  fakeState.userData = userData;
  fakeState.paths['downloads'] = downloads;
  feed = await startFeedServer('Example Blog', [OLD]);
  cleanups.push(feed.close);
  vi.stubEnv('ADVOCATE_FEED_URLS', feed.feedUrl);
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => undefined);

  const bundle = resolve('out/main/index.js');
  await readFile(bundle).catch(() => {
    throw new Error(`${bundle} is missing: run "npm run build" first (npm test does)`);
  });
  await import(/* @vite-ignore */ bundle);
  app.becomeReady();
  // The first poll ends with the post list sent to the window.
  await vi.waitUntil(() => BrowserWindow.instances[0]?.webContents.sent.some((message) => message.channel === EVENT_CHANNELS.postsChanged), { timeout: 10_000 });
  window = BrowserWindow.instances[0] as BrowserWindow;
  tray = Tray.instances[0] as Tray;
});

afterAll(async () => {
  app.quit();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the built app, booted', () => {
  it('is ready with one tray icon carrying its menu (Linux: a context menu), and no notification for an old post', () => {
    expect(Tray.instances).toHaveLength(1);
    expect(tray.contextMenu).not.toBeNull();
    expect(labels()).toEqual([
      'Open',
      'Refresh now',
      'Pause notifications for 1 hour',
      'Pause notifications until tomorrow',
      'Settings…',
      'Export diagnostics…',
      'Quit',
    ]);
    expect(tray.image.path).toMatch(/resources[/\\]tray[/\\]tray\.png$/);
    expect(tray.toolTip).toBe('Advocate');
    expect(Notification.instances).toHaveLength(0);
    expect(window.isVisible()).toBe(false);
  });

  it('a feed gains a post: exactly one notification with its title; the click shows the window and opens that post', async () => {
    feed.setItems([OLD, FRESH]);
    tray.choose('Refresh now');
    await vi.waitUntil(() => Notification.instances.length > 0, { timeout: 10_000 });
    await new Promise((done) => setTimeout(done, 50));
    expect(Notification.instances).toHaveLength(1);
    const notification = Notification.instances[0] as Notification;
    expect(notification.options.title).toBe('Fresh post');
    expect(notification.options.body).toBe('Fresh post is worth a share.');
    expect(notification.shown).toBe(true);
    expect(tray.toolTip).toBe('Advocate · 1 new post to share');
    expect(tray.image.path).toMatch(/tray-unread\.png$/);

    notification.click();
    expect(window.isVisible()).toBe(true);
    const listed = await call<PostView[]>(INVOKE_CHANNELS.listPosts);
    const fresh = listed.ok ? listed.value.find((candidate) => candidate.title === 'Fresh post') : undefined;
    expect(fresh).toBeDefined();
    expect(sentOn(EVENT_CHANNELS.openPost)).toEqual([{ postId: fresh?.id }]);
    // Opening the window is reading: the count clears.
    expect(tray.toolTip).toBe('Advocate');
    expect(tray.image.path).toMatch(/tray\.png$/);
  });

  it('while paused, a second post raises no notification but raises the count', async () => {
    window.blur();
    expect(window.isVisible()).toBe(false);
    tray.choose('Pause notifications for 1 hour');
    expect(labels()).toContain('Resume notifications');
    expect(labels().some((label) => label?.startsWith('Notifications paused until'))).toBe(true);

    feed.setItems([OLD, FRESH, SECOND]);
    tray.choose('Refresh now');
    await vi.waitUntil(() => tray.toolTip.includes('1 new post'), { timeout: 10_000 });
    expect(Notification.instances).toHaveLength(1);
    expect(tray.toolTip).toMatch(/^Advocate · 1 new post to share · notifications paused until \d\d:\d\d$/);
    expect(tray.image.path).toMatch(/tray-unread\.png$/);

    tray.choose('Resume notifications');
    expect(labels()).toContain('Pause notifications for 1 hour');
  });

  it('hides the window on Esc and on close, and shows it for a second launch', () => {
    tray.choose('Open');
    expect(window.isVisible()).toBe(true);
    expect(window.webContents.pressKey('Escape')).toBe(false);
    expect(window.isVisible()).toBe(false);
    app.emit('second-instance');
    expect(window.isVisible()).toBe(true);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
  });

  it('"Settings…" shows the window and tells it to show the settings', () => {
    tray.choose('Settings…');
    expect(window.isVisible()).toBe(true);
    expect(sentOn(EVENT_CHANNELS.showSettings)).toEqual([null]);
  });

  it('answers and changes settings over IPC, refusing bad values and organisation-only keys with a reason', async () => {
    const view = await call<SettingsView>(INVOKE_CHANNELS.getSettings);
    expect(view.ok && view.value.values.pollIntervalMinutes).toBe(30);
    expect(view.ok && 'enrollmentCode' in view.value.values).toBe(false);

    const changed = await call<SettingsView>(INVOKE_CHANNELS.updateSettings, { pollIntervalMinutes: 15, enrollmentCode: SECRET_CODE });
    expect(changed.ok && changed.value.values.pollIntervalMinutes).toBe(15);
    expect(changed.ok && changed.value.enrollmentCodeSet).toBe(true);
    expect(sentOn(EVENT_CHANNELS.settingsChanged).at(-1)).toMatchObject({ values: { pollIntervalMinutes: 15 } });
    const stored = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ pollIntervalMinutes: 15, schemaVersion: 1 });

    // Tried: below the 5-minute floor. Must hold: refused with the rule, nothing written.
    expect(await call(INVOKE_CHANNELS.updateSettings, { pollIntervalMinutes: 1 })).toEqual({
      ok: false,
      error: 'Check feeds every (minutes) must be a whole number from 5 to 1440',
    });
    // Tried: the organisation's feed list, which no person may set. Must hold: refused before any handler runs.
    const orgOnly = await call(INVOKE_CHANNELS.updateSettings, { feedUrls: ['https://evil.example/feed'] });
    expect(orgOnly.ok).toBe(false);
    expect(!orgOnly.ok && orgOnly.error).toContain('malformed arguments for updateSettings');
  });

  it('exports diagnostics for IT: versions, settings with their source, no secret, no post text', async () => {
    tray.choose('Export diagnostics…');
    await vi.waitUntil(() => shell.shownInFolder.length > 0, { timeout: 10_000 });
    const file = shell.shownInFolder[0] ?? '';
    expect(file.startsWith(downloads)).toBe(true);
    const report = await readFile(file, 'utf8');
    expect(report).toContain('Advocate diagnostics');
    expect(report).toContain('app id com.advocate.desktop');
    expect(report).toContain('pollIntervalMinutes = 15  [person]');
    expect(report).toContain('enrollmentCode = set (hidden)');
    expect(report).toContain(`${feed.feedUrl}  (3 posts, newest `);
    expect(report).not.toContain(SECRET_CODE);
    expect(report).not.toContain('is worth a share');
  });

  it('keeps a log in userData/logs with no secret and no post or message text', async () => {
    const log = await readFile(join(userData, 'logs', 'advocate.log'), 'utf8');
    expect(log).toMatch(/ INFO starting /);
    expect(log).toContain('settings changed');
    expect(log).not.toContain(SECRET_CODE);
    expect(log).not.toContain('is worth a share');
  });
});

describe('the built app, hardened (Electron security checklist)', () => {
  it('creates a sandboxed, isolated window without Node, webviews or loosened web security', () => {
    expect(app.sandboxEnabled).toBe(true);
    expect(window.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: resolve('out/preload/index.cjs') });
    expect(window.options).toMatchObject({ frame: false, show: false, skipTaskbar: true });
  });

  it('loads its page from app://, served from out/renderer with the CSP header; nothing else is reachable', async () => {
    expect(window.loadedUrl).toBe(APP_INDEX_URL);
    expect(protocol.privileged).toEqual([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
    const page = await protocol.request(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    for (const outside of ['app://advocate/..%2f..%2fpackage.json', 'app://advocate/%2e%2e/%2e%2e/package.json', 'app://elsewhere/index.html']) {
      expect((await protocol.request(outside)).status, outside).toBe(404);
    }
    expect((await protocol.request(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('denies every permission, asked or checked', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(await session.defaultSession.requestPermission(permission)).toBe(false);
      expect(session.defaultSession.checkPermission(permission, 'app://advocate')).toBe(false);
    }
  });

  it('denies navigation, subframe navigation, webviews and new windows; a new-window web link goes to the browser', () => {
    const contents = window.webContents;
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.navigateFrame('https://evil.example/frame')).toBe(false);
    expect(contents.attachWebview('https://evil.example/')).toBe(false);
    shell.opened.length = 0;
    expect(contents.openWindow('https://blog.example.com/fresh')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://blog.example.com/fresh']);
  });

  it('locks down any other webContents too', () => {
    const stray = new BrowserWindow({});
    expect(stray.webContents.navigate('https://evil.example/')).toBe(false);
    expect(stray.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('openExternal opens web and mail links, and refuses javascript:, file:, data: and unknown schemes', async () => {
    shell.opened.length = 0;
    expect(await call(INVOKE_CHANNELS.openExternal, 'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fblog.example.com%2F')).toEqual({ ok: true, value: null });
    expect(await call(INVOKE_CHANNELS.openExternal, 'mailto:?subject=Hi&body=Read%20this')).toEqual({ ok: true, value: null });
    for (const [url, reason] of [
      ['javascript:alert(1)', 'javascript: links are never opened; only web and email links are'],
      ['file:///etc/passwd', 'file: links are never opened; only web and email links are'],
      ['data:text/html,<script>alert(1)</script>', 'data: links are never opened; only web and email links are'],
      ['ms-settings:privacy', 'ms-settings: links are never opened; only web and email links are'],
      ['not a link', 'the link is not a valid address'],
    ]) {
      expect(await call(INVOKE_CHANNELS.openExternal, url), url).toEqual({ ok: false, error: reason });
    }
    expect(shell.opened).toHaveLength(2);
  });

  it('answers IPC only from its own page in its own top frame, and only with well-formed arguments', async () => {
    const page = window.webContents.mainFrame.url;
    const foreign: [FakeWebContents, FakeWebFrame | null][] = [
      [window.webContents, new FakeWebFrame('https://evil.example/')],
      [window.webContents, new FakeWebFrame('file:///tmp/index.html')],
      [window.webContents, new FakeWebFrame(page, window.webContents.mainFrame)],
      [window.webContents, null],
      [new FakeWebContents(), new FakeWebFrame(page)],
    ];
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      for (const [contents, frame] of foreign) {
        expect(await ipcMain.invokeFrom(contents, frame, channel), channel).toEqual({ ok: false, error: 'refused: unknown sender' });
      }
    }
    expect(await call(INVOKE_CHANNELS.markShared, { postId: 42 })).toMatchObject({ ok: false });
    expect(await call(INVOKE_CHANNELS.openExternal, { url: 'https://x.example/' })).toMatchObject({ ok: false });
    expect(await call(INVOKE_CHANNELS.getSettings, 'extra')).toMatchObject({ ok: false });
  });

  it('leaves no IPC listener but the contract handlers (electron-store answers any renderer otherwise)', () => {
    expect(ipcMain.eventNames()).toEqual([]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });
});
