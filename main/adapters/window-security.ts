/**
 * Electron's security checklist, applied to every webContents the app ever creates: no navigation, no
 * new windows (web and mail links go to the browser instead, through the same check as openExternal), no
 * <webview>, and every permission denied, asked or checked, but writing text to the clipboard.
 */
import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../core/ports.ts';
import { isAppAddress } from '../web/app-protocol.ts';

/** The tray window's webPreferences: isolated, sandboxed, no Node, nothing loosened. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const;

/**
 * The one exception: writing text to the clipboard, the window's "copy the message" action, and only for
 * our own page. Reading the clipboard, devices, notifications from the page and the rest stay denied.
 */
export const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

const mayUse = (permission: string, address: string | undefined): boolean =>
  permission === CLIPBOARD_WRITE && isAppAddress(address);

export function denyPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = mayUse(permission, details.requestingUrl);
    if (!granted) log.warn('denied a permission request', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => mayUse(permission, requestingOrigin));
}

function destination(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an invalid address';
  }
}

/** `openLink` receives what a page tried to open in a new window; it decides whether the browser may. */
export function lockDownContents(contents: WebContents, openLink: (url: string) => void, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    // Only the scheme and host: a share link's query carries the person's message text.
    log.warn('blocked a navigation', { to: destination(url) });
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
}

/** Applies `lockDownContents` to every webContents, including ones a future change forgets about. */
export function lockDownAllContents(app: App, openLink: (url: string) => void, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    lockDownContents(contents, openLink, log);
  });
}
