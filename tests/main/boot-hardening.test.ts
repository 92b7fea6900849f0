/**
 * Every item of the Electron security checklist (DESIGN.md, "Security"), asserted on the BUILT main
 * bundle booted on the Electron fake (tests/helpers/built-app.ts).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';
import { INVOKE_CHANNELS } from '../../common/ipc/contract.ts';
import { SECURE_WEB_PREFERENCES } from '../../main/adapters/window-security.ts';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../../main/web/app-protocol.ts';
import {
  app,
  BrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  ipcMain,
  protocol,
  session,
  shell,
} from '../mocks/electron.ts';
import { bootBuiltApp, type BuiltApp } from '../helpers/built-app.ts';

let built: BuiltApp;

beforeAll(async () => {
  // One post of the organisation's blog, so its host is one the app may open.
  built = await bootBuiltApp([
    { title: 'Fresh', link: 'https://blog.example.com/fresh', description: 'New.', published: new Date() },
  ]);
});
afterAll(() => built.close());

describe('the built app, hardened (Electron security checklist)', () => {
  it('creates a sandboxed, isolated window without Node, webviews or loosened web security', () => {
    expect(app.sandboxEnabled).toBe(true);
    expect(built.window.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: resolve('out/preload/index.cjs'),
    });
    expect(built.window.options).toMatchObject({ frame: false, show: false, skipTaskbar: true });
  });

  it('loads its page from app://, served from out/renderer with the CSP header; nothing else is reachable', async () => {
    expect(built.window.loadedUrl).toBe(APP_INDEX_URL);
    expect(protocol.privileged).toEqual([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
    const page = await protocol.request(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    for (const outside of [
      'app://advocate/..%2f..%2fpackage.json',
      'app://advocate/%2e%2e/%2e%2e/package.json',
      'app://elsewhere/index.html',
    ]) {
      expect((await protocol.request(outside)).status, outside).toBe(404);
    }
    expect((await protocol.request(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('denies every permission, asked or checked, from any page', async () => {
    for (const permission of [
      'media',
      'display-capture',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'fullscreen',
    ]) {
      expect(await session.defaultSession.requestPermission(permission, APP_INDEX_URL), permission).toBe(false);
      expect(session.defaultSession.checkPermission(permission, 'app://advocate'), permission).toBe(false);
    }
  });

  it('lets only its own page write text to the clipboard (the "copy the message" action)', async () => {
    expect(await session.defaultSession.requestPermission('clipboard-sanitized-write', APP_INDEX_URL)).toBe(true);
    expect(session.defaultSession.checkPermission('clipboard-sanitized-write', 'app://advocate')).toBe(true);
    expect(await session.defaultSession.requestPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(
      false,
    );
    expect(session.defaultSession.checkPermission('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(session.defaultSession.checkPermission('clipboard-sanitized-write', 'file://')).toBe(false);
  });

  it('denies navigation, subframe navigation, webviews and new windows; a new-window web link goes to the browser', async () => {
    const contents = built.window.webContents;
    expect(contents.navigate('https://evil.example/')).toBe(false);
    // Logged without the query: a share link carries the person's own words.
    expect(contents.navigate('https://x.com/intent/tweet?text=My%20own%20words')).toBe(false);
    const log = await readFile(join(built.userData, 'logs', 'advocate.log'), 'utf8');
    expect(log).toContain('blocked a navigation {"to":"https://x.com"}');
    expect(log).not.toContain('own%20words');
    expect(contents.navigateFrame('https://evil.example/frame')).toBe(false);
    expect(contents.attachWebview('https://evil.example/')).toBe(false);
    shell.opened.length = 0;
    expect(contents.openWindow('https://blog.example.com/fresh')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://evil.example/phish')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://blog.example.com/fresh']);
  });

  it('locks down any other webContents too', () => {
    const stray = new BrowserWindow({});
    expect(stray.webContents.navigate('https://evil.example/')).toBe(false);
    expect(stray.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('openExternal opens composers, the organisation’s posts and mail; refuses other sites, javascript:, file:, data: and unknown schemes', async () => {
    shell.opened.length = 0;
    expect(
      await built.call(
        INVOKE_CHANNELS.openExternal,
        'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fblog.example.com%2F',
      ),
    ).toEqual({ ok: true, value: null });
    expect(await built.call(INVOKE_CHANNELS.openExternal, 'https://blog.example.com/fresh')).toEqual({
      ok: true,
      value: null,
    });
    expect(await built.call(INVOKE_CHANNELS.openExternal, 'mailto:?subject=Hi&body=Read%20this')).toEqual({
      ok: true,
      value: null,
    });
    for (const [url, reason] of [
      ['javascript:alert(1)', 'javascript: links are never opened; only web and email links are'],
      ['file:///etc/passwd', 'file: links are never opened; only web and email links are'],
      ['data:text/html,<script>alert(1)</script>', 'data: links are never opened; only web and email links are'],
      ['ms-settings:privacy', 'ms-settings: links are never opened; only web and email links are'],
      ['not a link', 'the link is not a valid address'],
      [
        'https://evil.example/phish',
        "evil.example was not opened: the app opens only the networks' share pages, your organisation's sites and your Mastodon server",
      ],
      [
        'https://blog.example.com@evil.example/',
        "evil.example was not opened: the app opens only the networks' share pages, your organisation's sites and your Mastodon server",
      ],
    ]) {
      expect(await built.call(INVOKE_CHANNELS.openExternal, url), url).toEqual({ ok: false, error: reason });
    }
    expect(shell.opened).toHaveLength(3);
  });

  it('answers IPC only from its own page in its own top frame, and only with well-formed arguments', async () => {
    const page = built.window.webContents.mainFrame.url;
    const foreign: [FakeWebContents, FakeWebFrame | null][] = [
      [built.window.webContents, new FakeWebFrame('https://evil.example/')],
      [built.window.webContents, new FakeWebFrame('file:///tmp/index.html')],
      [built.window.webContents, new FakeWebFrame(page, built.window.webContents.mainFrame)],
      [built.window.webContents, null],
      [new FakeWebContents(), new FakeWebFrame(page)],
    ];
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      for (const [contents, frame] of foreign) {
        expect(await ipcMain.invokeFrom(contents, frame, channel), channel).toEqual({
          ok: false,
          error: 'refused: unknown sender',
        });
      }
    }
    expect(await built.call(INVOKE_CHANNELS.markShared, { postId: 42 })).toMatchObject({ ok: false });
    expect(await built.call(INVOKE_CHANNELS.openExternal, { url: 'https://x.example/' })).toMatchObject({ ok: false });
    expect(await built.call(INVOKE_CHANNELS.getSettings, 'extra')).toMatchObject({ ok: false });
  });

  it('leaves no IPC listener but the contract handlers (electron-store answers any renderer otherwise)', () => {
    expect(ipcMain.eventNames()).toEqual([]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });
});
