/**
 * The ports through which the Electron-free core reaches the outside world. The app passes Electron's
 * implementations (net.fetch, Notification); tests and the browser preview pass Node's or fakes.
 */

/** The standard fetch signature: Electron's `net.fetch` and Node's global `fetch` both fit. */
export type HttpFetch = (input: string, init?: RequestInit) => Promise<Response>;

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
export interface DeviceTokenStore {
  load(): Promise<string | null>;
  /** False when it could only be kept for this run (no usable OS key store). */
  save(token: string): Promise<boolean>;
  clear(): Promise<void>;
}
