/** Electron entry: wires the Electron-free core to Electron's tray, window, notifications and IPC. */
import { app, ipcMain, Menu, nativeImage, net, Tray } from 'electron';
import { EVENT_CHANNELS } from '../common/ipc/contract.ts';
import { createAppCore } from './core/app-core.ts';
import { consoleLogger } from './core/ports.ts';
import { appPaths } from './adapters/app-paths.ts';
import { createElectronNotifier } from './adapters/electron-notifier.ts';
import { openSettings } from './adapters/settings.ts';
import { createTrayWindow, isTrayWindowSender } from './adapters/tray-window.ts';
import { createIpcDispatcher } from './ipc/dispatcher.ts';
import { forwardEvents } from './ipc/forward-events.ts';
import { connectNotifications } from './notifications/notification-center.ts';
import { registerIpc } from './ipc/register-ipc.ts';

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const paths = appPaths();
  const log = consoleLogger;
  const settings = openSettings();
  const envFeeds = (process.env['ADVOCATE_FEED_URLS'] ?? '').split(',').map((url) => url.trim()).filter(Boolean);

  const window = createTrayWindow(paths);
  const showWindow = (): void => {
    window.show();
    window.focus();
  };
  const core = await createAppCore({
    fetch: (input, init) => net.fetch(input, init),
    log,
    dataDir: app.getPath('userData'),
    feedUrls: envFeeds.length > 0 ? envFeeds : settings.get('feedUrls'),
    endpointUrl: process.env['ADVOCATE_ENDPOINT_URL'] ?? settings.get('endpointUrl'),
  });
  connectNotifications(
    core,
    createElectronNotifier((postId) => {
      showWindow();
      if (postId) core.openPost(postId);
    }),
  );
  registerIpc(ipcMain, createIpcDispatcher(core.handlers, log), isTrayWindowSender(window, paths.indexHtml), log);
  forwardEvents(core.events, (event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNELS[event], payload);
  });

  const tray = new Tray(nativeImage.createFromPath(paths.trayIcon));
  tray.setToolTip('Advocate');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open', click: showWindow },
      { label: 'Refresh now', click: () => void core.pollNow() },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', () => {
    if (window.isVisible()) window.hide();
    else showWindow();
  });
  app.on('second-instance', showWindow);
  // A tray app keeps running with its window closed.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => void core.stop());
  await core.start();
}

main().catch((error: unknown) => {
  console.error('Advocate failed to start', error);
  app.exit(1);
});
