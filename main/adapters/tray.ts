/**
 * The tray icon. Linux may never send clicks, so there it always carries a context menu; on macOS a set
 * context menu would swallow the left click, so macOS and Windows pop the menu up on right click and
 * keep the left click for the window. The menu is rebuilt each time from main/tray/tray-menu.ts.
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { trayIconFile } from '../tray/tray-icons.ts';
import type { TrayAction, TrayMenuItem } from '../tray/tray-menu.ts';
import type { TrayStatus } from '../tray/tray-status.ts';
import type { Rect } from '../tray/window-position.ts';

export interface AppTrayOptions {
  readonly iconDir: string;
  readonly platform: NodeJS.Platform;
  readonly menu: () => readonly TrayMenuItem[];
  readonly onAction: (action: TrayAction) => void;
  readonly onClick: () => void;
}

export interface AppTray {
  show(status: TrayStatus): void;
  /** Call when what the menu shows has changed (pause state). */
  refreshMenu(): void;
  bounds(): Rect | null;
  destroy(): void;
}

export function createAppTray(options: AppTrayOptions): AppTray {
  const { platform } = options;
  const image = (status: TrayStatus['icon']) =>
    nativeImage.createFromPath(join(options.iconDir, trayIconFile(platform, status)));
  const tray = new Tray(image('normal'));
  let shownIcon: TrayStatus['icon'] = 'normal';

  const buildMenu = () =>
    Menu.buildFromTemplate(
      options.menu().map((item): MenuItemConstructorOptions => {
        if (item.kind === 'separator') return { type: 'separator' };
        if (item.kind === 'note') return { label: item.label, enabled: false };
        return { label: item.label, click: () => options.onAction(item.action) };
      }),
    );

  if (platform === 'linux') {
    tray.setContextMenu(buildMenu());
  } else {
    tray.on('right-click', () => tray.popUpContextMenu(buildMenu()));
  }
  tray.on('click', () => options.onClick());

  return {
    show(status) {
      tray.setToolTip(status.tooltip);
      if (platform === 'darwin') tray.setTitle(status.title);
      else if (status.icon !== shownIcon) tray.setImage(image(status.icon));
      shownIcon = status.icon;
    },
    refreshMenu() {
      if (platform === 'linux') tray.setContextMenu(buildMenu());
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
