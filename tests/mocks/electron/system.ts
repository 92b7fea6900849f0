/** The OS services: screen, shell, network, power, protocols, encryption, macOS preferences. */
import { EventEmitter } from 'node:events';
import { FakeClientRequest, type FakeRequestOptions, type FakeRequestRecord } from './net-request.ts';
import { fakeState, type FakeDisplay } from './state.ts';
import { defaultSession } from './web-contents.ts';

const contains = (display: FakeDisplay, x: number, y: number): boolean =>
  x >= display.bounds.x &&
  x < display.bounds.x + display.bounds.width &&
  y >= display.bounds.y &&
  y < display.bounds.y + display.bounds.height;

function displayAt(x: number, y: number): FakeDisplay {
  const found = fakeState.displays.find((display) => contains(display, x, y)) ?? fakeState.displays[0];
  if (!found) throw new Error('the fake screen has no display');
  return found;
}

export const screen = {
  getDisplayMatching: (rect: { x: number; y: number; width: number; height: number }): FakeDisplay =>
    displayAt(rect.x + rect.width / 2, rect.y + rect.height / 2),
  getDisplayNearestPoint: (point: { x: number; y: number }): FakeDisplay => displayAt(point.x, point.y),
  getCursorScreenPoint: (): { x: number; y: number } => ({ ...fakeState.cursor }),
  getPrimaryDisplay: (): FakeDisplay => displayAt(0, 0),
};

export const shell = {
  opened: [] as string[],
  shownInFolder: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
  showItemInFolder(path: string): void {
    shell.shownInFolder.push(path);
  },
};

/**
 * Electron's net.fetch runs net.request with the same redirect mode and resolves on its `response` event,
 * so with `redirect: 'manual'` a redirect nobody follows rejects (electron/electron#43715).
 */
async function netFetch(input: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (
    init?.redirect === 'manual' &&
    response.headers.has('location') &&
    [301, 302, 303, 307, 308].includes(response.status)
  ) {
    await response.body?.cancel();
    throw new Error('Redirect was cancelled');
  }
  return response;
}

export const net = {
  fetch: netFetch,
  /** Every `net.request` made since the last reset, as it was sent. */
  requests: [] as FakeRequestRecord[],
  request: (options: FakeRequestOptions | string): FakeClientRequest =>
    new FakeClientRequest(options, (sent) => net.requests.push(sent)),
  /** What Chromium believes about the network; a test plays it going away and coming back with `fakeState.online`. */
  isOnline: (): boolean => fakeState.online,
};

/** Plays the OS's power events: `powerMonitor.emit('resume')` is the machine waking from sleep. */
export const powerMonitor = new EventEmitter();

type ProtocolHandler = (request: { url: string; method: string }) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (protocol.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocol.handlers.set(scheme, handler);
  },
  /** Plays the window requesting a URL of a handled scheme. */
  async request(url: string, method = 'GET'): Promise<Response> {
    const handler = protocol.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler({ url, method });
  },
};

export const session = { defaultSession };

const XOR = 0x5a;
const MAGIC = Buffer.from('v10');

/** Stands in for the OS key store: reversible, and never leaves the plain text readable in the bytes. */
export const safeStorage = {
  isAsyncEncryptionAvailable: (): Promise<boolean> => Promise.resolve(fakeState.encryptionAvailable),
  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!fakeState.encryptionAvailable) return Promise.reject(new Error('Encryption is not available.'));
    return Promise.resolve(Buffer.concat([MAGIC, Buffer.from(plainText, 'utf8').map((byte) => byte ^ XOR)]));
  },
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!encrypted.subarray(0, MAGIC.length).equals(MAGIC))
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    return Promise.resolve({
      result: Buffer.from(encrypted.subarray(MAGIC.length).map((byte) => byte ^ XOR)).toString('utf8'),
      shouldReEncrypt: false,
    });
  },
  getSelectedStorageBackend: (): string => fakeState.storageBackend,
};

/** NSUserDefaults semantics: a missing key reads as '', false, 0 or [] depending on the type asked. */
export const systemPreferences = {
  getUserDefault(key: string, type: string): unknown {
    const value = fakeState.userDefaults.get(key);
    switch (type) {
      case 'string':
        if (typeof value === 'string') return value;
        if (typeof value === 'number') return String(value);
        if (typeof value === 'boolean') return value ? '1' : '0';
        return '';
      case 'array':
        return Array.isArray(value) ? value : [];
      case 'boolean':
        return value === true || value === 1 || value === '1';
      case 'integer':
        return typeof value === 'number' ? Math.trunc(value) : 0;
      default:
        return undefined;
    }
  },
};
