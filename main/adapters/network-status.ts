/**
 * The NetworkStatus port on Electron: `net.isOnline()` (false means every request would fail), looked
 * at every few seconds (Electron's main process has no online event), and the machine waking from
 * sleep or being unlocked, when a network usually comes back.
 */
import { net, powerMonitor } from 'electron';
import type { NetworkStatus } from '../core/ports.ts';

/** How often the online flag is looked at: a local call, not a request. */
export const ONLINE_CHECK_MS = 10_000;

export function createNetworkStatus(): NetworkStatus {
  const listeners = new Set<() => void>();
  const announce = (): void => {
    for (const listener of listeners) listener();
  };
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) announce();
    online = now;
  }, ONLINE_CHECK_MS);
  timer.unref();
  powerMonitor.on('resume', announce);
  powerMonitor.on('unlock-screen', announce);
  return {
    isOnline: () => net.isOnline(),
    onOnline(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
