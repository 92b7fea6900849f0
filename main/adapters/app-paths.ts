/**
 * Where the app's own files are. Resolved from the app root rather than this module's location, so the
 * same code works from the built bundle, from sources under test, and packed inside app.asar.
 */
import { app } from 'electron';
import { join } from 'node:path';

export interface AppPaths {
  readonly preload: string;
  /** The built renderer, served as app://advocate/. */
  readonly rendererDir: string;
  readonly trayIconDir: string;
  readonly logDir: string;
}

export function appPaths(): AppPaths {
  const root = app.getAppPath();
  // Packed builds carry resources/ beside app.asar (electron-builder's extraResources), not inside it.
  const resources = app.isPackaged ? process.resourcesPath : join(root, 'resources');
  return {
    preload: join(root, 'out/preload/index.cjs'),
    rendererDir: join(root, 'out/renderer'),
    trayIconDir: join(resources, 'tray'),
    logDir: join(app.getPath('userData'), 'logs'),
  };
}
