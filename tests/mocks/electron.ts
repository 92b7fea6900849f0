/**
 * The one Electron fake, for every test that imports code which imports 'electron' (vitest aliases
 * 'electron' to this file). It records what the code under test asked Electron to do and lets a test
 * play the OS and the person: click the tray or a notification, send IPC from a given frame, fire app
 * events, move the taskbar, take the key store away. The parts live in ./electron/.
 */
import { app } from './electron/app.ts';
import { contextBridge, ipcMain, ipcRenderer } from './electron/ipc.ts';
import { freshState, fakeState } from './electron/state.ts';
import {
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
} from './electron/system.ts';
import { Menu, nativeImage, Notification, Tray } from './electron/tray.ts';
import { defaultSession, FakeWebContents } from './electron/web-contents.ts';
import { BrowserWindow } from './electron/windows.ts';

export { app, type FakeLoginItemSettings } from './electron/app.ts';
export { contextBridge, ipcMain, ipcRenderer, type FakeInvokeEvent } from './electron/ipc.ts';
export { fakeState, type FakeDisplay, type FakeRect, type FakeState } from './electron/state.ts';
export {
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
} from './electron/system.ts';
export {
  Menu,
  nativeImage,
  Notification,
  Tray,
  type FakeMenu,
  type FakeMenuItem,
  type FakeNativeImage,
} from './electron/tray.ts';
export { FakeClientRequest, FakeIncomingMessage, type FakeRequestRecord } from './electron/net-request.ts';
export { FakeSession, FakeWebContents, FakeWebFrame } from './electron/web-contents.ts';
export { BrowserWindow } from './electron/windows.ts';

/** Puts the fake back to a fresh Electron, between tests. */
export function resetElectronFake(): void {
  BrowserWindow.instances.length = 0;
  Notification.instances.length = 0;
  Tray.instances.length = 0;
  contextBridge.exposed.clear();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.rendererSender = new FakeWebContents();
  shell.opened.length = 0;
  net.requests.length = 0;
  shell.shownInFolder.length = 0;
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  powerMonitor.removeAllListeners();
  defaultSession.reset();
  app.reset();
  Object.assign(fakeState, freshState());
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
};
