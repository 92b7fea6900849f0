/**
 * The preload from sources through the Electron fake: exactly the contract is exposed, calls travel as
 * invokes, and subscriptions hand the window the payload only, never Electron's event object.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  subscriptionName,
  type AdvocateApi,
  type EventName,
} from '../../common/ipc/contract.ts';
import { contextBridge, ipcMain, ipcRenderer, resetElectronFake } from '../mocks/electron.ts';

let api: AdvocateApi;

beforeAll(async () => {
  resetElectronFake();
  await import('../../preload/index.ts');
  api = contextBridge.exposed.get('advocate') as AdvocateApi;
});

describe('preload', () => {
  it('exposes only advocate, with exactly one method per contract call and event', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['advocate']);
    const expected = [
      ...Object.keys(INVOKE_CHANNELS),
      ...(Object.keys(EVENT_CHANNELS) as EventName[]).map(subscriptionName),
    ];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends a call on its channel with its arguments and unwraps the answer', async () => {
    const received: unknown[][] = [];
    ipcMain.handle(INVOKE_CHANNELS.markShared, (_event, ...args) => {
      received.push(args);
      return { ok: true, value: 'done' };
    });
    await expect(api.markShared({ postId: 'p1', network: 'x' })).resolves.toBe('done');
    expect(received).toEqual([[{ postId: 'p1', network: 'x' }]]);
  });

  it("turns a refused call into a rejected promise with main's message", async () => {
    ipcMain.handle(INVOKE_CHANNELS.refreshFeeds, () => ({ ok: false, error: 'refused: unknown sender' }));
    await expect(api.refreshFeeds()).rejects.toThrow('refused: unknown sender');
  });

  it('delivers event payloads without the Electron event, and stops after unsubscribe', () => {
    const seen: unknown[][] = [];
    const unsubscribe = api.onOpenPost((...args: unknown[]) => seen.push(args));
    ipcRenderer.emit(EVENT_CHANNELS.openPost, { sender: 'electron-event' }, { postId: 'p1' });
    unsubscribe();
    ipcRenderer.emit(EVENT_CHANNELS.openPost, { sender: 'electron-event' }, { postId: 'p2' });
    expect(seen).toEqual([[{ postId: 'p1' }]]);
  });

  it('refuses a subscription without a listener function', () => {
    expect(() => api.onPostsChanged('not a function' as never)).toThrow(TypeError);
  });
});
