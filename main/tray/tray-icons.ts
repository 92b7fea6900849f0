/**
 * Which file of resources/tray/ each platform shows. macOS gets a template image (the name ending in
 * "Template" tells Electron; the @2x file is picked for Retina) and shows the count as text, so it has no
 * unread variant; Windows gets .ico files with every size, Linux PNGs.
 */
import type { TrayIconVariant } from './tray-status.ts';

export function trayIconFile(platform: NodeJS.Platform, variant: TrayIconVariant): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  const suffix = variant === 'unread' ? '-unread' : '';
  return platform === 'win32' ? `tray${suffix}.ico` : `tray${suffix}.png`;
}
