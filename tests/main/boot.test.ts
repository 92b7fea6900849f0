/**
 * The BUILT main bundle booted on the Electron fake with a real feed server (tests/helpers/built-app.ts),
 * driven the way a person would: the tray menu, a notification click, a pause (tray and window), settings, diagnostics.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostView } from '../../common/domain.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../common/ipc/contract.ts';
import type { NotificationPause, SettingsView } from '../../common/settings.ts';
import { app, fakeState, net, Notification, shell } from '../mocks/electron.ts';
import { bootBuiltApp, type BuiltApp } from '../helpers/built-app.ts';
import { startHttpsServer } from '../helpers/https-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import type { FeedItem } from '../helpers/http-server.ts';

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
const SECRET_CODE = '6F1C-2D9A-SE7R-ET42';

let built: BuiltApp;

beforeAll(async () => {
  built = await bootBuiltApp([OLD]);
});
afterAll(() => built.close());

describe('the built app, booted', () => {
  it('is ready with one tray icon carrying its menu (Linux: a context menu), and no notification for an old post', () => {
    expect(built.tray.contextMenu).not.toBeNull();
    expect(built.menuLabels()).toEqual([
      'Open',
      'Refresh now',
      'Pause notifications for 1 hour',
      'Pause notifications until tomorrow',
      'Settings…',
      'Export diagnostics…',
      'Quit',
    ]);
    expect(built.tray.image.path).toMatch(/resources[/\\]tray[/\\]tray\.png$/);
    expect(built.tray.toolTip).toBe('Advocate');
    expect(Notification.instances).toHaveLength(0);
    expect(built.window.isVisible()).toBe(false);
  });

  it('a feed gains a post: exactly one notification with its title; the click shows the window and opens that post', async () => {
    built.feed.setItems([OLD, FRESH]);
    built.tray.choose('Refresh now');
    await vi.waitUntil(() => Notification.instances.length > 0, { timeout: 10_000 });
    await new Promise((done) => setTimeout(done, 50));
    expect(Notification.instances).toHaveLength(1);
    const notification = Notification.instances[0] as Notification;
    expect(notification.options.title).toBe('Fresh post');
    expect(notification.options.body).toBe('Fresh post is worth a share.');
    expect(notification.shown).toBe(true);
    // Through Chromium's stack (net.request), every redirect handed back to the engine to count.
    expect(net.requests.filter((sent) => sent.url === built.feed.feedUrl).map((sent) => sent.redirect)).toContain(
      'manual',
    );
    expect(built.tray.toolTip).toBe('Advocate · 1 new post to share');
    expect(built.tray.image.path).toMatch(/tray-unread\.png$/);

    notification.click();
    expect(built.window.isVisible()).toBe(true);
    const listed = await built.call<PostView[]>(INVOKE_CHANNELS.listPosts);
    const fresh = listed.ok ? listed.value.find((candidate) => candidate.title === 'Fresh post') : undefined;
    expect(fresh).toBeDefined();
    expect(built.sentOn(EVENT_CHANNELS.openPost)).toEqual([{ postId: fresh?.id }]);
    // Opening the window is reading: the count clears.
    expect(built.tray.toolTip).toBe('Advocate');
    expect(built.tray.image.path).toMatch(/tray\.png$/);
  });

  it('while paused, a second post raises no notification but raises the count', async () => {
    built.window.blur();
    expect(built.window.isVisible()).toBe(false);
    built.tray.choose('Pause notifications for 1 hour');
    expect(built.menuLabels()).toContain('Resume notifications');
    expect(built.menuLabels().some((label) => label?.startsWith('Notifications paused until'))).toBe(true);

    built.feed.setItems([OLD, FRESH, SECOND]);
    built.tray.choose('Refresh now');
    await vi.waitUntil(() => built.tray.toolTip.includes('1 new post'), { timeout: 10_000 });
    expect(Notification.instances).toHaveLength(1);
    // An hour from now on the local clock, with the weekday when that is past midnight.
    const pause = await built.call<NotificationPause>(INVOKE_CHANNELS.getNotificationPause);
    const until = new Date((pause.ok && pause.value.pausedUntil) || Number.NaN);
    const clock = [until.getHours(), until.getMinutes()].map((part) => String(part).padStart(2, '0')).join(':');
    expect(built.tray.toolTip).toMatch(
      new RegExp(`^Advocate · 1 new post to share · notifications paused until (\\w{3} )?${clock}$`),
    );
    expect(built.tray.image.path).toMatch(/tray-unread\.png$/);

    built.tray.choose('Resume notifications');
    expect(built.menuLabels()).toContain('Pause notifications for 1 hour');
  });

  it('pauses from the window as from the tray menu: each follows the other', async () => {
    // 08:00 on the day after today, with "today" read before and after the call: midnight may pass during it.
    const eightTomorrow = (today: Date): string =>
      new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, 8).toISOString();
    const before = eightTomorrow(new Date());
    const paused = await built.call<NotificationPause>(INVOKE_CHANNELS.pauseNotifications, 'tomorrow');
    const pausedUntil = paused.ok ? paused.value.pausedUntil : null;
    expect([before, eightTomorrow(new Date())]).toContain(pausedUntil);
    expect(built.sentOn(EVENT_CHANNELS.notificationPauseChanged).at(-1)).toEqual({ pausedUntil });
    expect(built.menuLabels()).toContain('Resume notifications');
    expect(built.tray.toolTip).toMatch(/notifications paused until \w{3} 08:00$/);

    built.tray.choose('Resume notifications');
    expect(built.sentOn(EVENT_CHANNELS.notificationPauseChanged).at(-1)).toEqual({ pausedUntil: null });
    expect(await built.call(INVOKE_CHANNELS.getNotificationPause)).toEqual({ ok: true, value: { pausedUntil: null } });
    expect(built.menuLabels()).toContain('Pause notifications for 1 hour');

    // Tried: a pause the contract does not know. Must hold: refused with the call named, still not paused.
    const forever = await built.call(INVOKE_CHANNELS.pauseNotifications, 'forever');
    expect(!forever.ok && forever.error).toContain('malformed arguments for pauseNotifications');
    expect(built.menuLabels()).not.toContain('Resume notifications');
  });

  it('hides the window on Esc and on close, and shows it for a second launch', () => {
    built.tray.choose('Open');
    expect(built.window.isVisible()).toBe(true);
    expect(built.window.webContents.pressKey('Escape')).toBe(false);
    expect(built.window.isVisible()).toBe(false);
    app.emit('second-instance', {}, ['/opt/Advocate/advocate']);
    expect(built.window.isVisible()).toBe(true);
    built.window.close();
    expect(built.window.isDestroyed()).toBe(false);
    expect(built.window.isVisible()).toBe(false);
  });

  it('opens the post an "Open in Advocate" link names, from a second launch (Windows, Linux) or the OS (macOS)', async () => {
    const listed = await built.call<PostView[]>(INVOKE_CHANNELS.listPosts);
    const old = listed.ok ? listed.value.find((candidate) => candidate.link === OLD.link) : undefined;
    if (!old) throw new Error('no post');
    const opened = () => built.sentOn(EVENT_CHANNELS.openPost);
    const before = opened().length;
    const link = `advocate://post/${encodeURIComponent(OLD.link)}`;
    built.window.close();
    app.emit('second-instance', {}, ['/opt/Advocate/advocate', '--', link]);
    expect(built.window.isVisible()).toBe(true);
    expect(opened().slice(before)).toEqual([{ postId: old.id }]);
    built.window.close();
    let handled = false;
    app.emit('open-url', { preventDefault: () => (handled = true) }, link);
    expect(handled).toBe(true);
    expect(built.window.isVisible()).toBe(true);
    expect(opened().slice(before)).toEqual([{ postId: old.id }, { postId: old.id }]);
    // Tried: a link to something else. Must hold: nothing opened.
    app.emit('second-instance', {}, ['advocate://post/javascript%3Aalert(1)']);
    expect(opened().slice(before)).toHaveLength(2);
  });

  it('"Settings…" shows the window and tells it to show the settings', () => {
    built.tray.choose('Settings…');
    expect(built.window.isVisible()).toBe(true);
    expect(built.sentOn(EVENT_CHANNELS.showSettings)).toEqual([null]);
  });

  it('answers and changes settings over IPC, refusing bad values and organisation-only keys with a reason', async () => {
    const view = await built.call<SettingsView>(INVOKE_CHANNELS.getSettings);
    expect(view.ok && view.value.values.pollIntervalMinutes).toBe(30);
    expect(view.ok && 'enrollmentCode' in view.value.values).toBe(false);

    const changed = await built.call<SettingsView>(INVOKE_CHANNELS.updateSettings, {
      pollIntervalMinutes: 15,
      enrollmentCode: SECRET_CODE,
    });
    expect(changed.ok && changed.value.values.pollIntervalMinutes).toBe(15);
    expect(changed.ok && changed.value.enrollmentCodeSet).toBe(true);
    expect(built.sentOn(EVENT_CHANNELS.settingsChanged).at(-1)).toMatchObject({ values: { pollIntervalMinutes: 15 } });
    const stored = JSON.parse(await readFile(join(built.userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ pollIntervalMinutes: 15, schemaVersion: 1 });

    // Tried: below the 5-minute floor. Must hold: refused with the rule, nothing written.
    expect(await built.call(INVOKE_CHANNELS.updateSettings, { pollIntervalMinutes: 1 })).toEqual({
      ok: false,
      error: 'Check feeds every (minutes) must be a whole number from 5 to 1440',
    });
    // Tried: the organisation's feed list, which no person may set. Must hold: refused before any handler runs.
    const orgOnly = await built.call(INVOKE_CHANNELS.updateSettings, { feedUrls: ['https://evil.example/feed'] });
    expect(orgOnly.ok).toBe(false);
    expect(!orgOnly.ok && orgOnly.error).toContain('malformed arguments for updateSettings');
  });

  it("reads the Mastodon server's limits once one is named, over https through net.request, and tells the window", async () => {
    const dir = await makeTempDir();
    const instance = await startHttpsServer(dir.path, (request, response) => {
      const body = { configuration: { statuses: { max_characters: 3000, characters_reserved_per_url: 23 } } };
      if (request.url === '/api/v2/instance')
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      else response.writeHead(404).end();
    });
    try {
      // The company's machines trust this server's certificate, as Chromium would through the OS store.
      fakeState.trustedCertificates.push(instance.certificate);
      const before = await built.call(INVOKE_CHANNELS.getMastodonLimits);
      expect(before).toEqual({ ok: true, value: { instance: null, maxCharacters: 500, charactersReservedPerUrl: 23 } });

      const host = new URL(instance.url).host;
      await built.call(INVOKE_CHANNELS.updateSettings, { mastodonInstance: host });
      const read = { instance: host, maxCharacters: 3000, charactersReservedPerUrl: 23 };
      await vi.waitUntil(() => built.sentOn(EVENT_CHANNELS.mastodonLimitsChanged).length > 0, { timeout: 10_000 });
      expect(built.sentOn(EVENT_CHANNELS.mastodonLimitsChanged)).toEqual([read]);
      expect(await built.call(INVOKE_CHANNELS.getMastodonLimits)).toEqual({ ok: true, value: read });
    } finally {
      await instance.close();
      await dir.remove();
    }
  });

  it('exports diagnostics for IT: versions, settings with their source, no secret, no post text', async () => {
    built.tray.choose('Export diagnostics…');
    await vi.waitUntil(() => shell.shownInFolder.length > 0, { timeout: 10_000 });
    const file = shell.shownInFolder[0] ?? '';
    expect(file.startsWith(built.downloads)).toBe(true);
    const report = await readFile(file, 'utf8');
    expect(report).toContain('Advocate diagnostics');
    expect(report).toContain('app id com.advocate.desktop');
    expect(report).toContain('pollIntervalMinutes = 15  [person]');
    expect(report).toContain('enrollmentCode = set (hidden)');
    expect(report).toMatch(
      new RegExp(
        `== Feeds ==\\nExample Blog: ok, checked \\S+Z, next check \\S+Z\\n  ${built.feed.feedUrl.replace(/[.?]/g, '\\$&')}\\n`,
      ),
    );
    expect(report).toContain('== Sync ==\nendpoint: none configured; shares are counted on this desktop only\n');
    expect(report).toContain('Example Blog: 3 posts, newest ');
    expect(report).not.toContain(SECRET_CODE);
    expect(report).not.toContain('is worth a share');
  });

  it('keeps a log in userData/logs with no secret and no post or message text', async () => {
    const log = await readFile(join(built.userData, 'logs', 'advocate.log'), 'utf8');
    expect(log).toMatch(/ INFO starting /);
    expect(log).toContain('settings changed');
    expect(log).not.toContain(SECRET_CODE);
    expect(log).not.toContain('is worth a share');
  });
});
