/**
 * The tray window's preload: runs sandboxed, so it may only require 'electron'. It exposes the contract
 * as `window.advocate` and nothing else: no ipcRenderer, no generic invoke, no Electron event objects.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type IpcAnswer } from '../common/ipc/contract.ts';
import { createAdvocateApi } from './api.ts';

contextBridge.exposeInMainWorld(
  'advocate',
  createAdvocateApi({
    invoke: (name, args) => ipcRenderer.invoke(INVOKE_CHANNELS[name], ...args) as Promise<IpcAnswer>,
    subscribe(name, listener) {
      const channel = EVENT_CHANNELS[name];
      const handler = (_event: IpcRendererEvent, payload: unknown): void => {
        listener(payload);
      };
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  }),
);
