/** Sessions, frames and webContents: what a page can try (navigate, open windows, ask permissions, press keys). */
import { EventEmitter } from 'node:events';

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  /** Plays a page at `requestingUrl` asking for a permission; resolves to what the app answered. */
  requestPermission(permission: string, requestingUrl = 'about:blank'): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionRequestHandler) throw new Error('no permission request handler set');
      this.permissionRequestHandler(null, permission, resolve, { requestingUrl });
    });
  }

  /** Plays Chromium checking a permission synchronously; with no handler Electron grants it. */
  checkPermission(permission: string, origin: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin) : true;
  }

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
  }
}

/** The default session: every fake webContents uses it, as windows without a partition do. */
export const defaultSession = new FakeSession();

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

interface PreventableEvent {
  preventDefault(): void;
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session = defaultSession;
  readonly sent: { channel: string; payload: unknown }[] = [];
  mainFrame = new FakeWebFrame('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }

  /** Emits a cancellable event the way Electron does; true when no listener prevented it. */
  #allowed(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const preventable: PreventableEvent & Record<string, unknown> = { preventDefault: () => (prevented = true) };
    this.emit(event, preventable, ...args);
    return !prevented;
  }

  /** Plays the page trying to navigate its main frame; true when the app let it. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true), url }, url);
    this.emit('will-frame-navigate', { preventDefault: () => (prevented = true), url, isMainFrame: true });
    return !prevented;
  }

  /** Plays a subframe trying to navigate; true when the app let it. */
  navigateFrame(url: string): boolean {
    let prevented = false;
    this.emit('will-frame-navigate', { preventDefault: () => (prevented = true), url, isMainFrame: false });
    return !prevented;
  }

  /** Plays `window.open(url)` or a target=_blank link; answers what the app's handler decided. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    // Electron allows new windows when no handler is set.
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : { action: 'allow' };
  }

  /** Plays a <webview> about to attach; true when the app let it. */
  attachWebview(src: string): boolean {
    return this.#allowed('will-attach-webview', { src }, { src });
  }

  /** Plays a key press reaching the page; true when the app let the page have it. */
  pressKey(key: string): boolean {
    return this.#allowed('before-input-event', { type: 'keyDown', key });
  }
}
