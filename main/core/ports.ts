/**
 * The ports through which the Electron-free core reaches the outside world. The app passes Electron's
 * implementations (net.request, Notification); tests and the browser preview pass Node's or fakes.
 */

/** How the core reaches the network: the feed engine's own port (feeds/ports.ts), passed through. */
export type { HttpFetch } from '../../feeds/ports.ts';

/** Time for the core: the system clock in the app, a fake one in tests so nothing has to sleep. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `delayMs`; returns a function that cancels it. Must not keep the process alive. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

/** setTimeout's longest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.min(delayMs, MAX_TIMER_MS));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface Notice {
  readonly title: string;
  readonly body: string;
  /** The post to open when the notice is clicked; absent for a summary of several posts. */
  readonly postId: string | null;
}

export interface Notifier {
  show(notice: Notice): void;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, details) => console.info(message, details ?? ''),
  warn: (message, details) => console.warn(message, details ?? ''),
  error: (message, details) => console.error(message, details ?? ''),
};

/**
 * Where this desktop keeps its endpoint device token. The app encrypts it with the OS key store
 * (main/adapters/token-store.ts) and never writes it in plain text.
 */
/**
 * Where a saved device token is, as the log says it: the app's OS key store, or for this run only; the preview's plain
 * file.
 */
export type TokenKept = 'os key store' | 'this run only' | 'a plain file in the data folder';

export interface DeviceTokenStore {
  load(): Promise<string | null>;
  save(token: string): Promise<TokenKept>;
  clear(): Promise<void>;
}

/**
 * Whether this machine has a network at all, and a call when it may have come back (reconnected, woke
 * from sleep). The outbox waits on it instead of retrying while offline. The app asks Electron's `net`
 * and `powerMonitor` (main/adapters/network-status.ts); Node cannot tell, so the preview assumes online.
 */
export interface NetworkStatus {
  isOnline(): boolean;
  onOnline(listener: () => void): () => void;
}

export const assumeOnline: NetworkStatus = {
  isOnline: () => true,
  onOnline: () => () => undefined,
};
