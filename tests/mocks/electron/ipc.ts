/** ipcMain, ipcRenderer and contextBridge: the two ends of IPC, with a way to call main from any frame. */
import { EventEmitter } from 'node:events';
import { FakeWebContents, type FakeWebFrame } from './web-contents.ts';

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrame | null;
}

type Handler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

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
  invokeFrom(
    sender: FakeWebContents,
    frame: FakeWebFrame | null,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
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
    if (contextBridge.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};
