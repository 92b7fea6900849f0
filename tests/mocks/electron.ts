/**
 * The one Electron fake, for every test that imports code which imports 'electron' (vitest aliases
 * 'electron' to this file). It records what the code under test asked Electron to do and lets a test
 * play the OS: click a notification, send IPC from a given frame, fire app events.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

type Handler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

interface FakeState {
  userData: string;
  /** What app.getAppPath() answers: the folder holding package.json and out/. */
  appPath: string;
  isPackaged: boolean;
  notificationsSupported: boolean;
  singleInstanceLock: boolean;
}

const freshState = (): FakeState => ({
  userData: '/tmp/advocate-fake-user-data',
  appPath: process.cwd(),
  isPackaged: false,
  notificationsSupported: true,
  singleInstanceLock: true,
});

export const fakeState: FakeState = freshState();

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  /** Plays a page asking for a permission; resolves to what the app answered. */
  requestPermission(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionRequestHandler) throw new Error('no permission request handler set');
      this.permissionRequestHandler(null, permission, resolve);
    });
  }
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session = new FakeSession();
  readonly sent: { channel: string; payload: unknown }[] = [];
  mainFrame = new FakeWebFrame('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }

  /** Plays the page trying to navigate; true when the app let it. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true), url }, url);
    return !prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  #visible = false;
  #destroyed = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
  }

  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame = new FakeWebFrame(pathToFileURL(path).href);
    return Promise.resolve();
  }

  show(): void {
    this.#visible = true;
    this.emit('show');
  }

  hide(): void {
    this.#visible = false;
    this.emit('hide');
  }

  focus(): void {
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.#visible;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
  }
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrame | null;
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Plays a renderer calling `ipcRenderer.invoke` from the given contents and frame. */
  invokeFrom(sender: FakeWebContents, frame: FakeWebFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Like Electron, a handler that throws becomes a rejected invoke, never a synchronous throw.
    return new Promise((resolve) => {
      resolve(handler({ sender, senderFrame: frame }, ...args));
    });
  }
}

export const ipcMain = new FakeIpcMain();

/** The renderer side. Its invokes reach `ipcMain` as if sent from `rendererSender`'s main frame. */
class FakeIpcRenderer extends EventEmitter {
  rendererSender: FakeWebContents = new FakeWebContents();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom(this.rendererSender, this.rendererSender.mainFrame, channel, ...args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

export class Notification extends EventEmitter {
  static readonly instances: Notification[] = [];
  shown = false;

  static isSupported(): boolean {
    return fakeState.notificationsSupported;
  }

  constructor(readonly options: { title: string; body?: string; silent?: boolean }) {
    super();
    Notification.instances.push(this);
  }

  show(): void {
    this.shown = true;
  }

  click(): void {
    this.emit('click');
  }

  close(): void {
    this.emit('close');
  }
}

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  toolTip = '';
  title = '';
  contextMenu: FakeMenu | null = null;

  constructor(readonly image: FakeNativeImage) {
    super();
    Tray.instances.push(this);
  }

  setToolTip(text: string): void {
    this.toolTip = text;
  }

  setTitle(text: string): void {
    this.title = text;
  }

  setContextMenu(menu: FakeMenu): void {
    this.contextMenu = menu;
  }
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  click?: () => void;
}

export interface FakeMenu {
  readonly items: FakeMenuItem[];
}

export const Menu = {
  buildFromTemplate: (items: FakeMenuItem[]): FakeMenu => ({ items }),
};

export interface FakeNativeImage {
  readonly path: string | null;
}

export const nativeImage = {
  createFromPath: (path: string): FakeNativeImage => ({ path }),
  createEmpty: (): FakeNativeImage => ({ path: null }),
};

class FakeApp extends EventEmitter {
  quitCalls = 0;
  exitCode: number | null = null;
  #ready = false;

  getPath(name: string): string {
    if (name === 'userData') return fakeState.userData;
    return `/tmp/advocate-fake-${name}`;
  }

  getAppPath(): string {
    return fakeState.appPath;
  }

  get isPackaged(): boolean {
    return fakeState.isPackaged;
  }

  getVersion(): string {
    return '0.0.0-fake';
  }

  getName(): string {
    return 'Advocate';
  }

  requestSingleInstanceLock(): boolean {
    return fakeState.singleInstanceLock;
  }

  whenReady(): Promise<void> {
    return this.#ready ? Promise.resolve() : new Promise((resolve) => this.once('ready', () => resolve()));
  }

  isReady(): boolean {
    return this.#ready;
  }

  /** Plays Electron finishing its start-up. */
  becomeReady(): void {
    this.#ready = true;
    this.emit('ready');
  }

  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit');
  }

  exit(code = 0): void {
    this.exitCode = code;
  }
}

export const app = new FakeApp();

export const net = {
  fetch: (input: string, init?: RequestInit): Promise<Response> => fetch(input, init),
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

/** Puts the fake back to a fresh Electron, between tests. */
export function resetElectronFake(): void {
  BrowserWindow.instances.length = 0;
  Notification.instances.length = 0;
  Tray.instances.length = 0;
  contextBridge.exposed.clear();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.rendererSender = new FakeWebContents();
  shell.opened.length = 0;
  app.removeAllListeners();
  app.quitCalls = 0;
  app.exitCode = null;
  Object.assign(fakeState, freshState());
}

export default { app, BrowserWindow, contextBridge, ipcMain, ipcRenderer, Menu, nativeImage, net, Notification, shell, Tray };
