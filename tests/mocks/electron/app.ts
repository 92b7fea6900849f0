/** The app object: lifecycle, paths, identity, login items, single instance. */
import { EventEmitter } from 'node:events';
import { fakeState } from './state.ts';

export interface FakeLoginItemSettings {
  openAtLogin: boolean;
  openAsHidden?: boolean;
  args?: string[];
}

export class FakeApp extends EventEmitter {
  quitCalls = 0;
  exitCode: number | null = null;
  appUserModelId: string | null = null;
  sandboxEnabled = false;
  loginItemSettings: FakeLoginItemSettings = { openAtLogin: false };
  /** Schemes the app asked the OS to hand it (setAsDefaultProtocolClient). */
  readonly protocolClients: string[] = [];
  #ready = false;

  getPath(name: string): string {
    if (name === 'userData') return fakeState.userData;
    return fakeState.paths[name] ?? `/tmp/advocate-fake-${name}`;
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

  getLocale(): string {
    return 'en-GB';
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }

  enableSandbox(): void {
    if (this.#ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  setLoginItemSettings(settings: FakeLoginItemSettings): void {
    this.loginItemSettings = { ...settings };
  }

  getLoginItemSettings(): FakeLoginItemSettings {
    return { ...this.loginItemSettings };
  }

  setAsDefaultProtocolClient(scheme: string): boolean {
    this.protocolClients.push(scheme);
    return true;
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

  reset(): void {
    this.removeAllListeners();
    this.quitCalls = 0;
    this.exitCode = null;
    this.appUserModelId = null;
    this.sandboxEnabled = false;
    this.loginItemSettings = { openAtLogin: false };
    this.#ready = false;
  }
}

export const app = new FakeApp();
