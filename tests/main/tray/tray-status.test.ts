/** What the tray shows and offers: count as title on macOS, swapped icon elsewhere, tooltip everywhere; the menu. */
import { describe, expect, it } from 'vitest';
import { trayIconFile } from '../../../main/tray/tray-icons.ts';
import { trayMenu } from '../../../main/tray/tray-menu.ts';
import { shortTime, trayStatus } from '../../../main/tray/tray-status.ts';

const NOW = new Date(2026, 10, 25, 14, 5);

describe('tray status', () => {
  it('says nothing extra when there is nothing new', () => {
    expect(trayStatus({ unread: 0, pausedUntil: null, now: NOW, platform: 'win32' })).toEqual({
      title: '',
      tooltip: 'Advocate',
      icon: 'normal',
    });
  });

  it('shows the count as a title on macOS and as the unread icon elsewhere; the tooltip everywhere', () => {
    expect(trayStatus({ unread: 3, pausedUntil: null, now: NOW, platform: 'darwin' })).toEqual({
      title: '3',
      tooltip: 'Advocate · 3 new posts to share',
      icon: 'unread',
    });
    expect(trayStatus({ unread: 1, pausedUntil: null, now: NOW, platform: 'linux' })).toEqual({
      title: '',
      tooltip: 'Advocate · 1 new post to share',
      icon: 'unread',
    });
  });

  it('tells in the tooltip until when notifications are paused', () => {
    expect(
      trayStatus({ unread: 0, pausedUntil: new Date(2026, 10, 25, 15, 5), now: NOW, platform: 'win32' }).tooltip,
    ).toBe('Advocate · notifications paused until 15:05');
    expect(shortTime(new Date(2026, 10, 26, 8, 0), NOW)).toBe('Thu 08:00');
  });

  it('picks a template image on macOS, .ico on Windows, PNG on Linux', () => {
    expect(trayIconFile('darwin', 'unread')).toBe('trayTemplate.png');
    expect(trayIconFile('win32', 'normal')).toBe('tray.ico');
    expect(trayIconFile('win32', 'unread')).toBe('tray-unread.ico');
    expect(trayIconFile('linux', 'unread')).toBe('tray-unread.png');
  });
});

describe('tray menu', () => {
  const labels = (pausedUntil: Date | null) =>
    trayMenu({ pausedUntil, now: NOW }).map((item) => (item.kind === 'separator' ? '---' : item.label));

  it('offers Open, Refresh now, both pauses, Settings, Export diagnostics and Quit', () => {
    expect(labels(null)).toEqual([
      'Open',
      'Refresh now',
      '---',
      'Pause notifications for 1 hour',
      'Pause notifications until tomorrow',
      '---',
      'Settings…',
      'Export diagnostics…',
      '---',
      'Quit',
    ]);
  });

  it('while paused, says until when and offers to resume', () => {
    const menu = trayMenu({ pausedUntil: new Date(2026, 10, 25, 15, 5), now: NOW });
    expect(menu[3]).toEqual({ kind: 'note', label: 'Notifications paused until 15:05' });
    expect(menu[4]).toEqual({ kind: 'action', label: 'Resume notifications', action: 'resume' });
  });
});
