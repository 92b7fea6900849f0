/** The online signal on Electron: net.isOnline() looked at every few seconds, and the machine waking up. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNetworkStatus, ONLINE_CHECK_MS } from '../../../main/adapters/network-status.ts';
import { fakeState, powerMonitor, resetElectronFake } from '../../mocks/electron.ts';

beforeEach(() => {
  resetElectronFake();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('network status', () => {
  it('says offline while Electron does, and calls back once when the network returns', () => {
    fakeState.online = false;
    const network = createNetworkStatus();
    let calls = 0;
    network.onOnline(() => (calls += 1));
    expect(network.isOnline()).toBe(false);
    vi.advanceTimersByTime(5 * ONLINE_CHECK_MS);
    expect(calls).toBe(0);

    fakeState.online = true;
    expect(network.isOnline()).toBe(true);
    vi.advanceTimersByTime(ONLINE_CHECK_MS);
    expect(calls).toBe(1);
    vi.advanceTimersByTime(5 * ONLINE_CHECK_MS);
    expect(calls).toBe(1);
  });

  it('calls back when the machine wakes or is unlocked, and not after unsubscribing', () => {
    const network = createNetworkStatus();
    let calls = 0;
    const stop = network.onOnline(() => (calls += 1));
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(calls).toBe(2);
    stop();
    powerMonitor.emit('resume');
    expect(calls).toBe(2);
  });
});
