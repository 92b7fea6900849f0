/**
 * Electron entry: wires the Electron-free core, the settings and the notification rules to Electron's
 * tray, window, notifications, protocol and IPC. Decisions live in the pure modules it imports; this
 * file only connects them.
 */
import { app, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { APP_LINK_SCHEME, appLinkInArguments, postUrlOfAppLink } from '../common/app-link.ts';
import { EVENT_CHANNELS } from '../common/ipc/contract.ts';
import { appPaths } from './adapters/app-paths.ts';
import { registerAppScheme, serveAppProtocol } from './adapters/app-protocol.ts';
import { exportDiagnostics } from './adapters/diagnostics-export.ts';
import { createElectronNotifier, prepareNotifications } from './adapters/electron-notifier.ts';
import { applyStartAtLogin } from './adapters/login-item.ts';
import { netRequestFetch } from './adapters/net-request-fetch.ts';
import { createNetworkStatus } from './adapters/network-status.ts';
import { openExternalLink, openLinkFromPage } from './adapters/open-external.ts';
import { readPresetLayers } from './adapters/policy-sources.ts';
import { openJsonStore, pauseStoreIn } from './adapters/settings-store.ts';
import { createDeviceTokenStore } from './adapters/token-store.ts';
import { createAppTray } from './adapters/tray.ts';
import { createTrayWindow } from './adapters/tray-window.ts';
import { denyPermissions, lockDownAllContents } from './adapters/window-security.ts';
import { createAppCore } from './core/app-core.ts';
import { consoleLogger, systemClock } from './core/ports.ts';
import { createFileLogger } from './diagnostics/log-file.ts';
import { createIpcDispatcher } from './ipc/dispatcher.ts';
import { followMastodonLimits, mastodonLimitsHandlers } from './mastodon/limits-handlers.ts';
import { createMastodonLimits } from './mastodon/mastodon-limits.ts';
import { forwardEvents } from './ipc/forward-events.ts';
import { registerIpc } from './ipc/register-ipc.ts';
import { createNotificationCenter } from './notifications/notification-center.ts';
import { followPause, pauseHandlers } from './notifications/pause-handlers.ts';
import { openShownTally, SHOWN_TALLY_FILE } from './notifications/shown-tally.ts';
import { feedsToPoll } from './settings/layers.ts';
import { watchPresets } from './settings/preset-watch.ts';
import { followSettings, profileHandler, settingsHandlers, type CoreTargets } from './settings/settings-handlers.ts';
import { createSettingsService } from './settings/settings-service.ts';
import { enrollmentFromSettings } from './sync/enrollment-source.ts';
import { trayMenu, type TrayAction } from './tray/tray-menu.ts';
import { trayStatus } from './tray/tray-status.ts';
import { createUnreadCount } from './tray/unread-count.ts';
import { currentExternalHosts } from './web/external-hosts.ts';

const MINUTE_MS = 60 * 1000;
/** Development overrides, comma separated; they replace the configured feeds and endpoint. */
const envFeeds = (process.env['ADVOCATE_FEED_URLS'] ?? '')
  .split(',')
  .map((url) => url.trim())
  .filter(Boolean);
const envEndpoint = process.env['ADVOCATE_ENDPOINT_URL'] ?? null;

// Before ready: Chromium fixes scheme privileges and the renderer sandbox at start-up.
registerAppScheme();
app.enableSandbox();

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // macOS hands an "Open in Advocate" link over as an event, possibly before the app is ready: kept until then.
  let openLink: (link: string) => void = (link) => {
    launchLink = link;
  };
  let launchLink = appLinkInArguments(process.argv);
  app.on('open-url', (event, link) => {
    event.preventDefault();
    openLink(link);
  });
  const platform = process.platform;
  await app.whenReady();
  const paths = appPaths();
  const log = createFileLogger({ dir: paths.logDir, ...(app.isPackaged ? {} : { echo: consoleLogger }) });
  log.info('starting', { version: app.getVersion(), platform });
  prepareNotifications(platform);

  const presets = await readPresetLayers(platform, process.env);
  const settingsFile = openJsonStore('settings', log);
  const settings = createSettingsService({ store: settingsFile, storeOrigin: settingsFile.path, ...presets, log });
  const state = openJsonStore('state', log);
  const tokens = createDeviceTokenStore({ file: join(app.getPath('userData'), 'device-token.bin'), platform, log });
  const targets: CoreTargets = {
    feeds: (values) => (envFeeds.length > 0 ? envFeeds : feedsToPoll(values)),
    endpoint: (values) => envEndpoint ?? values.endpointUrl,
  };
  // IT's changes apply within a minute, without a restart (feeds, endpoint, cap, quiet hours, start at login).
  const presetWatch = watchPresets(presets, {
    read: () => readPresetLayers(platform, process.env),
    apply: (layers) => settings.replacePresets(layers),
    clock: systemClock,
    log,
  });

  denyPermissions(session.defaultSession, log);
  serveAppProtocol(paths.rendererDir);

  // Built in dependency order; the closures below reach the tray and the window only once both exist.
  const initial = settings.values();
  const core = await createAppCore({
    // Feeds and the endpoint through Chromium (proxy, PAC, certificates), redirects counted by the engine.
    fetch: netRequestFetch,
    log,
    dataDir: app.getPath('userData'),
    feedUrls: targets.feeds(initial),
    endpointUrl: targets.endpoint(initial),
    // Silently with the code from policy, or the one typed in Settings; the token goes to safeStorage.
    enrollment: enrollmentFromSettings(settings),
    deviceTokens: tokens,
    network: createNetworkStatus(),
    pollIntervalMs: initial.pollIntervalMinutes * MINUTE_MS,
    endpointFallbackMs: initial.endpointFallbackMinutes * MINUTE_MS,
    pollFeedsOnDesktop: initial.pollFeedsOnDesktop,
    policyBlockList: () => settings.values().blockList,
    archiveDays: () => settings.values().archiveDays,
    archiveToEndpoint: () => settings.values().archiveToEndpoint,
    exportDir: app.getPath('downloads'),
  });
  const externalHosts = currentExternalHosts(
    () => settings.values(),
    () => core.organisationUrls(),
  );
  // Before the first window: every webContents is locked down from its creation.
  lockDownAllContents(app, openLinkFromPage(log, externalHosts), log);

  const mastodon = createMastodonLimits({
    fetch: netRequestFetch,
    clock: systemClock,
    log,
    instance: initial.mastodonInstance,
  });

  const notifications = createNotificationCenter({
    core,
    notifier: createElectronNotifier((postId) => {
      window.show();
      if (postId) core.openPost(postId);
    }),
    rules: () => settings.values(),
    pauses: pauseStoreIn(state),
    tally: await openShownTally(join(app.getPath('userData'), SHOWN_TALLY_FILE), log),
    log,
  });
  const showTrayStatus = (): void => {
    tray.show(
      trayStatus({ unread: unread.value(), pausedUntil: notifications.pausedUntil(), now: new Date(), platform }),
    );
  };
  const unread = createUnreadCount(core, showTrayStatus);

  const actions: { readonly [A in TrayAction]: () => void } = {
    open: () => window.show(),
    refresh: () => void core.pollNow(),
    pauseHour: () => notifications.pause('hour'),
    pauseTomorrow: () => notifications.pause('tomorrow'),
    resume: () => notifications.resume(),
    settings: () => {
      window.show();
      core.events.emit('showSettings', null);
    },
    exportDiagnostics: () => {
      exportDiagnostics({
        platform,
        settings,
        postSource: () => core.postSource(),
        feeds: () => core.handlers.listFeeds(),
        syncStatus: () => core.handlers.getSyncStatus(),
        posts: () => core.handlers.listPosts(),
        notifications,
        unread: () => unread.value(),
        deviceTokenStored: async () => (await tokens.load()) !== null,
        logTail: (lines) => log.tail(lines),
      }).then(
        (file) => log.info('exported diagnostics', { file }),
        (error: unknown) =>
          log.error('could not export diagnostics', { reason: error instanceof Error ? error.message : String(error) }),
      );
    },
    quit: () => app.quit(),
  };
  const tray = createAppTray({
    iconDir: paths.trayIconDir,
    platform,
    menu: () => trayMenu({ pausedUntil: notifications.pausedUntil(), now: new Date() }),
    onAction: (action) => actions[action](),
    onClick: () => window.toggle(),
  });
  const window = createTrayWindow({ preload: paths.preload, platform, trayBounds: () => tray.bounds() });
  window.window.on('show', () => {
    unread.reset();
    // Opening the window: figures older than a minute are checked with the endpoint again.
    void core.handlers.refreshResults('if-stale');
  });
  notifications.onPauseChange(() => {
    tray.refreshMenu();
    showTrayStatus();
  });
  showTrayStatus();

  registerIpc(
    ipcMain,
    createIpcDispatcher(
      {
        ...core.handlers,
        ...settingsHandlers(settings),
        ...profileHandler(settings, core),
        ...pauseHandlers(notifications),
        ...mastodonLimitsHandlers(mastodon),
        openExternal: openExternalLink(externalHosts),
      },
      log,
    ),
    (event) => window.isSender(event),
    log,
  );
  forwardEvents(core.events, (event, payload) => {
    if (!window.window.isDestroyed()) window.window.webContents.send(EVENT_CHANNELS[event], payload);
  });
  followSettings(settings, core.events, core, targets);
  // The window's Pause and the tray menu's act on the same center; both hear every change.
  followPause(notifications, core.events);
  followMastodonLimits(mastodon, settings, core.events);
  const loginItem = { platform, env: process.env, execPath: process.execPath, log };
  settings.onChange((values, changed) => {
    if (changed.includes('startAtLogin')) void applyStartAtLogin(values.startAtLogin, loginItem);
  });
  void applyStartAtLogin(initial.startAtLogin, loginItem);

  // A second launch (a click on an "Open in Advocate" link on Windows and Linux) hands its arguments here.
  app.on('second-instance', (_event, argv) => {
    window.show();
    const link = appLinkInArguments(argv);
    if (link !== null) openLink(link);
  });
  // Packaged only: a development build registered would leave the OS opening a bare Electron.
  if (app.isPackaged && !app.setAsDefaultProtocolClient(APP_LINK_SCHEME))
    log.warn('the OS did not let Advocate open advocate:// links');
  // A tray app keeps running with its window closed.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    window.allowClose();
    presetWatch.stop();
    notifications.stop();
    mastodon.stop();
    void core.stop();
  });
  await core.start();
  openLink = (link) => {
    const postUrl = postUrlOfAppLink(link);
    if (postUrl === null) {
      log.warn('an advocate:// link that names no post was not followed');
      return;
    }
    window.show();
    core.openPostAt(postUrl);
  };
  if (launchLink !== null) openLink(launchLink);
}

main().catch((error: unknown) => {
  console.error('Advocate failed to start', error);
  app.exit(1);
});
