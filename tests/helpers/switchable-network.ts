/**
 * A desktop's network for tests: on or off. Off, `isOnline()` says so and every request through
 * `fetch` fails as a cable pulled out would; back on, the "online" signal fires, as Electron's does.
 */
import type { HttpFetch, NetworkStatus } from '../../main/core/ports.ts';

export class SwitchableNetwork implements NetworkStatus {
  #online = true;
  readonly #listeners = new Set<() => void>();
  /** Requests that failed because the network was off. */
  refused = 0;

  constructor(private readonly inner: HttpFetch = fetch) {}

  isOnline(): boolean {
    return this.#online;
  }

  onOnline(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  goOffline(): void {
    this.#online = false;
  }

  comeBack(): void {
    this.#online = true;
    for (const listener of this.#listeners) listener();
  }

  readonly fetch: HttpFetch = (input, init) => {
    if (this.#online) return this.inner(input, init);
    this.refused += 1;
    return Promise.reject(
      new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND (network is off)') }),
    );
  };
}
