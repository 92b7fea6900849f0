/**
 * The tray window: sandboxed, isolated, no Node, no navigation, no new windows, no permissions.
 * Only its own page may talk to main (see `isTrayWindowSender`).
 */
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';

export interface TrayWindowPaths {
  readonly preload: string;
  readonly indexHtml: string;
}

export const TRAY_WINDOW_SIZE = { width: 380, height: 560 } as const;

export function createTrayWindow(paths: TrayWindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    ...TRAY_WINDOW_SIZE,
    show: false,
    frame: false,
    resizable: false,
    skipTaskbar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const { webContents } = window;
  webContents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  void window.loadFile(paths.indexHtml);
  return window;
}

/** True only for calls from the tray window's top frame showing our own page. */
export function isTrayWindowSender(window: BrowserWindow, indexHtml: string): (event: IpcMainInvokeEvent) => boolean {
  const pageUrl = pathToFileURL(indexHtml).href;
  return (event) => {
    const frame = event.senderFrame;
    return !window.isDestroyed() && event.sender === window.webContents && frame !== null && frame.parent === null && frame.url.split(/[?#]/)[0] === pageUrl;
  };
}
