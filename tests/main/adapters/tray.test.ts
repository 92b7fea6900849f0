/** The tray icon per platform: where the menu lives, what a click does, how the count shows. */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppTray } from '../../../main/adapters/tray.ts';
import { trayMenu, type TrayAction } from '../../../main/tray/tray-menu.ts';
import { resetElectronFake, Tray } from '../../mocks/electron.ts';

beforeEach(() => {
  resetElectronFake();
});

function appTray(platform: NodeJS.Platform) {
  const actions: TrayAction[] = [];
  let clicks = 0;
  const paused = { until: null as Date | null };
  const tray = createAppTray({
    iconDir: '/icons',
    platform,
    menu: () => trayMenu({ pausedUntil: paused.until, now: new Date(2026, 10, 25, 10, 0) }),
    onAction: (action) => actions.push(action),
    onClick: () => (clicks += 1),
  });
  const fake = Tray.instances[0] as Tray;
  return { tray, fake, actions, paused, clicks: () => clicks };
}

const UNREAD = { title: '2', tooltip: 'Advocate · 2 new posts to share', icon: 'unread' } as const;

describe('tray', () => {
  it('Linux: always carries a context menu, rebuilt on request; clicks toggle the window where they arrive', () => {
    const { tray, fake, actions, paused, clicks } = appTray('linux');
    expect(fake.image.path).toBe(join('/icons', 'tray.png'));
    fake.choose('Refresh now');
    fake.choose('Pause notifications until tomorrow');
    expect(actions).toEqual(['refresh', 'pauseTomorrow']);
    paused.until = new Date(2026, 10, 26, 8, 0);
    tray.refreshMenu();
    fake.choose('Resume notifications');
    expect(actions.at(-1)).toBe('resume');
    fake.click();
    expect(clicks()).toBe(1);
  });

  it('Linux and Windows: the count swaps the icon and goes in the tooltip, and back', () => {
    const { tray, fake } = appTray('linux');
    tray.show({ ...UNREAD, title: '' });
    expect(fake.image.path).toBe(join('/icons', 'tray-unread.png'));
    expect(fake.toolTip).toBe(UNREAD.tooltip);
    expect(fake.title).toBe('');
    tray.show({ title: '', tooltip: 'Advocate', icon: 'normal' });
    expect(fake.image.path).toBe(join('/icons', 'tray.png'));

    const windows = appTray('win32');
    windows.tray.show(UNREAD);
    expect(Tray.instances[1]?.image.path).toBe(join('/icons', 'tray-unread.ico'));
  });

  it('macOS: a template icon with the count as its title; the menu pops up on right click so a left click stays free', () => {
    const { tray, fake, actions, clicks } = appTray('darwin');
    expect(fake.image.path).toBe(join('/icons', 'trayTemplate.png'));
    expect(fake.contextMenu).toBeNull();
    fake.click();
    expect(clicks()).toBe(1);
    fake.rightClick();
    expect(fake.poppedUp).toHaveLength(1);
    fake.choose('Quit');
    expect(actions).toEqual(['quit']);
    tray.show(UNREAD);
    expect(fake.title).toBe('2');
    expect(fake.image.path).toBe(join('/icons', 'trayTemplate.png'));
  });

  it('Windows: the menu on right click, the window on left click', () => {
    const { fake, actions, clicks } = appTray('win32');
    expect(fake.contextMenu).toBeNull();
    fake.rightClick();
    fake.choose('Settings…');
    fake.click();
    expect(actions).toEqual(['settings']);
    expect(clicks()).toBe(1);
    expect(fake.menu()?.items.find((item) => item.label === 'Notifications paused until 08:00')).toBeUndefined();
  });

  it('shows the pause note as a disabled item', () => {
    const { tray, fake, paused } = appTray('linux');
    paused.until = new Date(2026, 10, 25, 11, 0);
    tray.refreshMenu();
    expect(fake.menu()?.items.find((item) => item.label === 'Notifications paused until 11:00')).toEqual({
      label: 'Notifications paused until 11:00',
      enabled: false,
    });
  });
});
